"""unapproved-channel (2.1): staff should never interact with pupils or parents outside
the agreed, secure channels; they must never friend pupils (past pupils under 18
included) and are strongly advised not to friend parents.

Facts first: a staff member on a personal account, on a platform that is not one of
``school.approved_channels``, messaging, replying to or friending someone whose role is
pupil or parent (``interaction.with_role``, or the roster person of
``interaction.with_id``/``with_person``/``with_name``). A past pupil counts while under
18 on the post's date (from ``date_of_birth``): a former pupil now 30 is a grown-up
contact. Without an interaction, the text can still show staff moving pupils or parents
to a personal channel ("message me on my own WhatsApp", "add me on snap"), or the context
can place a staff member in a parents' chat the school does not run.

Severity: pupils block (the policy default); parents review (advice, not a ban);
governors and trustees, who are only asked to consider the staff guidance (2.2), review.
"""

from __future__ import annotations

import re

from socialguard.analysis.detectors._facts import (
    event_text, find_people, interaction_person, is_approved_channel, is_official,
)
from socialguard.analysis.detectors.base import CheckInput, Detector
from socialguard.analysis.finding import Finding
from socialguard.analysis.post import Person

ADULT_AGE = 18
# interaction.with_role as written by other tools -> the roster role it means
_ROLE_ALIASES = {"pupil": "pupil", "student": "pupil", "child": "pupil", "past pupil": "pupil",
                 "former pupil": "pupil", "ex pupil": "pupil", "ex-pupil": "pupil",
                 "parent": "parent", "carer": "parent", "family": "parent", "guardian": "parent",
                 "staff": "staff", "colleague": "staff", "governor": "governor", "trustee": "trustee",
                 "public": "public"}

_FRIEND = re.compile(
    r"\b(?:friend request(?: sent| accepted)?|friend req|add(?:ed)? (?:me|you|u)\b|"
    r"accept(?:ed)? (?:my|your|ur)? ?(?:request|friend)|"
    r"thanks for the add|accepted!|follow(?:ed)? (?:me|you|u|back)\b|followed @|connected with|"
    r"i added (?:u|you)|sending you a friend)",
    re.I)
# Moving the conversation to a personal channel.
_PERSONAL_CHANNEL = re.compile(
    r"\b(?:(?:message|msg|text|dm|contact|whatsapp|ring|call|add|find|follow) (?:me|us) (?:on|at|via) (?:my )?"
    r"(?:own|personal|private|snap(?:chat)?|insta(?:gram)?|tiktok|whatsapp|messenger|facebook|fb|number|mobile)|"
    r"(?:easier|quicker|better|simpler) to (?:message|text|contact|chat with) (?:you|u) on my (?:own|personal|private)|"
    r"add me on (?:snap(?:chat)?|insta(?:gram)?|facebook|fb|tiktok|whatsapp|discord)|"
    r"(?:text|call|ring|whatsapp|message|msg) me (?:on|at) \+?\d|"
    r"(?:message|dm|text) me (?:on here|privately|directly)|(?:just )?message me on here|"
    r"i'?m always on (?:messenger|whatsapp|snap|insta)|"
    r"(?:set up|made|started|created) a (?:whatsapp|snapchat|snap|instagram|insta|messenger|facebook) (?:group|chat)|"
    r"my (?:personal|own|private) (?:number|mobile|whatsapp|account|page|insta|snap))",
    re.I)
# Whom a post without an interaction field speaks to.
_AUDIENCE = re.compile(
    r"\b(?:pupils?|students?|kids|children|parents?|mums?|dads?|carers?|families|class|form|"
    r"year \d{1,2}|yr ?\d{1,2}|your (?:child|son|daughter|kid)|my class|revision|homework)\b",
    re.I)
_PARENTS = re.compile(r"parent|mum|dad|carer|famil|your (?:child|son|daughter|kid)", re.I)
_PARENT_GROUP = re.compile(
    r"\b(?:parents?|mums?|dads?|mams?|families|class|year \d{1,2}|y\d)\b[^()]{0,30}"
    r"\b(?:whatsapp|group|chat|messenger)\b|"
    r"\b(?:whatsapp|group|chat)\b[^()]{0,20}\b(?:parents?|mums?|dads?)\b", re.I)
_SCHOOL_RUN = re.compile(r"\bmoderated\b|(?<!not )\bschool[- ]run\b|(?<!un)official\b", re.I)
# "(18)", "now 19", "aged 16", "a 17-year-old": the age of whom the staff member contacts
_STATED_AGE = re.compile(r"\((\d{1,2})\)|\b(?:now|aged|age)\s+(\d{1,2})\b|\b(\d{1,2})[- ]?(?:year[- ]old|yo)\b",
                         re.I)
