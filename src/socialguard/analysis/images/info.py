"""Everything the detectors want to know about a post's images, computed once per post.

``image_infos(inp)`` is shared through ``inp.cache``. Each image is decoded once: faces
and metadata are worked out at once, and only a small grey copy is kept for OCR (which
runs when a detector first reads ``.ocr``, then lets the copy go). So a batch of posts
holds a few MB per image, not the decoded photos.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from socialguard.analysis.images.faces import Face, detect_faces
from socialguard.analysis.images.load import ImageReadError, load_image
from socialguard.analysis.images.metadata import ImageMeta, read_metadata
from socialguard.analysis.images.ocr import OcrText, Word, ocr_available, ocr_input, read_text

if TYPE_CHECKING:
    from socialguard.analysis.detectors.base import CheckInput
    from socialguard.analysis.post import Post

log = logging.getLogger("socialguard.images")
CACHE_KEY = "images"

#: status values
OK, UNAVAILABLE, ERROR = "ok", "unavailable", "error"


def resolve_image(post: "Post", name: str) -> Path | None:
    """Where ``name`` is on disk: relative to the posts file (``post.base_dir``) when known.

    Returns None when the post came without a folder (an API call or an evaluation that
    gives image names only) and the name does not exist from here either: the images were
    not supplied, so the checks decide from the text and context, and nothing is an error.
    """
    p = Path(name).expanduser()
    if p.is_absolute():
        return p
    if post.base_dir is not None:
        return Path(post.base_dir) / p
    return p if p.exists() else None


@dataclass
class ImageInfo:
    name: str                       # as written in the post
    path: Path | None
    status: str
    error: str | None = None
    width: int = 0                  # original size, upright
    height: int = 0
    format: str = ""
    frames: int = 1
    faces: list[Face] = field(default_factory=list)      # boxes in ORIGINAL pixels
    meta: ImageMeta = field(default_factory=ImageMeta)
    _gray: np.ndarray | None = field(default=None, repr=False)
    _gray_scale: float = 1.0        # OCR-copy pixels per original pixel
    _ocr: OcrText | None = field(default=None, repr=False)

    @property
    def ok(self) -> bool:
        return self.status == OK

    @property
    def ocr(self) -> OcrText:
        """Words in the image, boxes in ORIGINAL image pixels (read once, on first use)."""
        if self._ocr is None:
            self._ocr = OcrText()
            if self._gray is not None:
                t = read_text(self._gray)
                k = 1 / self._gray_scale
                self._ocr = OcrText(t.text, [
                    Word(w.text, w.start, w.end, tuple(round(v * k) for v in w.box), w.confidence)
                    for w in t.words])
            self._gray = None
        return self._ocr


_warned_missing: set[str] = set()


def inspect_image(post: "Post", name: str) -> ImageInfo:
    """Decode one image of ``post`` and work out its faces and metadata.

    A file that is not there is "unavailable", like an image that was never supplied: the
    checks decide from the text, and a warning names the path (once). A file that is there
    but cannot be read is an "error", which pupil-photo reports for a person to look at.
    """
    path = resolve_image(post, name)
    if path is None:
        return ImageInfo(name, None, UNAVAILABLE)
    if not path.exists():
        key = str(path)
        if key not in _warned_missing and len(_warned_missing) < 10_000:
            _warned_missing.add(key)
            log.warning("post %s: image %s not found; the post is checked from its text only",
                        post.id, path)
        return ImageInfo(name, path, UNAVAILABLE, error="file not found")
    try:
        img = load_image(path)
    except ImageReadError as e:
        return ImageInfo(name, path, ERROR, error=str(e))
    faces = [f.scaled(1 / img.scale) for f in detect_faces(img.rgb)]
    info = ImageInfo(name, path, OK, width=img.width, height=img.height, format=img.format,
                     frames=img.frames, faces=faces, meta=read_metadata(img.exif))
    if ocr_available():
        gray, k = ocr_input(img.rgb)
        info._gray, info._gray_scale = gray, k * img.scale
    return info


def image_infos(inp: "CheckInput") -> list[ImageInfo]:
    """One ImageInfo per image of the post, in post order, cached on the input."""
    infos = inp.cache.get(CACHE_KEY)
    if infos is None:
        infos = [inspect_image(inp.post, n) for n in inp.post.images]
        inp.cache[CACHE_KEY] = infos
    return infos
