"""under-13 (2.3): children under 13 are not permitted to register on social media.

Evidence, strongest first:
- the author is a roster pupil whose date of birth makes them younger than the school's
  ``min_platform_age`` (13 by default; a setting because the UK may raise it to 16) on the
  post's date, or, with no date of birth, whose year group makes that likely;
- a pupil (or an author of unknown role) on a social platform saying their own age or a
  primary year group ("im 9", "7 today!!", "yr7 squad");
- an adult saying they set up an account for a child under the age ("set up Kacper's own
  Instagram for his 6th birthday"): review, since the parent is the one to talk to.

ClassDojo, Tapestry and other learning platforms are not social media here; games and
video sites are (1.1 names Minecraft and YouTube). Teacher-directed use is review.
Adults claiming to be children are false-identity, not this rule.
"""

from __future__ import annotations

import re

from socialguard.analysis.detectors._facts import (
    chance_under, find_people, is_education_platform, teacher_directed,
)
from socialguard.analysis.detectors.base import CheckInput, Detector
from socialguard.analysis.finding import Finding

_NUM_WORDS = {"five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11,
              "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15}
_N = r"(\d{1,2}(?=yo|y/o|\b)|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen)"
# Units after a number that make it not an age ("im 5 mins away", "im 2 goals up").
_NOT_AGE = r"(?!\s*(?:min|mins|minute|minutes|hours?|hrs?|secs?|seconds?|%|k\b|pounds?|quid|miles?|km|days?|weeks?|" \
           r"times?|goals?|points?|pts|nil|-\s*\d|:\d|\.\d|am\b|pm\b|o'?clock|of\b|out of|/))"
_SELF_AGE = re.compile(
    r"(?:\b(?:i'?m|im|i am)\s+(?:only\s+|just\s+|nearly\s+|almost\s+|now\s+|a\s+)?" + _N + r"(?![0-9a-z])"
    r"(?:\s*(?:yo|y/o|yrs?|years?)\b)?" + _NOT_AGE +
    r"|\b" + _N + r"\s+today\b"
    r"|\bmy\s+(\d{1,2})(?:st|nd|rd|th)\s+(?:birthday|bday)"
    r"|\bturn(?:ed|ing)\s+" + _N + r"\b" + _NOT_AGE + r")",
    re.I)
_SELF_YEAR = re.compile(r"\b(?:year|yr|y)\s?(\d{1,2})\b(?!\s*(?:olds?|old))|\b(reception)\b", re.I)
# An adult reports setting up or allowing a child's account.
_SET_UP = re.compile(
    r"\b(?:set up|setup|made|created|opened|got|gave|let|allowed|signed (?:\w+ )?up)\b[^.!?\n]{0,40}?"
    r"\b(?:instagram|insta|tiktok|snapchat|snap|youtube|facebook|whatsapp|x|twitter|discord|roblox|fortnite|"
    r"social media|account|channel)\b(?:\s+(?:account|channel|page|profile)\b)?",
    re.I)
_REFUSAL = re.compile(r"\b(?:not|never|no way|until|till|refuse[ds]?|banned?|dont|wont|cant|doesnt|isnt)\b|n't\b",
                      re.I)
_CHILD_AGE = re.compile(
    r"\((\d{1,2})\)|\b(\d{1,2})(?:st|nd|rd|th)\s+(?:birthday|bday)|"
    r"\b(\d{1,2})[- ]?(?:year[- ]old|yr[- ]old|yo)\b|\baged\s+(\d{1,2})\b",
    re.I)


def _all_pupils_under(school, limit: int) -> bool:
    """The school's ``age_range`` (e.g. [4, 11]) ends below the limit: a primary school."""
    rng = school.extra.get("age_range")
    try:
        return isinstance(rng, (list, tuple)) and len(rng) == 2 and int(rng[1]) < limit - 1
    except (TypeError, ValueError):
        return False


def _num(s: str) -> int:
    return int(s) if s.isdigit() else _NUM_WORDS[s.lower()]


class Under13Detector(Detector):
    rule = "under-13"

    def detect(self, inp: CheckInput) -> list[Finding]:
        post, school = inp.post, inp.school
        if is_education_platform(inp):
            return []
        limit = school.min_platform_age if school else 13
        directed = teacher_directed(inp)
        severity = "review" if directed else None
        role = post.author.role
        if role == "pupil" or role is None:
            found = self._from_roster(inp, limit) if role == "pupil" else None
            claim = self._self_claim(inp, limit, with_year=role == "pupil")
            if found is not None:
                chance, person = found
                if chance >= 0.5:
                    age = person.age_on(inp.day)
                    yg = person.year_group.strip()
                    what = (f"aged {age}" if age is not None
                            else f"in {yg}" if not yg[:1].isdigit() else f"in year {yg}")
                    # a year group only makes the age likely; a date of birth makes it certain
                    sure = 0.95 if age is not None else 0.8
                    return [self.finding(
                        inp, confidence=sure * chance, severity=severity,
                        message=f"The author is a pupil {what}, under {limit}, on a social media platform.",
                        span=claim[1] if claim else None,
                        evidence=None if claim else f"author {what} (roster)",
                    )]
                if chance == 0.0:
                    return []   # the roster says 13 or over: their words ("im 12 lol") lose
            if claim is not None:
                age, span = claim
                return [self.finding(
                    inp, confidence=0.8 if role == "pupil" else 0.6, severity=severity, span=span,
                    message=f"A child says they are {age}, under {limit}, on a social media platform.")]
            if role == "pupil" and found is None and school is not None and _all_pupils_under(school, limit):
                # not found on the roster, but every pupil of this school is younger than the limit
                return [self.finding(
                    inp, confidence=0.6, severity=severity, evidence=f"a pupil of a school for ages under {limit}",
                    message=f"The author is a pupil of a school whose pupils are all under {limit}.")]
            return []
        if role in ("parent", "family", "staff", "governor", "trustee", "public"):
            return self._set_up_by_adult(inp, limit)
        return []

    def _from_roster(self, inp: CheckInput, limit: int):
        person = inp.author_person
        if person is None or person.role != "pupil":
            return None
        chance = chance_under(person, inp.day, limit)
        return None if chance is None else (chance, person)

    def _self_claim(self, inp: CheckInput, limit: int, *, with_year: bool) -> tuple[str, tuple[int, int]] | None:
        text = inp.text.folded
        for m in _SELF_AGE.finditer(text.text):
            n = next(g for g in m.groups() if g)
            age = _num(n)
            if 3 <= age < limit:
                return str(age), text.span(m.start(), m.end())
        if not with_year:  # "year 6" from an unknown author may be a parent or a teacher
            return None
        for m in _SELF_YEAR.finditer(text.text):
            if m.group(2):
                return "in Reception", text.span(m.start(), m.end())
            year = int(m.group(1))
            # Year N is N+4 to N+5 years old, so Year 7 and below are all under 13
            if 1 <= year <= limit - 6:
                return f"in year {year}", text.span(m.start(), m.end())
        return None

    def _set_up_by_adult(self, inp: CheckInput, limit: int) -> list[Finding]:
        text = inp.text.folded
        m = _SET_UP.search(text.text)
        if not m or _REFUSAL.search(text.text[max(0, m.start() - 25):m.end() + 30]):
            return []   # "we won't let her have TikTok until she's 13"
        span = text.span(m.start(), m.end())
        a = _CHILD_AGE.search(text.text)
        if a:
            age = int(next(g for g in a.groups() if g))
            if age >= limit:
                return []
            return [self._adult_finding(inp, span, f"a child aged {age}", 0.8)]
        # no age in the text: a roster pupil named in it, or the parent's own child
        school = inp.school
        if school is None:
            return []
        for hit in find_people(inp, ("pupil",)):
            c = chance_under(hit.person, inp.day, limit)
            if c is not None and c >= 0.5:
                return [self._adult_finding(inp, span, f"{hit.person.known_as}, under {limit}", 0.75 * c)]
        parent = inp.author_person
        if parent is not None and re.search(r"\b(?:my|our) (?:son|daughter|kid|child|boy|girl|little)", text.text):
            kids = [school.by_id[c] for c in parent.child_ids if c in school.by_id]
            chances = [chance_under(k, inp.day, limit) for k in kids]
            if chances and all(c is not None and c >= 0.5 for c in chances):
                return [self._adult_finding(inp, span, f"their child, under {limit}", 0.6)]
        return []

    def _adult_finding(self, inp: CheckInput, span, who: str, confidence: float) -> Finding:
        return self.finding(inp, confidence=confidence, severity="review", span=span,
                            message=f"An adult says they set up a social media account for {who}.")
