import hashlib

import numpy as np
import pytest
from PIL import Image

from socialguard.analysis.images.faces import detect_faces
from socialguard.analysis.images.load import load_image
from socialguard.analysis.images.metadata import read_metadata
from socialguard.analysis.images.redact import SameFileError, redact_image, strip_metadata


def sha(p):
    return hashlib.sha256(p.read_bytes()).hexdigest()


def test_it_blurs_faces_until_no_face_is_found(demo, tmp_path):
    src = demo / "sports_day_group.jpg"
    before = sha(src)
    faces = [f.box for f in load_image_faces(src)]
    r = redact_image(src, tmp_path / "out.jpg", faces=faces, boxes=[])
    assert r.faces_blurred == 6
    assert detect_faces(load_image(tmp_path / "out.jpg").rgb) == []
    assert sha(src) == before


def load_image_faces(p):
    img = load_image(p)
    return [f.scaled(1 / img.scale) for f in detect_faces(img.rgb)]


def test_it_fills_text_boxes_and_leaves_the_rest(demo, tmp_path):
    src = demo / "poster_phone.png"
    box = (269, 510, 461, 43)
    redact_image(src, tmp_path / "out.png", faces=[], boxes=[box])
    a = np.asarray(Image.open(src).convert("RGB")).astype(int)
    b = np.asarray(Image.open(tmp_path / "out.png").convert("RGB")).astype(int)
    assert (b[520:545, 300:700] == 0).all()
    assert np.abs(a[:400] - b[:400]).max() == 0


def test_it_drops_all_metadata_from_a_redacted_copy(demo, tmp_path):
    redact_image(demo / "gps_garden.jpg", tmp_path / "out.jpg", faces=[], boxes=[])
    with Image.open(tmp_path / "out.jpg") as im:
        assert not im.getexif() and "xmp" not in im.info and "exif" not in im.info
    assert not read_metadata(load_image(tmp_path / "out.jpg").exif).has_location


def test_it_strips_jpeg_metadata_without_touching_the_pixels(demo, tmp_path):
    src = demo / "gps_garden.jpg"
    strip_metadata(src, tmp_path / "clean.jpg")
    assert read_metadata(load_image(src).exif).has_location
    assert read_metadata(load_image(tmp_path / "clean.jpg").exif).to_dict() == {}
    a = np.asarray(Image.open(src))
    b = np.asarray(Image.open(tmp_path / "clean.jpg"))
    assert np.array_equal(a, b)


def test_it_strips_png_metadata(tmp_path):
    ex = Image.Exif()
    ex[0x013B] = "Sarah Hughes"   # Artist
    src = tmp_path / "a.png"
    Image.new("RGB", (20, 20), (9, 9, 9)).save(src, exif=ex)
    strip_metadata(src, tmp_path / "b.png")
    assert read_metadata(load_image(src).exif).owner == "Sarah Hughes"
    assert read_metadata(load_image(tmp_path / "b.png").exif).owner is None


def test_it_never_writes_over_the_original(demo, tmp_path):
    src = tmp_path / "a.jpg"
    src.write_bytes((demo / "astronaut.jpg").read_bytes())
    with pytest.raises(SameFileError):
        redact_image(src, src, faces=[], boxes=[])
    with pytest.raises(SameFileError):
        strip_metadata(src, src)
