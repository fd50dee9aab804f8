"""identifiable-pupil (clause 1.5, GDPR): a pupil named or identifiable without consent.

Who speaks decides as much as who is named:
- the school's official account may name a pupil whose register says name_consent = yes;
  on the private family channels (ClassDojo, Tapestry) naming the child is the point;
- staff, governors and trustees on personal accounts: consent covers official channels
  only, so any pupil named is a finding (review when the mention is kind, block when it
  comes with sensitive details);
- parents and carers may name their own children, never another family's;
- pupils' own posts are not findings here: about themselves they are theirs to make, and
  about classmates the harassment rule stands for them;
- a one-to-one message (interaction.with_role) is the unapproved-channel rule's concern.

Past pupils count while they are under 18. A pupil can also be identified without a
name: "the boy in 5S who ...", "the little girl in Year 4 whose mum ...".
"""

from __future__ import annotations

import re
from collections import defaultdict

from socialguard.analysis.detectors.base import CheckInput, Detector
from socialguard.analysis.finding import Finding
from socialguard.analysis.names import Mention, own_children, pupil_mentions, roster_mentions
from socialguard.analysis.post import Person

PRIVATE_FAMILY_CHANNELS = ("classdojo", "tapestry")
MAX_FINDINGS = 50  # a post that names fifty pupils has made its point

_PUBLIC_REPLY = re.compile(r"^\s*(?:replying to|reply to|comment(?:ed)? on)\b", re.I)
_OWN_BEFORE = re.compile(r"\b(?:my|our)\s+(?:little\s+|lovely\s+|gorgeous\s+|beautiful\s+|boy\s+|girl\s+)?$",
                         re.I)
_PARENT_OF = re.compile(r"^['’]s\s+(?:mum|mom|mam|dad|parents?|nan|nana|nanny|gran|grandma|grandad|"
                        r"grandparents|family|carer|step-?mum|step-?dad)\b", re.I)
_YEAR_NEAR = re.compile(r"\b(?:year|yr|y)\s?(\d{1,2})\b|\b(reception)\b|\b(\d{1,2})[a-z]\b", re.I)
_SENSITIVE = re.compile(
    r"\b(?:exclu(?:ded|sion)|suspen(?:ded|sion)|ehcp|sen\b|send\b|sen register|social (?:worker|services)|"
    r"child protection|cp plan|safeguarding|diagnos|adhd|autis|medication|nhs|dob|upn|results?|"
    r"reading age|prison|arrested|behaviour plan|reduced timetable|1:1|free school meals|fsm|"
    r"self[- ]?harm|epilep|anaphyla|referr(?:ed|al)|police|court|custody|divorce|passed away|died|"
    r"bereave|care order|foster|looked after|in care|steal|stole|thief|liar|trouble|fight|bull(?:y|ying|ied)|"
    r"got a \d|grade \d|failed|can'?t (?:read|blend|write))", re.I)

# "the boy in 5S who ...", "that lad in year 6 with the ginger curtains"
_DESCRIBED = re.compile(
    r"\b(?:the|that|this)\s+(?:(?:little|new|[\"'‘’]?[a-z-]+[\"'‘’]?)\s+)?"
    r"(?:boy|girl|kid|lad|lass|child)\s+"
    r"(?:in|from)\s+(?:year\s?\d{1,2}|yr\s?\d{1,2}|y\d{1,2}|reception|\d{1,2}[a-z]\b|my class|our class|class \w+|"
    r"[A-Z][a-z]+['’]s class)"
    r"(?:\s+(?:who|whose|with|that)\b[^.!?\n]{0,50})?",
    re.I)
_DESCRIBED_STAFF = re.compile(
    r"\b(?:the|that)\s+(?:[\"'‘’]?[a-z-]+[\"'‘’]?\s+)?(?:kid|boy|girl|lad|child)\s+"
    r"(?:with\s+the|who\s+(?:always|never|still|keeps|wets|cries|smells|can'?t))\b[^.!?\n]{0,40}",
    re.I)
_CHILD_WORD = re.compile(r"boy|girl|kid|lad|lass|child")
_ADULT_CUE = re.compile(
    r"\b(?:mr|mrs|miss|ms|mx|dr|teacher|ta|staff|colleague|governor|head|deputy|volunteer|pta|"
    r"husband|wife|partner|chef|caretaker|office|coach|trustee|chair|senco|lady|welcome to our new)\b", re.I)
_ADJECTIVE_OK = frozenset({"little", "new"})


