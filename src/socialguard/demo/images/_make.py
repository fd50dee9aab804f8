"""Rebuild the demo images (run from the repo: python -m socialguard.demo.images._make).

Everything here is drawn by this script or comes from scikit-image's sample data, whose
two photos are free to reuse: ``astronaut`` (Eileen Collins, NASA, public domain) and
``camera`` (CC0, Lav Varshney). No real children appear anywhere. ``compose_faces`` is
also used by benchmarks/bench_images.py to build the labelled face set.
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

HERE = Path(__file__).parent
# Head boxes (x, y, w, h) of the two source photos, for cropping and as ground truth.
HEADS = {"astronaut.jpg": (178, 63, 90, 110), "cameraman.jpg": (195, 110, 62, 82)}


def font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    for name in ("DejaVuSans-Bold.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
                 "DejaVuSans.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"):
        try:
            return ImageFont.truetype(name, size)
        except OSError:
            continue
    return ImageFont.load_default(size)


def source_heads() -> list[tuple[Image.Image, tuple[int, int, int, int]]]:
    """(head crop with margin, face box inside the crop) for each source photo, and mirrors."""
    out = []
    for name, (x, y, w, h) in HEADS.items():
        im = Image.open(HERE / name).convert("RGB")
        mx, my = int(w * 0.45), int(h * 0.35)
        crop = im.crop((x - mx, y - my, x + w + mx, y + h + my))
        box = (mx, my, w, h)
        out.append((crop, box))
        out.append((crop.transpose(Image.Transpose.FLIP_LEFT_RIGHT), (crop.width - mx - w, my, w, h)))
    return out


def _oval_mask(size: tuple[int, int]) -> Image.Image:
    m = Image.new("L", size, 0)
    ImageDraw.Draw(m).ellipse((0, 0, size[0] - 1, size[1] - 1), fill=255)
    return m.filter(ImageFilter.GaussianBlur(max(1, size[0] // 25)))


def background(size: tuple[int, int], rng: np.random.Generator, kind: str = "field") -> Image.Image:
    """A plain scene: sky over a field, a hall wall, or noise, with a few random shapes."""
    w, h = size
    colours = {"field": ((150, 190, 235), (70, 140, 60)), "hall": ((205, 190, 160), (140, 100, 70)),
               "noise": ((128, 128, 128), (128, 128, 128))}[kind]
    arr = np.zeros((h, w, 3), np.float32)
    horizon = int(h * rng.uniform(0.35, 0.6))
    arr[:horizon] = colours[0]
    arr[horizon:] = colours[1]
    arr += rng.normal(0, 18 if kind == "noise" else 8, arr.shape)
    im = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))
    d = ImageDraw.Draw(im)
    for _ in range(int(rng.integers(3, 9))):
        x0, y0 = int(rng.integers(0, w)), int(rng.integers(0, h))
        x1, y1 = x0 + int(rng.integers(20, w // 3)), y0 + int(rng.integers(20, h // 3))
        c = tuple(int(v) for v in rng.integers(0, 255, 3))
        (d.rectangle if rng.random() < 0.5 else d.ellipse)((x0, y0, x1, y1), fill=c)
    return im


def compose_faces(size: tuple[int, int], face_sizes: list[int], rng: np.random.Generator,
                  kind: str = "field", rotate: float = 0.0, light: float = 1.0
                  ) -> tuple[Image.Image, list[tuple[int, int, int, int]]]:
    """A scene with one pasted head per entry of ``face_sizes`` (face width in pixels).

    Returns the image and the true face boxes. Heads do not overlap one another.
    """
    im = background(size, rng, kind)
    heads = source_heads()
    boxes: list[tuple[int, int, int, int]] = []
    taken: list[tuple[int, int, int, int]] = []
    for fw in face_sizes:
        crop, (bx, by, bw, bh) = heads[int(rng.integers(len(heads)))]
        k = fw / bw
        head = crop.resize((max(4, round(crop.width * k)), max(4, round(crop.height * k))),
                           Image.Resampling.LANCZOS)
        angle = float(rng.uniform(-rotate, rotate)) if rotate else 0.0
        mask = _oval_mask(head.size)
        if angle:
            head = head.rotate(angle, resample=Image.Resampling.BICUBIC, expand=False)
            mask = mask.rotate(angle, resample=Image.Resampling.BICUBIC, expand=False)
        for _ in range(60):
            x = int(rng.integers(0, max(1, size[0] - head.width)))
            y = int(rng.integers(0, max(1, size[1] - head.height)))
            r = (x, y, head.width, head.height)
            if all(x + r[2] < t[0] or t[0] + t[2] < x or y + r[3] < t[1] or t[1] + t[3] < y
                   for t in taken):
                break
        else:
            continue
        taken.append(r)
        im.paste(head, (x, y), mask)
        cx, cy = x + (bx + bw / 2) * k, y + (by + bh / 2) * k
        # a rotated face's box grows a little; keep the upright box (IoU >= 0.3 still holds)
        boxes.append((round(cx - bw * k / 2), round(cy - bh * k / 2), round(bw * k), round(bh * k)))
    if light != 1.0:
        im = Image.fromarray(np.clip(np.asarray(im, np.float32) * light, 0, 255).astype(np.uint8))
    return im, boxes


def whiteboard(lines: list[str], size: tuple[int, int] = (1400, 900)) -> Image.Image:
    im = Image.new("RGB", size, (236, 238, 240))
    d = ImageDraw.Draw(im)
    d.rectangle((20, 20, size[0] - 20, size[1] - 20), outline=(120, 120, 130), width=12)
    y = 70
    for i, line in enumerate(lines):
        f = font(64 if i == 0 else 48)
        d.text((80, y), line, fill=(20, 40, 140) if i == 0 else (30, 30, 30), font=f)
        y += 95 if i == 0 else 72
    return im


def poster(lines: list[str], size: tuple[int, int] = (1000, 1300)) -> Image.Image:
    im = Image.new("RGB", size, (255, 236, 120))
    d = ImageDraw.Draw(im)
    y = 80
    for i, line in enumerate(lines):
        f = font(96 if i == 0 else 56)
        width = d.textlength(line, font=f)
        d.text(((size[0] - width) / 2, y), line, fill=(160, 20, 20) if i == 0 else (20, 20, 20), font=f)
        y += 150 if i == 0 else 90
    return im


def _gps_exif(lat: float, lon: float) -> Image.Exif:
    from PIL.ExifTags import IFD, Base, GPS

    def dms(v: float) -> tuple[float, float, float]:
        v = abs(v)
        d = math.floor(v)
        m = math.floor((v - d) * 60)
        return (float(d), float(m), round(((v - d) * 60 - m) * 60, 4))

    ex = Image.Exif()
    ex[Base.Make] = "DemoPhone"
    ex[Base.Model] = "DemoPhone 12"
    ex[Base.Artist] = "Sarah Hughes"
    ex[Base.DateTime] = "2026:07:10 14:05:00"
    gps = ex.get_ifd(IFD.GPSInfo)
    gps[GPS.GPSLatitudeRef] = "N" if lat >= 0 else "S"
    gps[GPS.GPSLatitude] = dms(lat)
    gps[GPS.GPSLongitudeRef] = "E" if lon >= 0 else "W"
    gps[GPS.GPSLongitude] = dms(lon)
    return ex


def main() -> None:
    try:
        from skimage import data
        Image.fromarray(data.astronaut()).save(HERE / "astronaut.jpg", quality=90)
        Image.fromarray(data.camera()).convert("RGB").save(HERE / "cameraman.jpg", quality=90)
    except ImportError:
        if not (HERE / "astronaut.jpg").exists():
            raise SystemExit("needs scikit-image once, for the two source photos") from None
    rng = np.random.default_rng(7)
    group, _ = compose_faces((1600, 1000), [150, 130, 120, 110, 100, 95], rng, kind="field")
    group.save(HERE / "sports_day_group.jpg", quality=88)
    # names from the demo school's roster (socialguard/demo/data/oakfield/people.csv)
    whiteboard(["Year 4 reading groups", "Owls: Tobias Wren, Oscar Lindqvist",
                "Hawks: Ruby Thistlewood, Priya Castellan", "Kestrels: Jayden Okonkwo-Bell",
                "Mrs Smith: call 07700 900123 if late"]).save(HERE / "whiteboard_class_list.png")
    poster(["LOST CAT", "Grey tabby, answers to Biscuit", "Seen near Oakfield Primary?",
            "Please call Sarah", "07700 900 123"]).save(HERE / "poster_phone.png")
    scene = background((1200, 800), rng, "field")
    scene.save(HERE / "gps_garden.jpg", quality=88, exif=_gps_exif(52.2459, 0.7112))


if __name__ == "__main__":
    main()
