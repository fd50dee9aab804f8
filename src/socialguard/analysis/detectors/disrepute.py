"""disrepute (1.5, 2.1, 2.2): content or links that may bring the school or trust into disrepute.

Demeaning or obscene posts by staff or on the official account (mocking pupils, parents
or another school), drugs, gambling, anti-vaccine claims by a governor. The policy makes
it a block on official accounts and review elsewhere.
"""

from __future__ import annotations

from socialguard.analysis.detectors.base import CheckInput
from socialguard.analysis.finding import Finding
from socialguard.analysis.harms import HarmDetector


class DisreputeDetector(HarmDetector):
    rule = "disrepute"

    def make(self, inp: CheckInput, p: float, span: tuple[int, int] | None) -> Finding | None:
        role = inp.post.author.role
        severity = None
        if role in ("staff", "governor", "trustee") and p >= 0.75:
            severity = "block"  # demeaning or obscene content from someone who represents the school
        who = "the school's own account" if inp.post.is_official else (
            "a member of staff" if role == "staff" else
            "a governor" if role in ("governor", "trustee") else "this post")
        msg = (f"This could bring the school or trust into disrepute: it is demeaning, obscene "
               f"or unprofessional content from {who}.")
        return self.finding(inp, confidence=p, message=msg, span=span, severity=severity)
