"""false-identity (2.1): "It is illegal for an adult to network falsely giving their age and
status as a child"; nobody may pose as the school or as another person.

Three kinds of evidence:
- a look-alike of the school's official accounts: a handle that folds to an official one
  through homoglyphs (0/O, I/l), extra underscores or words such as "official"/"real",
  or an account using the school's name that is not official;
- an adult author (public, staff, parent, governor, trustee, family) saying they are a
  child: "im a 12yo girl", "i'm in year 7 as well", "same age (11)". "When I was 12" and
  "my 12 year old" are not claims;
- someone posing as a named member of staff or a pupil: a handle or display name with
  their name used by someone else, "This is Mr Pike's official account", "Miss Gotts here",
  "As a teacher at St Aidan's" from a parent, "Set up a parody account of our head".
"""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz import fuzz

from socialguard.analysis.detectors._facts import ADULT_ROLES, per_school
from socialguard.analysis.detectors.base import CheckInput, Detector
from socialguard.analysis.finding import Finding
from socialguard.analysis.post import Person, SchoolContext
from socialguard.analysis.text import fold

_URL = re.compile(
    r"^(?:https?://)?(?:www\.|m\.)?(?:(?:facebook|fb|instagram|tiktok|x|twitter|youtube|linkedin|classdojo|"
    r"snapchat|threads)\.com/(?:in/|@)?)?@?", re.I)
# Words an impostor adds to an official name: "@StAidansNorwich_official", "theharbourview".
_NOISE = ("official", "offical", "real", "the", "page", "team", "news", "updates", "update", "info", "admin",
          "account", "new", "uk", "hq", "genuine", "verified", "school")
_CONFUSE = str.maketrans({"0": "o", "1": "l", "i": "l", "|": "l", "!": "l", "5": "s", "3": "e", "4": "a",
                          "8": "b", "$": "s", "@": "a"})
_CLAIM_WORDS = re.compile(r"official|real|genuine|verified|admin")
_TITLES = r"(?:mr|mrs|miss|ms|mx|dr|sir)"
_ADULT_AUTHORS = frozenset({"public", "staff", "parent", "governor", "trustee"})


@lru_cache(maxsize=4096)   # authors post many times: their names and handles repeat
def _raw(handle: str) -> str:
    """The account as a platform sees it: no URL prefix or '@', case-insensitive."""
    return _URL.sub("", fold(handle.strip()).text).rstrip("/")


def _key(s: str) -> str:
    return re.sub(r"[^a-z0-9]", "", _raw(s))


def _confusable(k: str) -> str:
    return k.replace("rn", "m").replace("vv", "w").translate(_CONFUSE)


def _denoise(k: str) -> str:
    for w in _NOISE:
        k = k.replace(w, "")
    return re.sub(r"\d+$", "", k)


@lru_cache(maxsize=4096)
def _core(s: str) -> str:
    """What is left of a handle or name once impostor padding and look-alikes are folded."""
    return _confusable(_denoise(_key(s)))


_KEYS: dict[int, tuple[SchoolContext, tuple]] = {}


