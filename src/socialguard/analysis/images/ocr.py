"""Text in pictures, with Tesseract: words, their boxes, and a text to run the detectors on.

Tesseract is a system program (Debian: ``apt-get install tesseract-ocr``). Without it OCR
is off, a warning says so once, and every other check still runs.
"""

from __future__ import annotations

import logging
import os
import threading
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np

log = logging.getLogger("socialguard.images")
INSTALL_HINT = ("install it with: apt-get install tesseract-ocr (the program and its English "
                "data; pip install tesserocr or pytesseract)")
#: longest side Tesseract sees; text smaller than ~12 px there is missed
OCR_SIDE = 1600
MIN_WORD_CONF = 40
OCR_TIMEOUT_S = 20

# Tesseract's OpenMP threads fight each other (and our other work) on small machines.
os.environ.setdefault("OMP_THREAD_LIMIT", "1")

_warned = threading.Event()


@dataclass(frozen=True)
class Word:
    text: str
    start: int          # offsets into OcrText.text
    end: int
    box: tuple[int, int, int, int]   # x, y, w, h in the working copy
    confidence: float


@dataclass
class OcrText:
    text: str = ""
    words: list[Word] = field(default_factory=list)

    def box_for(self, start: int, end: int) -> tuple[int, int, int, int] | None:
        """The box around the words overlapping text[start:end]."""
        hit = [w.box for w in self.words if w.start < end and start < w.end]
        if not hit:
            return None
        x0 = min(b[0] for b in hit)
        y0 = min(b[1] for b in hit)
        x1 = max(b[0] + b[2] for b in hit)
        y1 = max(b[1] + b[3] for b in hit)
        return (x0, y0, x1 - x0, y1 - y0)


_TESSDATA_DIRS = ("/usr/share/tesseract-ocr/5/tessdata", "/usr/share/tesseract-ocr/4.00/tessdata",
                  "/usr/share/tessdata", "/usr/local/share/tessdata", "/opt/homebrew/share/tessdata")


def _tessdata() -> str | None:
    for d in filter(None, (os.environ.get("TESSDATA_PREFIX"), *_TESSDATA_DIRS)):
        if os.path.isfile(os.path.join(d, "eng.traineddata")):
            return d
    return None


class _InProcess:
    """tesserocr: Tesseract as a library, the model loaded once (about 5x faster than a
    process per image, which is what pytesseract does). One engine, used under a lock."""

    def __init__(self) -> None:
        import tesserocr

        path = _tessdata()
        if path is None:
            raise RuntimeError("no eng.traineddata found")
        self._mod = tesserocr
        self._api = tesserocr.PyTessBaseAPI(path=path + os.sep, lang="eng",
                                            psm=tesserocr.PSM.AUTO)
        self._lock = threading.Lock()
        self.version = "tesserocr " + tesserocr.tesseract_version().split()[1]

    def words(self, gray: np.ndarray):
        from PIL import Image

        RIL = self._mod.RIL
        with self._lock:
            self._api.SetImage(Image.fromarray(gray))
            if not self._api.Recognize(timeout=OCR_TIMEOUT_S * 1000):
                self._api.Clear()
                raise RuntimeError(f"no result within {OCR_TIMEOUT_S} s")
            ri = self._api.GetIterator()
            block = par = line = 0
            out = []
            if ri is None:  # a picture with no text at all
                self._api.Clear()
                return out
            for r in self._mod.iterate_level(ri, RIL.WORD):
                if r.IsAtBeginningOf(RIL.BLOCK):
                    block += 1
                if r.IsAtBeginningOf(RIL.PARA):
                    par += 1
                if r.IsAtBeginningOf(RIL.TEXTLINE):
                    line += 1
                try:
                    text = r.GetUTF8Text(RIL.WORD)
                except RuntimeError:  # "No text returned" for an empty element
                    continue
                bb = r.BoundingBox(RIL.WORD)
                if not text or bb is None:
                    continue
                x0, y0, x1, y1 = bb
                out.append((text, r.Confidence(RIL.WORD), (x0, y0, x1 - x0, y1 - y0),
                            (block, par, line)))
            self._api.Clear()
        return out


class _Process:
    """pytesseract: runs the ``tesseract`` program once per image."""

    def __init__(self) -> None:
        import pytesseract

        self._mod = pytesseract
        self.version = "tesseract " + str(pytesseract.get_tesseract_version())

    def words(self, gray: np.ndarray):
        d = self._mod.image_to_data(gray, lang="eng", config="--psm 3",
                                    output_type=self._mod.Output.DICT, timeout=OCR_TIMEOUT_S)
        out = []
        for i, text in enumerate(d["text"]):
            try:
                conf = float(d["conf"][i])
            except (TypeError, ValueError):
                conf = -1.0
            out.append((text, conf, (d["left"][i], d["top"][i], d["width"][i], d["height"][i]),
                        (d["block_num"][i], d["par_num"][i], d["line_num"][i])))
        return out


@lru_cache(maxsize=1)
def _engine():
    for cls in (_InProcess, _Process):
        try:
            eng = cls()
        except Exception:  # not installed, no language data, or no tesseract program
            continue
        log.debug("OCR engine: %s", eng.version)
        return eng
    return None


def tesseract_version() -> str | None:
    eng = _engine()
    return eng.version if eng else None


def ocr_available(*, warn: bool = True) -> bool:
    ok = _engine() is not None
    if not ok and warn and not _warned.is_set():
        _warned.set()
        log.warning("text in images is not checked: Tesseract OCR is not installed; %s",
                    INSTALL_HINT)
    return ok


def ocr_input(rgb: np.ndarray) -> tuple[np.ndarray, float]:
    """The grey image Tesseract reads (longest side <= OCR_SIDE) and its scale; a grey
    input already that small is passed through."""
    import cv2

    h, w = rgb.shape[:2]
    k = min(1.0, OCR_SIDE / max(h, w))
    img = cv2.resize(rgb, (round(w * k), round(h * k)), interpolation=cv2.INTER_AREA) if k < 1 else rgb
    gray = img if img.ndim == 2 else cv2.cvtColor(img, cv2.COLOR_RGB2GRAY)
    return np.ascontiguousarray(gray), k


def read_text(rgb: np.ndarray) -> OcrText:
    """Words Tesseract reads in an RGB (or grey) image; boxes in that image's pixels."""
    if not ocr_available():
        return OcrText()
    gray, k = ocr_input(rgb)
    try:
        raw = _engine().words(gray)
    except RuntimeError as e:  # both engines raise RuntimeError on timeout
        log.warning("OCR gave up on an image: %s", e)
        return OcrText()
    parts: list[str] = []
    words: list[Word] = []
    last_key = None
    pos = 0
    for text, conf, (x, y, bw, bh), key in raw:
        token = (text or "").strip()
        if not token or conf < MIN_WORD_CONF:
            continue
        if last_key is not None:
            sep = " " if key == last_key else ("\n" if key[:2] == last_key[:2] else "\n\n")
            parts.append(sep)
            pos += len(sep)
        last_key = key
        box = tuple(round(v / k) for v in (x, y, bw, bh))
        words.append(Word(token, pos, pos + len(token), box, conf / 100.0))
        parts.append(token)
        pos += len(token)
    return OcrText("".join(parts), words)
