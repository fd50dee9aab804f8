"""harassment (1.5, 2.3, 2.6): acting maliciously towards, or harassing, people or groups.

Bullying of a person or group, threats (also as "jokes"), pile-ons and secretive adult
contact with children; not profanity alone, not idioms ("killing it"), not counter-speech
that quotes an insult to condemn it. A roster pupil, member of staff or parent as the
target makes it more certain; pupils' cases are routed to the behaviour policy by the
policy file (``route``).
"""

from __future__ import annotations

from socialguard.analysis.detectors.base import CheckInput
from socialguard.analysis.finding import Finding
from socialguard.analysis.harms import HarmDetector, describe, hits_in, targets


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

    def floor(self, inp: CheckInput, p: float, thr: float) -> list[Finding]:
        if p >= thr:
            return []
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