def _school_keys(school: SchoolContext) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(the school's own accounts as platforms see them, their cores, the cores of its names),
    cached per school."""
    hit = _KEYS.get(id(school))
    if hit is not None and hit[0] is school:
        return hit[1]
    handles = [*school.official_accounts, *(a for a in school.aliases if a.strip().startswith("@"))]
    raws = frozenset(_raw(a) for a in handles)
    cores = frozenset(c for c in (_core(a) for a in handles) if len(c) >= 4)
    names = frozenset(c for c in (_core(n) for n in [school.name, *school.aliases]) if len(c) >= 5)
    if len(_KEYS) > 64:
        _KEYS.clear()
    _KEYS[id(school)] = (school, (raws, cores, names))
    return raws, cores, names


def _lookalike(handle: str, school: SchoolContext) -> bool:
    """A handle that is not the school's but folds to one of its accounts."""
    raws, cores, names = _school_keys(school)
    if _raw(handle) in raws:
        return False
    core = _core(handle)
    if len(core) < 4:
        return False
    for off in cores:
        if core == off or (len(off) >= 6 and fuzz.ratio(core, off) >= 90):
            return True
    # the school's name plus a claim of being the real thing: "BrackenfieldPTAofficial"
    return _claims_school(handle, names)


def _claims_school(value: str, names: frozenset[str]) -> bool:
    k = _confusable(_key(value))
    return any(n in k for n in names) and bool(_CLAIM_WORDS.search(_key(value)))


# ---------------------------------------------------------------- claims in the text

_NOT_AGE = r"(?!\s*(?:min|mins|minute|minutes|hours?|hrs?|secs?|seconds?|%|k\b|pounds?|quid|miles?|km|days?|weeks?|" \
           r"months?|times?|goals?|points?|pts|stone|st\b|kg|lbs?|-\s*\d|:\d|\.\d|am\b|pm\b|o'?clock|of\b|out of|/|" \
           r"sleeps?|more|left|down|up\b|in a row))"
_NUM = (r"(\d{1,2}|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen)"
        r"(?![0-9])")
_NUM_WORDS = {w: n for n, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen".split())}
_ANY_NUMBER = re.compile(r"\d|(?:five|six|seven|eight|nine|ten|eleven|twelve|teen)\b")
_CHILD_AGE_CLAIM = re.compile(
    r"\b(?:i'?m|im|i am|me)\s+(?:a\s+|an\s+|only\s+|just\s+|actually\s+|also\s+|really\s+)?" + _NUM +
    r"(?:\s*(?:yo|y/o|yrs?|years?)\b)?" + _NOT_AGE +
    r"|\bjust (?:turned|an?) " + _NUM + r"(?:[- ]?(?:yo|y/o|year[- ]old|yr[- ]old)\b)?" + _NOT_AGE +
    r"|\bsame age \(?(\d{1,2})\)?"
    r"|(?:^|\basl\W{0,3})(\d{1,2})\s?/?\s?(?:m|f)\b",
    re.I)
# (pattern, whether it may be an adult's own class or child's year and needs "too"/"as well")
_CHILD_YEAR_CLAIMS = (
    (re.compile(r"\b(?:i'?m|im|i am)\s+(?:in\s+)?(?:year|yr|y)\s?(\d{1,2})\b(?P<tail>[^.!?\n]{0,25})", re.I), True),
    (re.compile(r"\b(?:me and my (?:mates|friends)|we) are (?:in )?(?:year|yr|y)\s?(\d{1,2})\b"
                r"(?P<tail>[^.!?\n]{0,25})", re.I), True),
    (re.compile(r"\b(?:i'?m|im|i am|just)\s+(?:a|an)\s+(?:normal\s+|regular\s+|little\s+)?(?:year|yr|y)\s?"
                r"(\d{1,2})\s+(?:kid|girl|boy|pupil|student)(?P<tail>)", re.I), False),
)
_TOO = re.compile(r"\b(?:too|as well|also|like (?:you|u)|same)\b|\bat\b", re.I)
_AS_STAFF = re.compile(
    # not "this is Mr X": that is how a new teacher is introduced
    r"\b(?:it'?s|its|i'?m|im|i am)\s+(" + _TITLES + r")\.?\s+([a-z][a-z'-]+)(?!'s)"
    r"|\b(" + _TITLES + r")\.?\s+([a-z][a-z'-]+)\s+here\b"
    r"|\bthis is (" + _TITLES + r")\.?\s+([a-z][a-z'-]+)'s\s+(?:\w+\s+)?(?:account|page|profile)",
    re.I)
_AS_HEAD = re.compile(r"\b(?:this is|i'?m|i am|it'?s)\s+(?:the|your)\s+head(?:teacher|mistress|master)?\b", re.I)
_AS_TEACHER = re.compile(
    r"\bas a (?:teacher|member of staff|staff member|ta|teaching assistant|governor) (?:at|in|here|of)\b"
    r"|\bi(?:'m| am) a (?:teacher|ta|teaching assistant|member of staff) (?:at|in|here)\b"
    r"|\bi (?:teach|work) at\b", re.I)
_PARODY = re.compile(r"\b(?:set up|made|created|started|running|run)\s+(?:a|an)\s+"
                     r"(?:parody|fake|spoof|copycat|pretend)\s+"
                     r"(?:account|page|profile)\b[^.!?\n]{0,60}", re.I)
_AS_SCHOOL = re.compile(r"\b(?:official (?:page|account)|our new (?:page|account)|the old one was hacked|"
                        r"^\s*official\s*:|message from)\b", re.I)
_AS_PUPIL = re.compile(r"\bthis is ([a-z][a-z'-]+)'s (?:real |new |official )?(?:account|page|profile)"
                       r"|^\W*(?:hi|hey|hiya)?\W*(?:it'?s|its|this is|i'?m|im)\s+([a-z][a-z'-]+)\b", re.I)


# Substrings each pattern cannot match without (a cheap test before the regex).
_NEEDS = {
    _AS_SCHOOL: ("official", "new page", "new account", "hacked", "message from"),
    _PARODY: ("parody", "fake", "spoof", "copycat", "pretend"),
    _AS_STAFF: ("mr", "ms", "miss", "mx", "dr", "sir"),
    _AS_HEAD: ("head",),
    _AS_TEACHER: ("teach", "staff", " ta ", "governor", "work at"),
    _AS_PUPIL: ("'s", "it", "this is", "i'm", "im "),
}


class FalseIdentityDetector(Detector):
    rule = "false-identity"

    def detect(self, inp: CheckInput) -> list[Finding]:
        for check in (self._school, self._person, self._child_claim):
            found = check(inp)
            if found:
                return [found]
        return []

    # ------------------------------------------------------------ (a) the school

    def _school(self, inp: CheckInput) -> Finding | None:
        post, school = inp.post, inp.school
        if school is None:
            return None
        handle = post.author.handle
        raws, _, names = _school_keys(school)
        official_handle = bool(handle) and _raw(handle) in raws
        if official_handle:
            return None
        text = inp.text.folded
        claim = _search(_AS_SCHOOL, text.text)
        span = text.span(claim.start(), claim.end()) if claim else None
        if handle and _lookalike(handle, school):
            return self.finding(inp, confidence=0.95, span=span, evidence=None if span else handle,
                                message=f"{handle} looks like the school's official account but is not one of them.")
        name = post.author.name
        if name and post.account == "personal" and post.author.role != "pupil":
            if _core(name) in names or _claims_school(name, names):
                return self.finding(inp, confidence=0.9, span=span, evidence=None if span else name,
                                    message=f"A personal account named '{name}' presents itself as the school.")
        return None

    # ------------------------------------------------------------ (c) a named person

    def _person(self, inp: CheckInput) -> Finding | None:
        post, school = inp.post, inp.school
        text = inp.text.folded
        role = post.author.role
        m = _search(_PARODY, text.text)
        if m:
            return self.finding(inp, confidence=0.85, span=text.span(m.start(), m.end()),
                                message="The author says they run a fake or parody account of someone.")
        if school is None or post.account == "official":
            return None   # the school's own account (look-alikes were caught before)
        author_staff = self._author_as(inp, "staff")
        # the display name or the handle is a member of staff's, used by someone else
        for label, value in (("name", post.author.name), ("handle", post.author.handle)):
            if not value:
                continue
            staff = _staff_in(value, school, handle=label == "handle") if role not in (None, "staff") else None
            if staff is not None and (author_staff is None or author_staff.id != staff.id):
                span = self._span_of(inp, _AS_STAFF) or self._span_of(inp, _AS_HEAD)
                return self.finding(inp, confidence=0.9, span=span, evidence=None if span else value,
                                    message=f"The account's {label} '{value}' poses as {staff.full_name} (staff).")
            if label == "handle":
                pupil = _pupil_in_handle(value, school)
                if pupil is not None and (inp.author_person is None or inp.author_person.id != pupil.id):
                    span = self._span_of(inp, _AS_PUPIL)
                    return self.finding(inp, confidence=0.85, span=span, evidence=None if span else value,
                                        message=f"The handle '{value}' poses as the pupil {pupil.known_as}.")
        m = _search(_AS_STAFF, text.text)
        if m:
            title_name = [g for g in m.groups() if g]
            last = title_name[1] if len(title_name) > 1 else ""
            staff = _staff_by_last(last, school)
            mine = (post.author.name or "").lower().split()
            if staff is not None and last.lower() not in mine and (role not in (None, "staff")
                                                                   or author_staff is None):
                if role is not None or post.author.handle:
                    return self.finding(inp, confidence=0.85, span=text.span(m.start(), m.end()),
                                        message=f"The post speaks as {staff.full_name}, who did not write it.")
        if role in ("parent", "family", "public", "pupil") and author_staff is None:
            m = _search(_AS_HEAD, text.text) or _search(_AS_TEACHER, text.text)
            if m and (m.re is _AS_HEAD or _about_this_school(text.text[m.end() - 4:m.end() + 40], school)):
                return self.finding(inp, confidence=0.8, span=_clause(inp, text.span(m.start(), m.end())),
                                    message="Someone who is not on the staff claims to be a member of staff.")
        m = _search(_AS_PUPIL, text.text)
        if m and role in ADULT_ROLES | {"pupil"}:
            first = (m.group(1) or m.group(2) or "").lower()
            mine = (post.author.name or "").lower().split()
            pupil = next((p for p in school.pupils if p.known_as.lower() == first or p.first_name.lower() == first),
                         None)
            if pupil is not None and first not in mine and (m.group(1) or post.author.handle):
                return self.finding(inp, confidence=0.75, span=text.span(m.start(), m.end()),
                                    message=f"The post speaks as the pupil {pupil.known_as}, who did not write it.")
        return None

    # ------------------------------------------------------------ (b) an adult as a child

    def _child_claim(self, inp: CheckInput) -> Finding | None:
        post = inp.post
        role = post.author.role
        person = inp.author_person
        # "family" is left out: a brother or sister posting may be a child themselves
        adult = role in _ADULT_AUTHORS or (person is not None and person.role != "pupil")
        if not adult:
            return None
        text = inp.text.folded
        if not _ANY_NUMBER.search(text.text):
            return None   # every claim below has an age or a year group in it
        to_pupil = post.interaction.get("with_role") == "pupil"
        for m in _CHILD_AGE_CLAIM.finditer(text.text):
            n = next(g for g in m.groups() if g).lower()
            age = int(n) if n.isdigit() else _NUM_WORDS[n]
            if 5 <= age < 18:
                return self._child(inp, text.span(m.start(), m.end()), f"aged {age}", to_pupil)
        for pattern, ambiguous in _CHILD_YEAR_CLAIMS:
            m = pattern.search(text.text)
            if not m or not 1 <= int(m.group(1)) <= 13:
                continue
            year, tail = int(m.group(1)), m.group("tail")
            # "I'm in Year 6" from a teacher is their class; "in year 7 as well" is a claim
            if ambiguous and role != "public" and not to_pupil and not _TOO.search(tail):
                continue
            a, b = text.span(m.start(), m.end() - len(tail or ""))
            return self._child(inp, (a, b), f"in year {year}", to_pupil)
        return None

    def _child(self, inp: CheckInput, span: tuple[int, int], what: str, to_pupil: bool) -> Finding:
        return self.finding(inp, confidence=0.9 if to_pupil else 0.8, span=span,
                            message=f"An adult account claims to be a child ({what}).")

    # ------------------------------------------------------------ helpers

    def _author_as(self, inp: CheckInput, role: str) -> Person | None:
        if inp.school is None or not inp.post.author.name:
            return None
        return inp.school.find_person(inp.post.author.name, (role,))

    def _span_of(self, inp: CheckInput, pattern: re.Pattern) -> tuple[int, int] | None:
        m = _search(pattern, inp.text.folded.text)
        return inp.text.folded.span(m.start(), m.end()) if m else None


def _people_keys(school: SchoolContext) -> dict[str, object]:
    """Staff by folded surname, and the letter-only names handles are matched against."""
    def letters(s: str) -> str:
        return re.sub(r"[^a-z]", "", fold(s).text)
    staff = [(p, letters(p.first_name), letters(p.last_name)) for p in school.people
             if p.role == "staff" and letters(p.last_name)]
    pupils = [(p, {letters(n) for n in (p.known_as, p.first_name) if len(letters(n)) >= 3}, letters(p.last_name))
              for p in school.pupils if letters(p.last_name)]
    return {"staff": staff, "by_last": {last: p for p, _, last in reversed(staff)}, "pupils": pupils}


def _search(pattern: re.Pattern, text: str) -> re.Match | None:
    """``pattern.search(text)``, skipped when none of the words it needs is in the text
    (the regexes here start with alternations, which the regex engine scans slowly)."""
    needs = _NEEDS.get(pattern)
    if needs and not any(w in text for w in needs):
        return None
    return pattern.search(text)


def _staff_by_last(last: str, school: SchoolContext) -> Person | None:
    return per_school(school, "people_keys", _people_keys)["by_last"].get(re.sub(r"[^a-z]", "", last.lower()))


def _staff_in(value: str, school: SchoolContext, *, handle: bool) -> Person | None:
    """The member of staff a display name or handle names ('Mrs Whitlock', '@mr_webb_real',
    'helen.whitlock.head2'), or None."""
    keys = per_school(school, "people_keys", _people_keys)
    if handle:
        k = _key(value)
        for p, first, last in keys["staff"]:
            if (first + last) in k or re.search(_TITLES + last, k):
                return p
        return None
    k = re.sub(r"[^a-z ]", "", fold(value).text)
    for m in re.finditer(r"\b" + _TITLES + r"\.? ([a-z]+)\b", k):
        if m.group(1) in keys["by_last"]:
            return keys["by_last"][m.group(1)]
    return None


def _pupil_in_handle(value: str, school: SchoolContext) -> Person | None:
    k = _key(value)
    for p, firsts, last in per_school(school, "people_keys", _people_keys)["pupils"]:
        if last in k and any(f + last in k for f in firsts):
            return p
    return None


def _about_this_school(following: str, school: SchoolContext) -> bool:
    """'at St Aidan's', 'here', 'this school': the claim is about this school, not any school."""
    if re.match(r"\s*(?:here|this school|the school|your school|our school|ur school)\b", following):
        return True
    k = _confusable(re.sub(r"[^a-z0-9]", "", following))
    names = _school_keys(school)[2]
    return any(n[:8] in k for n in names)


def _clause(inp: CheckInput, span: tuple[int, int]) -> tuple[int, int]:
    """Widen a cue to the end of its clause ('As a teacher at St Aidan's')."""
    t = inp.post.text
    a, b = span
    while b < len(t) and t[b] not in ".,;!?\n" and b - span[1] < 30 and not (
            t[b] == " " and t[b + 1:b + 3].lower() in ("i ", "we")):
        b += 1
    return a, b

