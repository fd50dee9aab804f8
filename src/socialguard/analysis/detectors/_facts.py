"""Facts the context detectors share: which platforms are social media, ages from the
roster, local times, and who in the roster a post is about.

Kept apart from the detectors so lesson-time, pupil-in-school, under-13,
unapproved-channel and false-identity decide the same way on the same facts.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass

from socialguard.analysis.detectors.base import CheckInput
from socialguard.analysis.post import WEEKDAYS, Person, SchoolContext
from socialguard.analysis.text import fold

# School-run learning platforms: every family can use them and they are not social
# networks in the sense of 2.1/2.3 (no public audience, no minimum age of 13).
EDUCATION_PLATFORMS = frozenset({"classdojo", "tapestry"})
# Names in context.event or the text that say an "other" platform is a learning tool.
_EDU_WORDS = re.compile(
    r"\b(class\s?dojo|tapestry|seesaw|google classroom|microsoft teams|purple ?mash|"
    r"class blog|school blog|learning platform|dojo portfolio)\b")

ADULT_ROLES = frozenset({"staff", "governor", "trustee", "parent", "family", "public"})
WEEKDAY_ABBR = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def event_text(inp: CheckInput) -> str:
    ev = inp.post.context.get("event")
    return fold(str(ev)).text if ev else ""


def is_education_platform(inp: CheckInput) -> bool:
    """ClassDojo, Tapestry, or an 'other' platform that the event names as a learning tool."""
    platform = inp.post.platform
    if platform in EDUCATION_PLATFORMS:
        return True
    return platform in (None, "other") and bool(_EDU_WORDS.search(event_text(inp)))


def is_approved_channel(inp: CheckInput) -> bool:
    """The post went through one of the school's approved channels (or a learning platform)."""
    if is_education_platform(inp):
        return True
    school = inp.school
    platform = inp.post.platform
    if school is None or platform is None:
        return False
    if platform in school.approved_channels:
        return True
    ev = event_text(inp)
    # a "moderated" group the school runs is the approved channel even when the
    # platform field only says "facebook"
    return ("moderated" in ev and "facebook-group-moderated" in school.approved_channels
            and platform == "facebook")


_ACCOUNT_URL = re.compile(r"^(?:https?://)?(?:www\.|m\.)?(?:[a-z]+\.com/)?@?")


def _account_id(handle: str) -> str:
    return _ACCOUNT_URL.sub("", handle.strip().lower()).rstrip("/")


def is_official(inp: CheckInput) -> bool:
    """The school speaking: ``account: official``, or, when the account kind is missing,
    a post from one of the school's official handles or under its exact name."""
    post, school = inp.post, inp.school
    if post.account is not None:
        return post.account == "official"
    if school is None:
        return False
    if post.author.handle and _account_id(post.author.handle) in {
            _account_id(a) for a in school.official_accounts}:
        return True
    return bool(post.author.name) and post.author.name.strip().lower() == school.name.strip().lower()


def local(inp: CheckInput) -> dt.datetime | None:
    """The post's time in the school's time zone, or None when either is unknown."""
    if inp.post.posted_at is None or inp.school is None:
        return None
    return inp.post.posted_at.astimezone(inp.school.tz)


def describe_time(school: SchoolContext, when: dt.datetime) -> str:
    """'Tue 24 Nov 10:15 (lesson 08:50–10:20)' in the school's time zone."""
    t = when.astimezone(school.tz)
    spans = school.lesson_times.get(WEEKDAYS[t.weekday()], [])
    lesson = next(((a, b) for a, b in spans if a <= t.time() < b), None)
    base = f"{WEEKDAY_ABBR[t.weekday()]} {t.day:02d} {t:%b %H:%M}"
    if lesson:
        return f"{base} (lesson {lesson[0]:%H:%M}\u2013{lesson[1]:%H:%M})"
    return base


def teacher_directed(inp: CheckInput) -> bool:
    """A teacher set this use for learning: ``context.teacher_directed``, the event, or the
    pupil saying so ("our teacher asked us to post"). An explicit false wins over the text."""
    ctx = inp.post.context
    flag = ctx.get("teacher_directed")
    if flag is not None and not isinstance(flag, bool):
        flag = str(flag).strip().lower() in ("yes", "true", "1")
    if flag is not None:
        return flag
    if re.search(r"teacher[- ]directed|teacher[- ]led|\bclass project\b|set by (the |our |my )?teacher|"
                 r"\b(lesson|homework) (task|activity|project)\b", event_text(inp)):
        return True
    t = inp.text.folded.text
    m = _DIRECTED.search(t)
    return bool(m) and not _BUT_OFF_TASK.search(t, m.end())


# A teacher set the post: "posting this for Ms X's project", "our teacher asked us to post".
_DIRECTED = re.compile(
    r"\b(?:(?:our|my|the) teachers? (?:asked|told|wants?|set|has asked) (?:us|me) to|"
    r"(?:mr|mrs|miss|ms|sir|dr)\.? ?\w*'?s? (?:asked|told|set) (?:us|me|the class) to (?:post|share|upload|make)|"
    r"posting this for (?:mr|mrs|miss|ms|our|my|the)\b|"
    r"for (?:mr|mrs|miss|ms)\.? \w+'?s? (?:\w+ ){0,2}(?:project|lesson|homework|assignment|task)|"
    r"for (?:our|my|the) (?:class|school|computing|art|science|english|maths|geography|history) "
    r"(?:project|assignment|task|homework)|"
    r"we made (?:it|this) in (?:\w+ ){0,2}(?:lesson|class|computing|art|science|english|maths|music)|"
    r"helped us (?:upload|post|share))",
    re.I)
