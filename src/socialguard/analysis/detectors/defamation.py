"""defamation (1.5): factual allegations that could defame a named or identifiable person.

"Drunk at parents' evening", "fiddles the budget", "hit my son and the school covered it
up", "should be sacked": stated as fact about someone a reader can identify. Opinions
("not a fan of her teaching") are not. Unnamed, low-stakes allegations are review.
"""

from __future__ import annotations

import re

from socialguard.analysis.detectors.base import CheckInput
from socialguard.analysis.finding import Finding
from socialguard.analysis.harms import HarmDetector, describe, hits_in, praise_only, targets
from socialguard.analysis.models.harm_model import CONTEXT_FEATURES

_TITLED = re.compile(r"\b(?:Mr|Mrs|Miss|Ms|Mx|Dr|Sir)\.?\s+[A-Z][a-z'\-]+")
_SUBJECT = re.compile(r"\b(?:he|she|him|her|his|hers|they|them|the school|this school|our school|my school|"
                      r"the academy|the trust|the nursery|the office|the governors|the staff|staff|slt|"
                      r"you|u|ur|your|pta|my department|our department|someone (?:on|in|at|from) (?:the|my|our|their)|"
                      r"(?:mr|mrs|miss|ms|mx|dr|sir)\.? \w+)\b", re.I)
_FULL_NAME = re.compile(r"\b[A-Z][a-z'\-]+\s+[A-Z][a-z'\-]+\b")


def _identifiable(inp: CheckInput) -> bool:
    """Whether the post is about someone or something a reader can identify."""
    text = inp.post.text
    return bool(targets(inp) or _TITLED.search(text) or _ROLE.search(text) or _SUBJECT.search(text)
                or _FULL_NAME.search(text) or _school_named(inp))


def _school_named(inp: CheckInput) -> bool:
    sc = inp.cache.get("harm")
    return bool(sc is not None and any(u.features[CONTEXT_FEATURES.index("mentions_school")] for u in sc.units))


_ROLE = re.compile(r"\b(?:the|our|their|his|her|my) (?:head|headteacher|head teacher|caretaker|"
                   r"site manager|senco|business manager|deputy|deputy head|ta|teacher|coach|"
                   r"chair of governors|receptionist|dinner lady)\b", re.I)


class DefamationDetector(HarmDetector):
    rule = "defamation"

    def vetoed(self, inp: CheckInput, p: float) -> bool:
        # labelling conventions: praise, and criticism of national policy, are not defamation
        if p < 0.75 and praise_only(inp):
            return True
        # defamation needs someone a reader can identify (a person or the school): a general
        # warning ("police warn parents after fake accounts appeared") accuses no one
        if p < 0.9 and not _identifiable(inp):
            return True
        # an allegation needs a claim: a few words naming a role ("from the parent") make none,
        # though the model, having seen roles in many allegations, scores them high
        words = len(inp.text.plain.text.split())
        return p < 0.9 and words < 5 and not hits_in(inp, "allegation")

    def make(self, inp: CheckInput, p: float, span: tuple[int, int] | None) -> Finding | None:
        who = targets(inp, span) or targets(inp)
        text = inp.post.text
        detail: dict = {}
        severity = None
        if who:
            detail["target"] = who[0].person.full_name
            subject = describe(who[0].person)
        elif m := _TITLED.search(text):
            subject = m.group(0)
        elif m := _ROLE.search(text):
            subject = m.group(0)
        else:
            subject = "a person who may be identifiable"
            if p < 0.7:
                severity = "review"  # no one named: lower stakes
        msg = (f"This states an allegation about {subject} as fact; if it is untrue it could be "
               "defamatory.")
        return self.finding(inp, confidence=p, message=msg, span=span, severity=severity,
                            detail=detail)
