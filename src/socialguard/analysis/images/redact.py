"""Safe copies of images: faces blurred, text with personal data boxed out, metadata gone.

The original file is only ever read. The copy is rebuilt from pixels, so no EXIF, XMP,
GPS, maker notes or comments can ride along; ``strip_metadata`` alone rewrites a JPEG
losslessly (the compressed picture is copied, only metadata segments are dropped).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import cv2
import numpy as np
from PIL import Image

from socialguard.analysis.images.load import ImageReadError, MAX_PIXELS_FULL_DECODE, load_image

Box = tuple[int, int, int, int]
#: output format for each input format: what we can write without keeping metadata
OUTPUT = {"JPEG": ("JPEG", ".jpg"), "MPO": ("JPEG", ".jpg"), "HEIF": ("JPEG", ".jpg"),
          "WEBP": ("WEBP", ".webp"), "PNG": ("PNG", ".png")}
#: the largest side a redacted copy keeps (bigger originals are scaled down)
MAX_OUT_SIDE = 8000
FACE_MARGIN = 0.25
TEXT_MARGIN = 6


class SameFileError(ValueError):
    """The copy would overwrite the original."""


@dataclass
class Redaction:
    source: Path
    output: Path
    faces_blurred: int = 0
    boxes_covered: int = 0
    metadata_stripped: bool = True
    scaled_to: tuple[int, int] | None = None
    notes: list[str] = field(default_factory=list)

    def summary(self) -> str:
        parts = [f"{self.faces_blurred} face(s) blurred", f"{self.boxes_covered} text box(es) covered",
                 "metadata stripped"]
        if self.scaled_to:
            parts.append(f"scaled to {self.scaled_to[0]}x{self.scaled_to[1]}")
        return ", ".join(parts + self.notes)


def output_path(source: Path, out_dir: Path, fmt: str, prefix: str = "") -> Path:
    ext = OUTPUT.get(fmt, ("PNG", ".png"))[1]
    return out_dir / f"{prefix}{source.stem}.redacted{ext}"


def _guard(source: Path, dest: Path) -> None:
    if dest.exists() and dest.resolve() == source.resolve():
        raise SameFileError(f"{dest} is the original image; choose another --out folder")


def redact_image(source: Path, dest: Path, *, faces: list[Box], boxes: list[Box]) -> Redaction:
    """Write ``dest``: ``faces`` blurred, ``boxes`` filled, no metadata. Boxes are in the
    original's pixels (as ImageInfo reports them)."""
    _guard(source, dest)
    img = load_image(source, work_side=MAX_OUT_SIDE)
    if img.width * img.height > MAX_PIXELS_FULL_DECODE and img.format not in ("JPEG", "MPO"):
        raise ImageReadError("too large to redact safely")
    rgb = img.rgb.copy()
    k = img.scale
    h, w = rgb.shape[:2]
    for (x, y, bw, bh) in faces:
        mx, my = bw * FACE_MARGIN, bh * FACE_MARGIN
        _blur(rgb, _clip((x - mx) * k, (y - my) * k, (bw + 2 * mx) * k, (bh + 2 * my) * k, w, h))
    for (x, y, bw, bh) in boxes:
        x0, y0, x1, y1 = _clip(x * k - TEXT_MARGIN, y * k - TEXT_MARGIN, bw * k + 2 * TEXT_MARGIN,
                               bh * k + 2 * TEXT_MARGIN, w, h)
        rgb[y0:y1, x0:x1] = 0
    fmt, _ = OUTPUT.get(img.format, ("PNG", ".png"))
    dest.parent.mkdir(parents=True, exist_ok=True)
    out = Image.fromarray(rgb)  # fresh image: carries no info/exif/xmp from the source
    _save(out, dest, fmt)
    r = Redaction(source, dest, faces_blurred=len(faces), boxes_covered=len(boxes))
    if (w, h) != (img.width, img.height):
        r.scaled_to = (w, h)
    if img.frames > 1:
        r.notes.append(f"first of {img.frames} frames only")
    return r


def strip_metadata(source: Path, dest: Path) -> Redaction:
    """A copy without metadata; the picture itself unchanged (lossless for JPEG)."""
    _guard(source, dest)
    data = source.read_bytes()
    dest.parent.mkdir(parents=True, exist_ok=True)
    if data[:2] == b"\xff\xd8":
        try:
            dest.write_bytes(_strip_jpeg(data))
            load_image(dest)  # still a readable picture
            return Redaction(source, dest)
        except (ValueError, ImageReadError):
            pass  # unusual segment layout: fall back to re-encoding
    img = load_image(source, work_side=MAX_OUT_SIDE)
    fmt, _ = OUTPUT.get(img.format, ("PNG", ".png"))
    _save(Image.fromarray(img.rgb), dest, fmt, lossless=True)
    r = Redaction(source, dest)
    if img.rgb.shape[1] != img.width:
        r.scaled_to = (img.rgb.shape[1], img.rgb.shape[0])
    return r


