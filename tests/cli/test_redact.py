"""`socialguard redact`: safe copies, originals untouched, one clear error per bad image."""

import hashlib
import json
import shutil
from pathlib import Path

import pytest

import socialguard.demo.images as demo_images
from cli_helpers import one_error_line, run_cli, run_main
from socialguard.analysis.images.faces import detect_faces
from socialguard.analysis.images.load import load_image
from socialguard.analysis.images.metadata import read_metadata

DEMO = Path(demo_images.__file__).parent


def sha(p: Path) -> str:
    return hashlib.sha256(p.read_bytes()).hexdigest()


@pytest.fixture
def post_dir(tmp_path) -> Path:
    d = tmp_path / "posts"
    (d / "img").mkdir(parents=True)
    for n in ("sports_day_group.jpg", "gps_garden.jpg", "astronaut.jpg"):
        shutil.copy(DEMO / n, d / "img" / n)
    return d


def write_post(d: Path, **fields) -> Path:
    p = d / "post.json"
    p.write_text(json.dumps({"id": "p1", "text": "", **fields}), encoding="utf-8")
    return p


def test_it_blurs_faces_and_strips_metadata_of_a_posts_images(post_dir, ctx, tmp_path):
    post = write_post(post_dir, text="Sports day!", images=["img/sports_day_group.jpg", "img/gps_garden.jpg"],
                      author={"role": "parent", "name": "Sarah Hughes"}, account="personal",
                      context={"event": "sports day", "on_school_site": True})
    before = {p: sha(p) for p in (post_dir / "img").iterdir()}
    r = run_main("redact", str(post), "--context", str(ctx), "--out", str(tmp_path / "safe"))
    assert r.rc == 0, r.err
    assert "6 face(s) blurred" in r.out and "metadata stripped" in r.out
    out = tmp_path / "safe" / "sports_day_group.redacted.jpg"
    assert detect_faces(load_image(out).rgb) == []
    clean = tmp_path / "safe" / "gps_garden.redacted.jpg"
    assert not read_metadata(load_image(clean).exif).has_location
    assert {p: sha(p) for p in (post_dir / "img").iterdir()} == before


def test_it_keeps_the_face_of_the_authors_own_child(post_dir, ctx, tmp_path):
    post = write_post(post_dir, text="Our Alfie at sports day", images=["img/astronaut.jpg"],
                      author={"role": "parent", "name": "Sarah Hughes"}, account="personal",
                      context={"event": "sports day", "on_school_site": True})
    r = run_main("redact", str(post), "--context", str(ctx), "--out", str(tmp_path / "safe"))
    assert r.rc == 0, r.err
    assert "0 face(s) blurred" in r.out and "own child" in r.out


def test_it_only_strips_metadata_when_asked(post_dir, tmp_path):
    src = post_dir / "img" / "gps_garden.jpg"
    r = run_main("redact", str(src), "--strip-metadata-only", "--out", str(tmp_path / "o"))
    assert r.rc == 0, r.err
    out = tmp_path / "o" / "gps_garden.redacted.jpg"
    assert read_metadata(load_image(out).exif).to_dict() == {}
    assert read_metadata(load_image(src).exif).has_location


def test_it_names_each_bad_image_and_redacts_the_rest(post_dir, tmp_path):
    (post_dir / "img" / "notes.jpg").write_text("not a picture")
    post = write_post(post_dir, images=["img/notes.jpg", "img/missing.jpg", "img/astronaut.jpg"])
    r = run_main("redact", str(post), "--out", str(tmp_path / "safe"))
    assert r.rc == 1
    assert "img/notes.jpg: not an image" in r.err and "img/missing.jpg: file not found" in r.err
    assert "Traceback" not in r.err
    assert (tmp_path / "safe" / "astronaut.redacted.jpg").exists()


def test_it_refuses_a_post_without_images(post_dir, tmp_path):
    r = run_main("redact", str(write_post(post_dir, text="hi")), "--out", str(tmp_path / "s"))
    assert r.rc == 2
    assert "no images to redact" in one_error_line(r.err)


def test_it_runs_as_a_command(post_dir, tmp_path):
    src = post_dir / "img" / "astronaut.jpg"
    r = run_cli("redact", str(src), "--out", str(tmp_path / "s"))
    assert r.rc == 0, r.err
    assert "1 face(s) blurred" in r.out


def test_it_keeps_faces_when_every_named_pupil_has_photo_consent(post_dir, ctx, tmp_path):
    post = write_post(post_dir, text="Well done Olivia Brown, star of the week!",
                      images=["img/astronaut.jpg"], account="official",
                      author={"role": "staff", "name": "Oakfield Primary School"},
                      context={"event": "celebration assembly", "on_school_site": True})
    r = run_main("redact", str(post), "--context", str(ctx), "--out", str(tmp_path / "safe"))
    assert r.rc == 0, r.err
    assert "0 face(s) blurred" in r.out and "photo consent" in r.out


def test_it_blurs_when_a_named_pupil_has_no_photo_consent(post_dir, ctx, tmp_path):
    post = write_post(post_dir, text="Well done Alfie Hughes, star of the week!",
                      images=["img/astronaut.jpg"], account="official",
                      author={"role": "staff", "name": "Oakfield Primary School"},
                      context={"event": "celebration assembly", "on_school_site": True})
    r = run_main("redact", str(post), "--context", str(ctx), "--out", str(tmp_path / "safe"))
    assert r.rc == 0, r.err
    assert "1 face(s) blurred" in r.out