_ADDRESSED = re.compile(
    r"^\W*(?:dm|pm|messenger|message|msg|snap|snapchat|whatsapp|text|comment|reply|replying|friend request)"
    r"(?: sent)? to ([^:\n]{2,60}):", re.I)
_PAST_PUPIL_CUE = re.compile(
    r"\b(?:former|past|ex)[- ]pupil|\bleft (?:us|school)|\bcollege\b|\buni(?:versity)?\b|apprenticeship|"
    r"\bgraduat|big school|secondary|\bresults\b|miss having you|trainee|\bjob\b", re.I)


class UnapprovedChannelDetector(Detector):
    rule = "unapproved-channel"

    def detect(self, inp: CheckInput) -> list[Finding]:
        post = inp.post
        role = post.author.role
        if role not in ("staff", "governor", "trustee"):
            return []
        if is_official(inp) or is_approved_channel(inp):
            return []
        cap = None if role == "staff" else "review"
        text = inp.text.folded
        friend = (bool(post.interaction.get("friend_request"))
                  or post.interaction.get("kind") in ("friend_request", "follow"))
        fm = _FRIEND.search(text.text)
        cm = _PERSONAL_CHANNEL.search(text.text)
        cue = cm or fm
        span = text.span(cue.start(), cue.end()) if cue else None

        person = interaction_person(inp)
        raw = str(post.interaction.get("with_role") or "").strip().lower().replace("_", " ")
        with_role = _ROLE_ALIASES.get(raw, "other" if raw else None)
        if with_role is None and person is None:
            person = self._addressee(inp)
        if with_role is None and person is not None:
            with_role = person.role
        if with_role == "pupil":
            who = person or self._guess_pupil(inp)
            age = self._age(inp, who)
            if age is not None and age >= ADULT_AGE:
                return []   # an adult former pupil: 2.1 bars only under-18s
            what = "friends" if friend or fm else "contacts"
            desc = ("a past pupil" if who is not None and who.is_past_pupil(inp.day) else "a pupil")
            if age is not None:
                desc += f" aged {age}"
            return [self.finding(
                inp, confidence=0.95 if (person or age is not None) else 0.9, severity=cap, span=span,
                message=f"A staff member {what} {desc} on a personal account, outside the approved channels.",
                evidence=None if span else f"{post.platform or 'personal'} contact with {desc}")]
        if with_role == "parent":
            return [self.finding(
                inp, confidence=0.9, severity="review", span=span,
                message="A staff member contacts a parent on a personal account, outside the approved channels.",
                evidence=None if span else f"{post.platform or 'personal'} contact with a parent")]
        if with_role is not None:
            return []   # colleagues, the public: not this rule
        audience = _AUDIENCE.search(text.text) if cm else None
        if audience:
            parents = _PARENTS.search(audience.group())
            return [self.finding(
                inp, confidence=0.75, severity="review" if cap or parents else None, span=span,
                message=f"A staff member invites {'parents' if parents else 'pupils'} to a personal channel.")]
        ev = event_text(inp)
        if ev and _PARENT_GROUP.search(ev) and not _SCHOOL_RUN.search(ev):
            return [self.finding(
                inp, confidence=0.7, severity="review", evidence=f"posted in {post.context.get('event')}",
                message="A staff member posts in a parents' group the school does not run.")]
        return []

    def _addressee(self, inp: CheckInput) -> Person | None:
        """The roster person a message is addressed to by platform convention:
        "DM to @brad.chaplin_14: ...", "Messenger to Mrs Hussain: ...", "replying to @x: ..."."""
        m = _ADDRESSED.match(inp.text.folded.text)
        if not m:
            return None
        a, b = inp.text.folded.span(m.start(1), m.end(1))
        hits = [h for h in find_people(inp, ("pupil", "parent", "staff")) if a <= h.start and h.end <= b]
        return hits[0].person if len(hits) == 1 or (hits and hits[0].full) else None

    def _guess_pupil(self, inp: CheckInput) -> Person | None:
        """The pupil the text names, preferring a past pupil when it talks like one."""
        hits = find_people(inp, ("pupil",))
        if not hits:
            return None
        full = [h for h in hits if h.full]
        if full:
            return full[0].person
        past = [h for h in hits if h.person.is_past_pupil(inp.day)]
        if past and (len(past) == len(hits) or _PAST_PUPIL_CUE.search(inp.text.folded.text)):
            return past[0].person
        current = [h for h in hits if not h.person.is_past_pupil(inp.day)]
        return current[0].person if len(current) == 1 else None

    def _age(self, inp: CheckInput, who: Person | None) -> int | None:
        if who is not None and who.date_of_birth is not None:
            return who.age_on(inp.day)
        m = _STATED_AGE.search(inp.text.folded.text)
        if m:
            age = int(next(g for g in m.groups() if g))
            if 4 <= age <= 99:
                return age
        return None
