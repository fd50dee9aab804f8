"""Reading an image safely: one clear error per bad file, never a crash or an OOM.

Guards: a file that is not an image (a text file named .jpg), a truncated or corrupt
file, a decompression bomb (a small file declaring billions of pixels), a huge photo
(50 MP and more is decoded at a reduced scale with JPEG draft mode), animated GIF/WebP
(the first frame is checked and the frame count reported).
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image, ImageOps, UnidentifiedImageError

try:  # HEIC/HEIF from phones, when the optional plugin is installed
    from pillow_heif import register_heif_opener

    register_heif_opener()
    HEIF = True
except ImportError:  # pragma: no cover - depends on the install
    HEIF = False

#: The working copy is at most this many pixels on its longest side: enough for faces
#: and text, and it keeps memory flat whatever the camera.
WORK_SIDE = 2000
#: Declared sizes above this are refused without decoding (decompression-bomb guard).
MAX_PIXELS = 250_000_000
#: Formats without draft decoding are decoded whole, so they get a lower ceiling.
MAX_PIXELS_FULL_DECODE = 80_000_000
MAX_FILE_BYTES = 200 * 1024 * 1024

# Our own limits replace Pillow's warning/error pair, which would fire on real photos.
Image.MAX_IMAGE_PIXELS = MAX_PIXELS


class ImageReadError(Exception):
    """An image that cannot be checked; the message says why in plain words."""


@dataclass
class LoadedImage:
    path: Path
    format: str
    width: int           # the original size, before any downscaling
    height: int
    frames: int
    rgb: np.ndarray      # the working copy, RGB, uint8, longest side <= WORK_SIDE
    exif: Any = None     # PIL.Image.Exif of the original (may be empty)
    info: dict[str, Any] = field(default_factory=dict)

    @property
    def scale(self) -> float:
        """Working-copy pixels per original pixel."""
        return self.rgb.shape[1] / self.width if self.width else 1.0

    @property
    def megapixels(self) -> float:
        return self.width * self.height / 1e6


def load_image(path: Path, *, work_side: int = WORK_SIDE) -> LoadedImage:
    """The first frame of ``path``, upright (EXIF orientation applied), as a working copy."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise ImageReadError("file not found") from None
    except OSError as e:
        raise ImageReadError(f"cannot open: {e.strerror}") from None
    if path.is_dir():
        raise ImageReadError("is a folder, not an image")
    if size == 0:
        raise ImageReadError("empty file")
    if size > MAX_FILE_BYTES:
        raise ImageReadError(f"file is {size / 1e6:.0f} MB; the limit is {MAX_FILE_BYTES / 1e6:.0f} MB")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            im = Image.open(path)
    except UnidentifiedImageError:
        raise ImageReadError("not an image (or a format that cannot be read"
                             + ("" if HEIF else "; HEIC needs pillow-heif") + ")") from None
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ImageReadError("declares too many pixels (possible decompression bomb)") from None
    except (OSError, SyntaxError, ValueError, EOFError) as e:
        if "truncated" in str(e).lower() or isinstance(e, EOFError):
            raise ImageReadError("truncated or corrupt image data") from None
        raise ImageReadError(f"corrupt image ({e or type(e).__name__})") from None
    with im:
        return _decode(im, path, work_side)


def _decode(im: Image.Image, path: Path, work_side: int) -> LoadedImage:
    fmt = (im.format or "").upper()
    w, h = im.size
    if w <= 0 or h <= 0:
        raise ImageReadError("image has no pixels")
    if w * h > MAX_PIXELS or (fmt not in ("JPEG", "MPO") and w * h > MAX_PIXELS_FULL_DECODE):
        raise ImageReadError(f"{w}x{h} is {w * h / 1e6:.0f} megapixels, too large to check safely")
    frames = int(getattr(im, "n_frames", 1) or 1)
    try:
        exif = im.getexif()
    except Exception:  # broken EXIF must not hide the picture
        exif = Image.Exif()
    try:
        if fmt in ("JPEG", "MPO") and max(w, h) > work_side:
            # Decode at 1/2, 1/4 or 1/8 scale directly: a 50 MP JPEG never exists in memory.
            im.draft("RGB", (max(1, w * work_side // max(w, h)), max(1, h * work_side // max(w, h))))
        if frames > 1:
            im.seek(0)
        im.load()
        frame = im.convert("RGB") if im.mode != "RGB" else im
        frame = ImageOps.exif_transpose(frame, in_place=False) if exif.get(0x0112, 1) != 1 else frame
        if max(frame.size) > work_side:
            frame = frame.copy()
            frame.thumbnail((work_side, work_side), Image.Resampling.BILINEAR)
        rgb = np.asarray(frame, dtype=np.uint8)
    except (OSError, SyntaxError, ValueError, EOFError) as e:
        msg = str(e) or type(e).__name__
        if "truncated" in msg.lower() or isinstance(e, EOFError):
            raise ImageReadError("truncated or corrupt image data") from None
        raise ImageReadError(f"corrupt image data ({msg})") from None
    except MemoryError:
        raise ImageReadError("too large to decode in memory") from None
    if exif.get(0x0112, 1) in (5, 6, 7, 8):
        w, h = h, w  # the original size, upright
    return LoadedImage(path=path, format=fmt or "?", width=w, height=h, frames=frames,
                       rgb=np.ascontiguousarray(rgb), exif=exif, info=dict(im.info))
