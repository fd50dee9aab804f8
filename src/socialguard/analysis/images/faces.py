"""Face detection on the working copy of an image.

Two detectors, both offline and shipped in packages: YuNet from libfacedetection
(``yuface``, BSD-3, weights compiled into the wheel) and OpenCV's Haar cascade
``frontalface_alt2``. YuNet is the default when installed: on the labelled set in
docs/images.md it finds more faces, smaller and turned further, with fewer false
alarms. Haar is the fallback so a plain OpenCV install still works.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache

import cv2
import numpy as np

#: longest side each detector sees; faces smaller than ~1.5% of that side are missed
DETECT_SIDE = {"yunet": 1024, "haar": 640}
YUNET_CONF = 0.6


@dataclass(frozen=True)
class Face:
    x: int
    y: int
    w: int
    h: int
    confidence: float

    @property
    def box(self) -> tuple[int, int, int, int]:
        return (self.x, self.y, self.w, self.h)

    @property
    def area(self) -> int:
        return self.w * self.h

    def scaled(self, k: float) -> "Face":
        return Face(round(self.x * k), round(self.y * k), round(self.w * k), round(self.h * k),
                    self.confidence)


@lru_cache(maxsize=1)
def _yuface():
    try:
        import yuface
    except ImportError:
        return None
    return yuface if hasattr(yuface, "c_detect") else None


def available_backends() -> list[str]:
    return (["yunet"] if _yuface() else []) + ["haar"]


def default_backend() -> str:
    env = os.environ.get("SOCIALGUARD_FACES", "").strip().lower()
    if env in ("yunet", "haar"):
        return env if env != "yunet" or _yuface() else "haar"
    return available_backends()[0]


@lru_cache(maxsize=1)
def _haar() -> cv2.CascadeClassifier:
    path = os.path.join(cv2.data.haarcascades, "haarcascade_frontalface_alt2.xml")
    c = cv2.CascadeClassifier(path)
    if c.empty():  # pragma: no cover - broken OpenCV install
        raise RuntimeError(f"cannot load the Haar cascade {path}")
    return c


def detect_faces(rgb: np.ndarray, backend: str | None = None) -> list[Face]:
    """Faces in an RGB uint8 image, boxes in that image's pixels, largest first."""
    backend = backend or default_backend()
    h, w = rgb.shape[:2]
    side = DETECT_SIDE[backend]
    k = min(1.0, side / max(h, w))
    small = cv2.resize(rgb, (max(1, round(w * k)), max(1, round(h * k))),
                       interpolation=cv2.INTER_AREA) if k < 1.0 else rgb
    if backend == "yunet":
        found = _detect_yunet(small)
    else:
        found = _detect_haar(small)
    faces = [f.scaled(1 / k) for f in found]
    return sorted(faces, key=lambda f: -f.area)


def _detect_yunet(rgb: np.ndarray) -> list[Face]:
    bgr = np.ascontiguousarray(rgb[:, :, ::-1])
    # the C entry point: the Python wrapper warns on every image over 960 px
    rows = _yuface().c_detect(bgr)
    return [Face(int(r[1]), int(r[2]), int(r[3]), int(r[4]), float(r[0]) / 100.0)
            for r in rows if r[0] >= YUNET_CONF * 100 and r[3] > 0 and r[4] > 0]


def _detect_haar(rgb: np.ndarray) -> list[Face]:
    gray = cv2.equalizeHist(cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY))
    rects, _, weights = _haar().detectMultiScale3(
        gray, scaleFactor=1.1, minNeighbors=4, minSize=(16, 16), outputRejectLevels=True)
    out = []
    for (x, y, bw, bh), wt in zip(rects, np.ravel(weights) if len(rects) else []):
        out.append(Face(int(x), int(y), int(bw), int(bh), float(min(1.0, max(0.3, wt / 10)))))
    return out
