"""What an image's metadata gives away: where it was taken, on what, by whom, when."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PIL.ExifTags import IFD, Base, GPS

_EXIF_IFD = IFD.Exif


@dataclass(frozen=True)
class ImageMeta:
    latitude: float | None = None
    longitude: float | None = None
    device: str | None = None     # make and model
    owner: str | None = None      # Artist, CameraOwnerName, Copyright, XP author
    taken_at: str | None = None   # as written in the file (EXIF has no time zone)
    software: str | None = None

    @property
    def has_location(self) -> bool:
        return self.latitude is not None and self.longitude is not None

    def to_dict(self) -> dict[str, Any]:
        d = {k: v for k, v in self.__dict__.items() if v is not None}
        if self.has_location:
            d["latitude"] = round(self.latitude, 6)
            d["longitude"] = round(self.longitude, 6)
        return d


def _text(v: Any) -> str | None:
    if v is None:
        return None
    if isinstance(v, bytes):
        # XP* tags are UTF-16LE; UserComment-style values start with an 8-byte charset code
        for enc in ("utf-16-le",) if len(v) % 2 == 0 and b"\x00" in v else ("utf-8", "latin-1"):
            try:
                v = v.decode(enc)
                break
            except UnicodeDecodeError:
                continue
        else:
            return None
    s = str(v).replace("\x00", "").strip()
    return s or None


def _degrees(dms: Any, ref: Any) -> float | None:
    try:
        d, m, s = (float(x) for x in dms)
    except (TypeError, ValueError, ZeroDivisionError):
        return None
    val = d + m / 60 + s / 3600
    if _text(ref) in ("S", "W"):
        val = -val
    return val


def read_metadata(exif: Any) -> ImageMeta:
    """Metadata from a ``PIL.Image.Exif``; anything missing or malformed is left None."""
    if not exif:
        return ImageMeta()
    lat = lon = None
    try:
        gps = exif.get_ifd(IFD.GPSInfo)
    except Exception:
        gps = {}
    if gps:
        lat = _degrees(gps.get(GPS.GPSLatitude), gps.get(GPS.GPSLatitudeRef))
        lon = _degrees(gps.get(GPS.GPSLongitude), gps.get(GPS.GPSLongitudeRef))
        if lat is not None and lon is not None and (abs(lat) > 90 or abs(lon) > 180
                                                     or (lat == 0 and lon == 0)):
            lat = lon = None
    try:
        sub = exif.get_ifd(_EXIF_IFD)
    except Exception:
        sub = {}
    make, model = _text(exif.get(Base.Make)), _text(exif.get(Base.Model))
    device = " ".join(x for x in (make, model) if x and not (make and model and x == make
                                                               and model.startswith(make))) or None
    owner = (_text(sub.get(Base.CameraOwnerName)) or _text(exif.get(Base.Artist))
             or _text(exif.get(0x9C9D)) or _text(exif.get(Base.Copyright)))  # 0x9C9D: XPAuthor
    taken = _text(sub.get(Base.DateTimeOriginal)) or _text(exif.get(Base.DateTime))
    return ImageMeta(latitude=lat, longitude=lon, device=device, owner=owner, taken_at=taken,
                     software=_text(exif.get(Base.Software)))
