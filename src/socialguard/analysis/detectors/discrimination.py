"""discrimination (1.5): content against a protected characteristic (Equality Act 2010).

Slurs (also obfuscated: "p@k1", "f*g", spaced or zero-width letters), stereotypes and
exclusion on any of the nine characteristics, deadnaming or misgendering. Counter-speech,
reported speech and lessons about prejudice are not flagged. The finding names the
characteristic in its message and in ``detail['characteristic']``.
"""

from __future__ import annotations

import re
from collections import Counter

from socialguard.analysis.detectors.base import CheckInput
from socialguard.analysis.finding import Finding
from socialguard.analysis.harms import HarmDetector, harm_model, hits_in
from socialguard.analysis.lexicons import CHARACTERISTIC_IDS, CHARACTERISTICS


def characteristic(inp: CheckInput, span: tuple[int, int] | None) -> str:
    """The protected characteristic the post is about: slur, then topic words, then the model."""
    slurs = [h for h in hits_in(inp, "slur") if span is None or span[0] <= h[0] < span[1]] or \
        hits_in(inp, "slur")
    if slurs:
        return slurs[0][3]
    votes: Counter[str] = Counter()
    for ch in CHARACTERISTICS:
        for a, _b, _t, _l in hits_in(inp, f"char:{ch}"):
            votes[ch] += 2 if span is not None and span[0] <= a < span[1] else 1
    if votes:
        return votes.most_common(1)[0][0]
    model = harm_model()
    sc = inp.cache.get("harm")
    if model is not None and sc is not None and model.centroids is not None and sc.emb is not None:
        sims = sc.emb @ model.centroids.T
        return CHARACTERISTICS[int(sims.max(0).argmax())]
    return "a protected characteristic"


# An inclusive, celebratory post about a group ("Happy Eid to our Muslim families", "trans
# people are welcome here") reads close to a post about the group that attacks it; these
# cues separate them when the model is unsure.
_WARM = re.compile(r"\b(?:welcome|welcoming|proud|pride|celebrat\w*|happy|congratulations|congrats|"
                   r"thank\w*|love|lovely|wonderful|delighted|excited|news|inclusive|together|"
                   r"everyone|all our)\b")
_HOSTILE = re.compile(r"\b(?:not|no|never|shouldn'?t|don'?t|doesn'?t|won'?t|can'?t|ban\w*|get rid|"
                      r"go back|send them|ruin\w*|typical|all the same|they all|sick of|fed up|"
                      r"disgust\w*|dirty|lazy|vermin|scum|hate|stupid|weird|normal|should)\b")


class DiscriminationDetector(HarmDetector):
    rule = "discrimination"

    def vetoed(self, inp: CheckInput, p: float) -> bool:
        text = inp.text.plain.text
        cues = any(hits_in(inp, k) for k in ("slur", "insult", "profanity", "threat"))
        return p < 0.75 and not cues and bool(_WARM.search(text)) and not _HOSTILE.search(text)

    def make(self, inp: CheckInput, p: float, span: tuple[int, int] | None) -> Finding | None:
        ch = characteristic(inp, span)
        return self.finding(
            inp, confidence=p, span=span,
            detail={"characteristic": ch, "characteristic_id": CHARACTERISTIC_IDS.get(ch, "")},
            message=f"This is discriminatory on the grounds of {ch} (a protected characteristic "
                    "under the Equality Act 2010).")

    def floor(self, inp: CheckInput, p: float, thr: float) -> list[Finding]:
        """A slur aimed at someone is discrimination whatever the model says, unless the post
        quotes it to condemn or teach about it."""
        if p >= thr:
            return []
        slurs = hits_in(inp, "slur")
        if not slurs or hits_in(inp, "counter") or hits_in(inp, "teaching"):
            return []
        a, b, term, ch = slurs[0]
        text = inp.post.text
        quoted = a > 0 and text[a - 1] in "\"'‘’“”" and b < len(text) and text[b] in "\"'‘’“”"
        if quoted:
            return []
        return [self.finding(
            inp, confidence=max(p, 0.7), span=(a, b),
            detail={"characteristic": ch, "characteristic_id": CHARACTERISTIC_IDS.get(ch, "")},
            message=f"This uses a slur against {ch} (a protected characteristic under the "
                    "Equality Act 2010).")]
