"""copyright (1.5): reposted material the author has no right to publish.

Whole articles copied past a paywall, full song lyrics, re-uploaded videos, "credit to the
owner", "not my photo", "all rights reserved", and stock-library images (by file name,
e.g. ``shutterstock_123.jpg``): a block on the school's official account, review elsewhere.
Links, the school's own photos and material shared with permission are fine.
"""

from __future__ import annotations

from socialguard.analysis.detectors.base import CheckInput
from socialguard.analysis.finding import Finding
from socialguard.analysis.harms import HarmDetector, hits_in
from socialguard.analysis.lexicons import stock_image


class CopyrightDetector(HarmDetector):
    rule = "copyright"

    def fixed_findings(self, inp: CheckInput) -> list[Finding]:
        img = stock_image(inp.post.images)
        if img is None:
            return []
        official = inp.post.is_official
        return [self.finding(
            inp, confidence=0.9 if official else 0.7, evidence=img,
            severity="block" if official else "review",
            message=(f"The image {img.rsplit('/', 1)[-1]} looks like a watermarked stock-library "
                     "picture; using it without a licence breaches copyright."),
            detail={"image": img})]

    def make(self, inp: CheckInput, p: float, span: tuple[int, int] | None) -> Finding | None:
        cues = [t for _, _, t, _ in hits_in(inp, "copyright")]
        why = f" (\"{cues[0]}\")" if cues else ""
        msg = ("This may repost material the author has no right to publish" + why +
               "; share a link or your own work instead.")
        return self.finding(inp, confidence=p, message=msg, span=span)
