"""`socialguard scan` and `check` look at the images a post names, relative to the file."""

import json
import logging
import shutil
from pathlib import Path

import socialguard.demo.images as demo_images
from cli_helpers import run_main

DEMO = Path(demo_images.__file__).parent


def test_scan_reports_faces_and_unreadable_images_per_image(tmp_path, ctx, caplog):
    (tmp_path / "img").mkdir()
    shutil.copy(DEMO / "sports_day_group.jpg", tmp_path / "img" / "group.jpg")
    (tmp_path / "img" / "broken.jpg").write_bytes(b"\xff\xd8\xff\xe0 not really")
    rows = [
        {"id": "a", "text": "Sports day!", "images": ["img/group.jpg"],
         "author": {"role": "parent", "name": "Sarah Hughes"}, "account": "personal",
         "context": {"event": "sports day", "on_school_site": True}},
        {"id": "b", "text": "Sports day!", "images": ["img/broken.jpg", "img/missing.jpg"],
         "author": {"role": "parent"}, "account": "personal",
         "context": {"event": "sports day"}},
    ]
    posts = tmp_path / "posts.jsonl"
    posts.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    caplog.set_level(logging.WARNING, logger="socialguard.images")
    r = run_main("scan", str(posts), "--context", str(ctx), "--format", "jsonl", "--rules", "pupil-photo")
    assert "Traceback" not in r.err
    out = [json.loads(x) for x in r.out.splitlines() if x.strip()]
    a, b = out
    assert a["decision"] == "block"
    assert a["findings"][0]["rule"] == "pupil-photo" and a["findings"][0]["start"] is None
    errors = [f for f in b["findings"] if "image_error" in f.get("detail", {})]
    assert [f["evidence"] for f in errors] == ["img/broken.jpg"]   # there, but unreadable
    assert b["decision"] == "review"     # the pictures could not be looked at: a person must
    # a file that is not there: a warning naming it, and the text decides
    assert any("missing.jpg not found" in rec.getMessage() for rec in caplog.records)
    decided = [f for f in b["findings"] if "image_error" not in f.get("detail", {})]
    assert decided and decided[0]["detail"]["images_not_found"] == ["img/missing.jpg"]
