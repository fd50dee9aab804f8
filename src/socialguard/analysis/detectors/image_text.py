"""Text in a post's pictures, checked like the post's own text.

Each readable image is read with OCR and its text run through every text detector (not
the image detectors, which would recurse). Findings anchored in the OCR text become
findings about the image: no span in the post (start/end None), the words read as the
evidence, and ``detail`` naming the image and the box (x, y, w, h in the original
image's pixels) where they are, which ``socialguard redact`` boxes out.
"""

from __future__ import annotations

from dataclasses import replace
from typing import ClassVar

from socialguard.analysis.detectors.base import CheckInput, Detector
from socialguard.analysis.finding import Finding
from socialguard.analysis.images.info import image_infos
from socialguard.analysis.images.ocr import ocr_available

MIN_TEXT_CHARS = 3
#: the image text kept in a finding's detail, so a reviewer sees what was read
DETAIL_TEXT_CHARS = 300


class ImageTextDetector(Detector):
    # The registry needs one rule per class; findings keep the rule of the text detector
    # that made them (personal-data, harassment, identifiable-pupil, ...).
    rule = "personal-data"
    serves_all_rules = True
    order = 900
    uses_images: ClassVar[bool] = True

    def __init__(self) -> None:
        self._detectors: list[Detector] | None = None

    def text_detectors(self) -> list[Detector]:
        if self._detectors is None:
            from socialguard.analysis.registry import build_detectors

            self._detectors = [d for d in build_detectors() if not getattr(d, "uses_images", False)]
        return self._detectors

    def detect(self, inp: CheckInput) -> list[Finding]:
        readable = [i for i in image_infos(inp) if i.ok]
        if not readable or not ocr_available():
            return []
        out: list[Finding] = []
        for info in readable:
            ocr = info.ocr
            if len(ocr.text.strip()) < MIN_TEXT_CHARS:
                continue
            sub = CheckInput(replace(inp.post, text=ocr.text, images=[]), inp.school, rules=inp.rules)
            for f in self._run(sub):
                if f.start is None or f.end is None:
                    continue  # facts about the post (time, account), already checked once
                if inp.rules is not None and f.rule not in inp.rules:
                    continue
                box = ocr.box_for(f.start, f.end)
                out.append(replace(
                    f, start=None, end=None,
                    evidence=f.evidence if f.evidence is not None else ocr.text[f.start:f.end],
                    message=(f"In image {info.name}: {f.message}" if f.message else None),
                    detail={**f.detail, "image": info.name, "box": list(box) if box else None,
                            "text_span": [f.start, f.end],
                            "image_text": ocr.text[:DETAIL_TEXT_CHARS]}))
        return out

    def _run(self, sub: CheckInput) -> list[Finding]:
        found: list[Finding] = []
        for det in self.text_detectors():
            try:
                det.prepare([sub])
                got = det.detect(sub)
            except Exception:  # one detector's bug must not hide the others' findings
                import logging

                logging.getLogger(__name__).exception("detector %s failed on image text",
                                                      type(det).__name__)
                continue
            sub.cache.setdefault("findings", []).extend(got)
            found.extend(got)
        return found