# JPEG segments kept when stripping: JFIF (APP0), ICC colour profile (APP2 "ICC_PROFILE"),
# Adobe colour transform (APP14). Everything else before the image data (EXIF/XMP in
# APP1, IPTC in APP13, maker data, comments) is dropped.
def _strip_jpeg(data: bytes) -> bytes:
    out = bytearray(b"\xff\xd8")
    i = 2
    n = len(data)
    while i < n:
        if data[i] != 0xFF:
            raise ValueError("bad JPEG marker")
        marker = data[i + 1]
        if marker == 0xFF:  # fill byte
            i += 1
            continue
        if marker == 0xDA or marker == 0xD9:  # start of scan: the rest is picture data
            out += data[i:]
            return bytes(out)
        if 0xD0 <= marker <= 0xD7 or marker == 0x01:
            out += data[i:i + 2]
            i += 2
            continue
        if i + 4 > n:
            raise ValueError("truncated JPEG")
        length = int.from_bytes(data[i + 2:i + 4], "big")
        seg = data[i:i + 2 + length]
        keep = not (0xE0 <= marker <= 0xEF or marker == 0xFE)
        if marker == 0xE0 and seg[4:9] == b"JFIF\x00":
            keep = True
        if marker == 0xE2 and seg[4:16] == b"ICC_PROFILE\x00":
            keep = True
        if marker == 0xEE:
            keep = True
        if keep:
            out += seg
        i += 2 + length
    raise ValueError("no image data in JPEG")


def _clip(x, y, bw, bh, w, h) -> tuple[int, int, int, int]:
    x0, y0 = max(0, int(x)), max(0, int(y))
    x1, y1 = min(w, int(round(x + bw))), min(h, int(round(y + bh)))
    return x0, y0, max(x0, x1), max(y0, y1)


def _blur(rgb: np.ndarray, box: tuple[int, int, int, int]) -> None:
    """Pixelate then blur: a mosaic cannot be sharpened back into a face."""
    x0, y0, x1, y1 = box
    if x1 - x0 < 2 or y1 - y0 < 2:
        return
    region = rgb[y0:y1, x0:x1]
    rh, rw = region.shape[:2]
    # four blocks across a face: too coarse to recognise anyone
    small = cv2.resize(region, (min(4, rw), min(5, rh)), interpolation=cv2.INTER_AREA)
    mosaic = cv2.resize(small, (rw, rh), interpolation=cv2.INTER_NEAREST)
    kernel = max(3, (min(rw, rh) // 3) | 1)
    rgb[y0:y1, x0:x1] = cv2.GaussianBlur(mosaic, (kernel, kernel), 0)


def _save(im: Image.Image, dest: Path, fmt: str, *, lossless: bool = False) -> None:
    if fmt == "JPEG":
        im.save(dest, "JPEG", quality=92)
    elif fmt == "WEBP":
        im.save(dest, "WEBP", lossless=lossless, quality=90)
    else:
        im.save(dest, "PNG", optimize=False)


@dataclass
class Plan:
    """What to hide in one image of a post, and why faces are kept when they are."""

    name: str
    path: Path | None
    error: str | None
    fmt: str
    faces: list[Box]
    boxes: list[Box]
    faces_kept_because: str | None = None


def plan_post(post, school, engine) -> list[Plan]:
    """Per image of ``post``: the faces to blur and the text boxes to cover.

    Faces cannot be matched to pupils, so all of them are blurred unless consent covers the
    whole post: an official post whose named pupils all have photo consent (and at least as
    many as there are faces), or a family post of one face about the author's own child.
    """
    from socialguard.analysis.detectors.base import CheckInput
    from socialguard.analysis.detectors.pupil_photo import PhotoFacts
    from socialguard.analysis.images.info import image_infos

    inp = CheckInput(post, school)
    infos = image_infos(inp)
    result = engine.check(post, school)
    facts = PhotoFacts(inp, infos)
    keep = None
    bad_rules = {f.rule for f in result.findings if f.start is None} & {"pupil-photo",
                                                                         "identifiable-pupil"}
    if facts.seen and not bad_rules:
        named = {m.person.id: m.person for m in facts.pupil_mentions}
        if (post.account == "official" and named and facts.max_faces <= len(named)
                and all(p.photo_consent is True for p in named.values())):
            keep = "every pupil named has photo consent"
        elif (post.author.role in ("parent", "family") and facts.max_faces == 1
              and facts.about_own_child):
            keep = "one face, and the post is about the author's own child"
    plans = []
    for info in infos:
        boxes = [tuple(f.detail["box"]) for f in result.findings
                 if f.detail.get("image") == info.name and f.detail.get("box")]
        faces = [] if keep else [f.box for f in info.faces]
        plans.append(Plan(info.name, info.path, (info.error or "not found") if not info.ok else None,
                          info.format, faces, boxes,
                          keep if info.faces else None))
    return plans


__all__ = ["Redaction", "Plan", "plan_post", "redact_image", "strip_metadata", "output_path",
           "SameFileError"]
