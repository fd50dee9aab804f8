"""What a picture's metadata gives away (1.5, GDPR): where it was taken, and by whom.

A GPS position in a photo of a child can lead a stranger to a home or a school. Most
platforms strip metadata on upload, not all do (and not for files sent as documents),
so a location is a personal-data finding for review; an owner's name alone is advice.
``socialguard redact --strip-metadata-only`` writes a copy without any of it.
"""

from __future__ import annotations

from typing import ClassVar

from socialguard.analysis.detectors.base import CheckInput, Detector
from socialguard.analysis.finding import Finding
from socialguard.analysis.images.info import image_infos

REMEDY = ("Remove the metadata before posting (socialguard redact --strip-metadata-only), "
          "and turn off location tagging in the camera app.")


class ImageMetadataDetector(Detector):
    rule = "personal-data"
    order = 80
    uses_images: ClassVar[bool] = True

    def detect(self, inp: CheckInput) -> list[Finding]:
        out: list[Finding] = []
        for info in image_infos(inp):
            if not info.ok:
                continue
            meta = info.meta
            if meta.has_location:
                where = f"{meta.latitude:.5f}, {meta.longitude:.5f}"
                by = f", taken on {meta.device}" if meta.device else ""
                by += f" by {meta.owner}" if meta.owner else ""
                out.append(Finding(
                    rule=self.rule, confidence=0.95, severity="review",
                    message=(f"Image {info.name} carries the GPS position where it was taken "
                             f"({where}{by}); it can show where a child lives or goes."),
                    remedy=REMEDY, evidence=f"GPS {where} in {info.name}",
                    detail={"image": info.name, "metadata": meta.to_dict()}))
            elif meta.owner:
                out.append(Finding(
                    rule=self.rule, confidence=0.6, severity="advice",
                    message=f"Image {info.name} names its owner in its metadata ({meta.owner}).",
                    remedy=REMEDY, evidence=f"owner {meta.owner} in {info.name}",
                    detail={"image": info.name, "metadata": meta.to_dict()}))
        return out
