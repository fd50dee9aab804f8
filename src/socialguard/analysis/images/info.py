"""Everything the detectors want to know about a post's images, computed once per post.

``image_infos(inp)`` is shared through ``inp.cache``: the first detector that asks pays
for decoding and face detection; OCR runs only when a detector reads ``.ocr``.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from socialguard.analysis.images.faces import Face, detect_faces
from socialguard.analysis.images.load import ImageReadError, LoadedImage, load_image
from socialguard.analysis.images.metadata import ImageMeta, read_metadata
from socialguard.analysis.images.ocr import OcrText, read_text

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
    image: LoadedImage | None = field(default=None, repr=False)

    @property
    def ok(self) -> bool:
        return self.status == OK

    @property
    def size(self) -> tuple[int, int] | None:
        return (self.image.width, self.image.height) if self.image else None

    @cached_property
    def faces(self) -> list[Face]:
        """Faces, boxes in ORIGINAL image pixels, largest first."""
        if not self.image:
            return []
        return [f.scaled(1 / self.image.scale) for f in detect_faces(self.image.rgb)]

    @cached_property
    def meta(self) -> ImageMeta:
        return read_metadata(self.image.exif) if self.image else ImageMeta()

    @cached_property
    def ocr(self) -> OcrText:
        """Words in the image, boxes in ORIGINAL image pixels."""
        if not self.image:
            return OcrText()
        t = read_text(self.image.rgb)
        k = 1 / self.image.scale
        if k == 1:
            return t
        from socialguard.analysis.images.ocr import Word
        return OcrText(t.text, [Word(w.text, w.start, w.end,
                                     tuple(round(v * k) for v in w.box), w.confidence)
                                for w in t.words])


def inspect_image(post: "Post", name: str) -> ImageInfo:
    path = resolve_image(post, name)
    if path is None:
        return ImageInfo(name, None, UNAVAILABLE)
    try:
        img = load_image(path)
    except ImageReadError as e:
        return ImageInfo(name, path, ERROR, error=str(e))
    return ImageInfo(name, path, OK, image=img)


def image_infos(inp: "CheckInput") -> list[ImageInfo]:
    """One ImageInfo per image of the post, in post order, cached on the input."""
    infos = inp.cache.get(CACHE_KEY)
    if infos is None:
        infos = [inspect_image(inp.post, n) for n in inp.post.images]
        inp.cache[CACHE_KEY] = infos
    return infos
