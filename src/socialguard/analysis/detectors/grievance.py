"""grievance (1.5, 2.1, 2.4): complaints or internal grievances aired on social media.

Staff, governors and trustees must not (2.1: block, by the policy file); parents should
not (2.4: review). Criticism of national policy, or saying a concern was taken to the
school, is not a grievance. A member of staff venting without naming the school is review.
"""

from __future__ import annotations

import re

from socialguard.analysis.detectors.base import CheckInput
from socialguard.analysis.finding import Finding
from socialguard.analysis.harms import HarmDetector, national_policy, praise_only

_NAMES_SCHOOL = re.compile(r"\b(?:my|our|this|the) (?:school|academy|trust|slt|head)\b|\bslt\b|\bsenior leadership\b")


class GrievanceDetector(HarmDetector):
    rule = "grievance"

    def vetoed(self, inp: CheckInput, p: float) -> bool:
        # labelling conventions: praise, and criticism of national policy, are not grievance
        return p < 0.75 and (praise_only(inp) or national_policy(inp))

    def make(self, inp: CheckInput, p: float, span: tuple[int, int] | None) -> Finding | None:
        unit = inp.cache["harm"].units[0]
        named = unit.features is not None and "the school" in unit.model_text
        severity = None
        if inp.post.author.role in ("staff", "governor", "trustee") and not (
                named or _NAMES_SCHOOL.search(inp.text.plain.text)):
            severity = "review"  # venting that does not identify the school
        msg = ("This airs a complaint about the school, its staff or the trust on social media; "
               "it should go to the school directly (complaints or grievance procedure).")
        return self.finding(inp, confidence=p, message=msg, span=span, severity=severity)