class IdentifiablePupilDetector(Detector):
    rule = "identifiable-pupil"
    order = 150  # after personal-data and the harm rules, whose findings make a mention more serious

    def detect(self, inp: CheckInput) -> list[Finding]:
        school = inp.school
        post = inp.post
        if school is None or not post.text:
            return []
        role = post.author.role
        if role == "pupil":
            return []
        if post.interaction.get("with_role") in ("pupil", "parent") and not _PUBLIC_REPLY.match(post.text):
            return []
        if post.platform in PRIVATE_FAMILY_CHANNELS:
            return []
        official = post.account == "official"
        adult_personal = role in ("staff", "governor", "trustee") and not official
        own = own_children(inp)
        # a family member or an unknown parent names their own family's children
        family_author = role == "family" or (role == "parent" and not own)

        findings: list[Finding] = []
        by_span: dict[tuple[int, int], list[Mention]] = defaultdict(list)
        adults_at: dict[tuple[int, int], list[Mention]] = defaultdict(list)
        for m in roster_mentions(inp):
            (by_span if m.person.role == "pupil" else adults_at)[(m.start, m.end)].append(m)
        sensitive = self._sensitive(inp) if by_span else False
        addressed = _addressed_parents_children(inp) if by_span else set()
        for (start, end), group in sorted(by_span.items()):
            if len(findings) >= MAX_FINDINGS:
                break
            people = [m.person for m in group if _in_scope(m.person, inp)]
            if not people:
                continue
            adults = adults_at.get((start, end), [])
            possessor = re.match(r"['’]s\b", post.text[end:end + 3]) is not None  # "Alfie's teacher"
            if adults and (any(a.person.id == getattr(inp.author_person, "id", None) for a in adults)
                           or (not possessor and _ADULT_CUE.search(post.text[max(0, start - 30):end + 30]))):
                continue  # the name is also an adult's, and here it is the adult (or the author)
            people = _narrow_by_year(people, post.text, start, end)
            if any(p.id in own or p.id in addressed for p in people):
                continue
            if _OWN_BEFORE.search(post.text[max(0, start - 25):start]):
                continue
            if role in ("parent", "family") and _PARENT_OF.match(post.text[end:end + 20]):
                continue
            if family_author and not sensitive:
                continue
            if official and any(p.name_consent is True for p in people):
                continue
            best = max(group, key=lambda m: m.score)
            conf = _confidence(best)
            severity = None
            if adult_personal and not sensitive:
                severity = "review"
            who = people[0]
            message = ("A pupil is named on the school's account without name consent."
                       if official else
                       "A pupil is named on a personal account; consent covers official channels only."
                       if adult_personal else
                       "Another family's child is named.")
            findings.append(self.finding(
                inp, confidence=conf, message=message, span=(start, end), severity=severity,
                detail={"person": who.id if len(people) == 1 else None, "kind": best.kind,
                        "candidates": [p.id for p in people]}))
        if role != "pupil" and not official:
            findings.extend(self._described(inp, adult_personal, findings))
        return findings[:MAX_FINDINGS]

    def _described(self, inp: CheckInput, adult_personal: bool, named: list[Finding]) -> list[Finding]:
        """A pupil identified by class and description rather than by name."""
        text = inp.post.text
        out: list[Finding] = []
        if not _CHILD_WORD.search(inp.text.folded.text):
            return out
        patterns = [_DESCRIBED] + ([_DESCRIBED_STAFF] if adult_personal else [])
        for pat in patterns:
            for m in pat.finditer(text):
                words = m.group().split()
                if re.match(r"\s*(?:my|our)\b", text[max(0, m.start() - 4):m.start()], re.I):
                    continue
                has_detail = bool(re.search(r"\b(?:who|whose|with)\b", m.group(), re.I)) or \
                    bool(re.match(r"(?i)(?:the|that|this)\s+[\"'‘’]", m.group())) or \
                    (len(words) > 1 and words[1].lower().strip("\"'‘’") not in
                     ({"boy", "girl", "kid", "lad", "lass", "child"} | _ADJECTIVE_OK))
                if not has_detail and not self._sensitive(inp):
                    continue
                span = (m.start(), m.end())
                if any(f.start is not None and f.start < span[1] and span[0] < f.end for f in named + out):
                    continue
                out.append(self.finding(
                    inp, confidence=0.6, span=span, severity="review",
                    message="A pupil can be identified from the description (class and details).",
                    remedy="Remove the class and the details that single the child out.",
                    detail={"kind": "description"}))
        return out

    @staticmethod
    def _sensitive(inp: CheckInput) -> bool:
        if "identifiable_pupil_sensitive" not in inp.cache:
            prior = {f.rule for f in inp.cache.get("findings", [])}
            inp.cache["identifiable_pupil_sensitive"] = bool(
                prior & {"personal-data", "confidential", "harassment", "defamation", "discrimination"}
                or _SENSITIVE.search(inp.text.folded.text))
        return inp.cache["identifiable_pupil_sensitive"]


_ADDRESSING = re.compile(r"^\s*(?:@|(?:hi|hey|hiya|dear|thanks|thank you|morning|evening)\s+)?$", re.I)


def _addressed_parents_children(inp: CheckInput) -> set[str]:
    """Children of the adult the post opens by addressing ("@Hayley ...", "Hi Gemma, ..."):
    talking to a parent about their own child does not expose the child to anyone new."""
    ids: set[str] = set()
    for m in roster_mentions(inp):
        if m.person.role == "pupil" or m.start >= 20:
            continue
        prefix = inp.post.text[:m.start]
        vocative = re.match(r"\s*[,:!]", inp.post.text[m.end:m.end + 2]) is not None
        if _ADDRESSING.match(prefix) and (prefix.strip() or vocative):
            ids.update(m.person.child_ids)
    return ids


def _in_scope(p: Person, inp: CheckInput) -> bool:
    """A current pupil, or a past pupil who is still a child."""
    day = inp.day
    if p.is_current_pupil(day):
        return True
    age = p.age_on(day)
    if age is not None:
        return age < 18
    # no date of birth: a pupil who left in the last few years is probably still a child
    return p.left_on is not None and (day - p.left_on).days < 6 * 365


def _narrow_by_year(people: list[Person], text: str, start: int, end: int) -> list[Person]:
    if len(people) < 2:
        return people
    window = text[end:end + 20] + " " + text[max(0, start - 20):start]
    m = _YEAR_NEAR.search(window)
    if not m:
        return people
    year = (m.group(1) or m.group(3) or "").lstrip("0") or ("R" if m.group(2) else "")
    same = [p for p in people if p.year_group.upper() == year.upper()]
    return same or people


def _confidence(m: Mention) -> float:
    return {"full": 0.95, "surname": 0.8, "fuzzy": 0.6}.get(m.kind, 0.0) or min(0.9, m.score)

