"""Bad files give one clear reason each; big files are decoded small; nothing crashes."""

import io
import struct
import zlib
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from socialguard.analysis.images.load import WORK_SIDE, ImageReadError, load_image


def _png_header_only(w: int, h: int) -> bytes:
    """A PNG that declares w x h pixels and holds none: a decompression bomb's shape."""
    ihdr = struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)
    chunk = lambda t, d: struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d))  # noqa: E731
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IEND", b"")


def _jpeg_bytes(size=(64, 48)) -> bytes:
    buf = io.BytesIO()
    Image.effect_noise(size, 60).convert("RGB").save(buf, "JPEG")
    return buf.getvalue()


@pytest.mark.parametrize("name, content, reason", [
    ("notes.jpg", b"Dear parents, the trip is on Friday.\n", "not an image"),
    ("empty.jpg", b"", "empty file"),
    ("cut.jpg", _jpeg_bytes((400, 300))[:300], "truncated or corrupt"),
    ("half.jpg", _jpeg_bytes((800, 600))[:20_000], "truncated or corrupt"),
    ("bomb.png", _png_header_only(100_000, 100_000), "too many pixels"),
    ("wide.png", _png_header_only(20_000, 10_000), "too large to check safely"),
])
def test_it_gives_one_clear_reason_for_a_bad_file(tmp_path, name, content, reason):
    p = tmp_path / name
    p.write_bytes(content)
    with pytest.raises(ImageReadError) as e:
        load_image(p)
    assert reason in str(e.value)


def test_it_says_when_a_file_is_missing(tmp_path):
    with pytest.raises(ImageReadError, match="file not found"):
        load_image(tmp_path / "nope.jpg")


def test_it_decodes_a_50_megapixel_jpeg_at_a_reduced_scale(tmp_path):
    p = tmp_path / "huge.jpg"
    Image.new("L", (8660, 5774), 128).save(p, "JPEG", quality=50)
    img = load_image(p)
    assert (img.width, img.height) == (8660, 5774)
    assert max(img.rgb.shape[:2]) <= WORK_SIDE
    assert img.rgb.shape[2] == 3 and img.scale < 0.25


@pytest.mark.parametrize("fmt", ["GIF", "WEBP"])
def test_it_reads_the_first_frame_of_an_animation(tmp_path, fmt):
    frames = [Image.new("RGB", (40, 30), c) for c in ((255, 0, 0), (0, 255, 0), (0, 0, 255))]
    p = tmp_path / f"anim.{fmt.lower()}"
    frames[0].save(p, fmt, save_all=True, append_images=frames[1:], duration=100, loop=0)
    img = load_image(p)
    assert img.frames == 3
    r, g, b = img.rgb[15, 20]
    assert r > 200 and g < 60 and b < 60


def test_it_turns_a_photo_upright_from_its_exif_orientation(tmp_path):
    p = tmp_path / "rotated.jpg"
    ex = Image.Exif()
    ex[0x0112] = 6  # rotate 90° clockwise to view
    Image.new("RGB", (80, 40), (0, 0, 0)).save(p, "JPEG", exif=ex)
    img = load_image(p)
    assert img.rgb.shape[:2] == (80, 40)
    assert (img.width, img.height) == (40, 80)


def test_it_reads_a_png_with_transparency_as_rgb(tmp_path):
    p = tmp_path / "logo.png"
    Image.fromarray(np.zeros((20, 30, 4), np.uint8)).save(p)
    assert load_image(p).rgb.shape == (20, 30, 3)


def test_it_refuses_a_folder_named_like_an_image(tmp_path):
    d = tmp_path / "photo.jpg"
    d.mkdir()
    with pytest.raises(ImageReadError, match="folder"):
        load_image(Path(d))


def test_it_reads_a_heic_photo_and_its_gps(tmp_path, demo):
    pillow_heif = pytest.importorskip("pillow_heif", reason="HEIC needs pillow-heif")
    pillow_heif.register_heif_opener()
    from PIL.ExifTags import GPS, IFD

    ex = Image.Exif()
    gps = ex.get_ifd(IFD.GPSInfo)
    gps[GPS.GPSLatitudeRef], gps[GPS.GPSLatitude] = "N", (52.0, 1.0, 2.0)
    gps[GPS.GPSLongitudeRef], gps[GPS.GPSLongitude] = "W", (1.0, 2.0, 3.0)
    p = tmp_path / "phone.heic"
    Image.open(demo / "astronaut.jpg").save(p, exif=ex.tobytes())
    img = load_image(p)
    assert img.format == "HEIF" and img.rgb.shape == (512, 512, 3)
    from socialguard.analysis.images.metadata import read_metadata
    assert read_metadata(img.exif).longitude < -1.0