# A teacher's permission that the pupil is plainly not using as given.
_BUT_OFF_TASK = re.compile(r"\bbut\b[^.!?\n]{0,40}\b(?:i'?m|im|we'?re|actually|on (?:youtube|tiktok|snap|insta))",
                           re.I)


# ---------------------------------------------------------------- ages

_YEAR = re.compile(r"^\s*(?:year|yr|y)?\s*(\d{1,2})\s*$", re.I)


def year_number(year_group: str) -> int | None:
    """'5', 'Year 5', 'Y5' -> 5; 'R'/'Reception' -> 0; 'N'/'Nursery' -> -1."""
    s = (year_group or "").strip().lower()
    if not s:
        return None
    if s in ("r", "rec", "reception", "yr r", "year r"):
        return 0
    if s in ("n", "nursery"):
        return -1
    m = _YEAR.match(s)
    return int(m.group(1)) if m else None


def school_year_start(day: dt.date) -> int:
    """The calendar year in which the school year holding ``day`` began (1 September)."""
    return day.year if day.month >= 9 else day.year - 1


def chance_under(person: Person, day: dt.date, limit: int) -> float | None:
    """How likely the person is under ``limit`` years old on ``day``: 1.0/0.0 from the
    date of birth; from the UK year group otherwise (Year N: born 1 Sep to 31 Aug,
    N+5 to N+4 years before the school year starts); None when neither is known."""
    age = person.age_on(day)
    if age is not None:
        return 1.0 if age < limit else 0.0
    n = year_number(person.year_group)
    if n is None or person.left_on is not None:
        return None
    start = school_year_start(day)
    oldest = dt.date(start - n - 5, 9, 1)
    youngest = dt.date(start - n - 4, 8, 31)
    try:
        cut = day.replace(year=day.year - limit)
    except ValueError:  # 29 February
        cut = day.replace(year=day.year - limit, day=28)
    # under `limit` iff born after `cut`
    span = (youngest - oldest).days + 1
    after = (youngest - max(cut, oldest - dt.timedelta(days=1))).days
    return max(0.0, min(1.0, after / span))


# ---------------------------------------------------------------- roster look-ups

@dataclass(frozen=True)
class NameHit:
    person: Person
    start: int
    end: int
    full: bool


def per_school(school: SchoolContext, key: str, build):
    """``build(school)``, computed once per school (and again if its roster is replaced)."""
    store = school.__dict__.setdefault("_socialguard_facts", {})
    stamp = (id(school.people), len(school.people))
    hit = store.get(key)
    if hit is None or hit[0] != stamp:
        hit = (stamp, build(school))
        store[key] = hit
    return hit[1]


def _name_index(school: SchoolContext) -> dict[str, dict]:
    pair: dict[tuple[str, str], list[Person]] = {}
    joined: dict[str, list[Person]] = {}
    first: dict[str, list[Person]] = {}
    for p in school.people:
        last = "".join(_LETTERS.findall(fold(p.last_name).text))
        for n in {p.known_as, p.first_name}:
            f = "".join(_LETTERS.findall(fold(n).text))
            if len(f) >= 3:
                first.setdefault(f, []).append(p)
            if f and last:
                pair.setdefault((f, last), []).append(p)
                joined.setdefault(f + last, []).append(p)
    return {"pair": pair, "joined": joined, "first": first}


_LETTERS = re.compile(r"[a-z]+")
_GAP = re.compile(r"[\s._-]*")


def find_people(inp: CheckInput, roles: Iterable[str]) -> list[NameHit]:
    """Roster people of ``roles`` named in the text: by full name ("Brad Chaplin", also
    inside handles: "@brad.chaplin_14", "@oliverbanham_10"), or by first or known-as name
    as a whole word. Full names first. Offsets are into the original text."""
    school = inp.school
    if school is None:
        return []
    roles = set(roles)
    idx = per_school(school, "names", _name_index)
    norm = inp.text.folded
    t = norm.text
    toks = [(m.group(), m.start(), m.end()) for m in _LETTERS.finditer(t)]
    full: list[NameHit] = []
    seen: set[str] = set()

    def add(people, a, b, out, is_full):
        for p in people:
            if p.role in roles and p.id not in seen:
                seen.add(p.id)
                out.append(NameHit(p, *norm.span(a, b), is_full))

    for k, (tok, a, b) in enumerate(toks):
        if k + 1 < len(toks):
            nxt, a2, b2 = toks[k + 1]
            if (tok, nxt) in idx["pair"] and _GAP.fullmatch(t, b, a2):
                add(idx["pair"][(tok, nxt)], a, b2, full, True)
        if tok in idx["joined"]:
            add(idx["joined"][tok], a, b, full, True)
    partial: list[NameHit] = []
    for tok, a, b in toks:
        if tok in idx["first"]:
            add(idx["first"][tok], a, b, partial, False)
    if not full and not partial:
        # nicknames and misspellings ("Alex" for Alexander, "Maisy"): the shared name finder
        from socialguard.analysis.names import roster_mentions
        for m in roster_mentions(inp):
            if m.kind in ("nickname", "fuzzy") and m.person.role in roles and m.person.id not in seen:
                seen.add(m.person.id)
                partial.append(NameHit(m.person, m.start, m.end, False))
    return full + partial


def interaction_person(inp: CheckInput) -> Person | None:
    """The roster person a DM, reply or friend request goes to, when the post says so."""
    school = inp.school
    if school is None:
        return None
    inter = inp.post.interaction
    for key in ("with_id", "with_person", "person_id"):
        pid = inter.get(key)
        if pid and str(pid) in school.by_id:
            return school.by_id[str(pid)]
    for key in ("with_name", "with_person"):
        name = inter.get(key)
        if name:
            found = school.find_person(str(name))
            if found:
                return found
    return None
