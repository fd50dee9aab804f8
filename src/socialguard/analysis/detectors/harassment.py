"""harassment (1.5, 2.3, 2.6): acting maliciously towards, or harassing, people or groups.

Bullying of a person or group, threats (also as "jokes"), pile-ons and secretive adult
contact with children; not profanity alone, not idioms ("killing it"), not counter-speech
that quotes an insult to condemn it. A roster pupil, member of staff or parent as the
target makes it more certain; pupils' cases are routed to the behaviour policy by the
policy file (``route``).
"""

from __future__ import annotations

import re

from socialguard.analysis.detectors.base import CheckInput
from socialguard.analysis.finding import Finding
from socialguard.analysis.harms import HarmDetector, counter_speech, describe, hits_in, targets

# Intent to do violence to someone: "I'm going to break your legs", "I'll stab him". The
# pronoun must follow the verb at once, so "going to kill it at sports day" stays an idiom
# and "I'll hit you up later" a plan.
_THREAT = re.compile(
    r"\b(?:i'?m going to|i am going to|i'?m gonna|im gonna|i'?ll|i will|we'?ll|we will|"
    r"we'?re going to|gonna|going to)\s+(?:\w+\s+(?:you|u|him|her|them)\s+and\s+)?"
    r"(?:kill|hurt|stab|shoot|punch|kick|batter|smash|break|burn|slap|strangle|rape|hit(?! (?:you|u) up))"
    r"\s+(?:you|your|u|ur|him|his|her|them|their)\b")


class HarassmentDetector(HarmDetector):
    rule = "harassment"

    def make(self, inp: CheckInput, p: float, span: tuple[int, int] | None) -> Finding | None:
        who = targets(inp, span) or targets(inp)
        detail: dict = {}
        severity = None
        if who:
            # a named pupil, colleague or parent: more certain, and it stays a block
            p = 1 - (1 - p) * 0.6
            detail["target"] = who[0].person.full_name
            detail["target_role"] = who[0].person.role
            msg = f"This reads as bullying or harassment of {describe(who[0].person)}."
        else:
            msg = "This reads as bullying, a threat or harassment of a person or group."
            if p < 0.6 and not hits_in(inp, "threat"):
                severity = "review"  # no identifiable target and the model is unsure
        return self.finding(inp, confidence=p, message=msg, span=span, severity=severity,
                            detail=detail)

    def vetoed(self, inp: CheckInput, p: float) -> bool:
        hurtful = [h[0] for k in ("slur", "insult", "threat", "profanity") for h in hits_in(inp, k)]
        return p < 0.97 and counter_speech(inp, hurtful) and not _THREAT.search(inp.text.plain.text)

    def floor(self, inp: CheckInput, p: float, thr: float) -> list[Finding]:
        if p >= thr:
            return []
        m = _THREAT.search(inp.text.plain.text)
        if m and not hits_in(inp, "counter"):
            return [self.finding(inp, confidence=max(p, 0.7), span=inp.text.plain.span(*m.span()),
                                 message="This contains a threat of violence against a person.")]
        threats = hits_in(inp, "threat")
        if threats and (targets(inp) or "you" in inp.text.plain.text) and not hits_in(inp, "counter"):
            a, b, term, _ = threats[0]
            return [self.finding(inp, confidence=max(p, 0.6), span=(a, b),
                                 message="This contains a threat aimed at a person.")]
        return []

    def out_of_scope(self, inp: CheckInput) -> list[Finding]:
        # said once for the seven harm rules, from this detector
        return [self.finding(
            inp, confidence=0.05, severity="advice",
            message=("The text does not look like English. The checks for harassment, "
                     "discrimination, defamation and the other harms read English only, "
                     "so a person should read this post."),
            detail={"out_of_scope": "language"})]
