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

_TITLED = re.compile(r"\b(?:Mr|Mrs|Miss|Ms|Mx|Dr|Sir)\.?\s+[A-Z][a-z'\-]+")
_ROLE = re.compile(r"\b(?:the|our|their|his|her|my) (?:head|headteacher|head teacher|caretaker|"
                   r"site manager|senco|business manager|deputy|deputy head|ta|teacher|coach|"
                   r"chair of governors|receptionist|dinner lady)\b", re.I)


class DefamationDetector(HarmDetector):
    rule = "defamation"

    def vetoed(self, inp: CheckInput, p: float) -> bool:
        # labelling conventions: praise, and criticism of national policy, are not defamation
        if p < 0.75 and praise_only(inp):
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
