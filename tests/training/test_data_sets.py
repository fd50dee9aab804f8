"""Our own labelled training sets (``training/data/<set>/``) stay well-formed.

``train_harms`` reads them as they are; a label out of step with its post, a span outside
the text or an unknown rule would train the heads on the wrong thing without any error.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from socialguard.analysis.post import Post, load_context

ROOT = Path(__file__).resolve().parents[2] / "training" / "data"
# candidate sets (measured, not in the shipped heads) must be as well-formed as the rest
FOLDERS = (ROOT, ROOT.parent / "candidates")
SETS = sorted(d for f in FOLDERS if f.is_dir() for d in f.iterdir() if (d / "labels.jsonl").exists())
RULES = {"disrepute", "confidential", "harassment", "defamation", "discrimination", "copyright",
         "personal-data", "identifiable-pupil", "grievance", "unapproved-channel", "lesson-time",
         "pupil-in-school", "pupil-photo", "equity-of-access", "false-identity", "under-13"}
CHARACTERISTICS = {"age", "disability", "gender-reassignment", "marriage-civil-partnership",
                   "pregnancy-maternity", "race", "religion-belief", "sex", "sexual-orientation"}


def _lines(path: Path) -> list[dict]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


def test_there_are_sets():
    assert len(SETS) >= 8


@pytest.mark.parametrize("folder", SETS, ids=lambda d: d.name)
def test_set_is_well_formed(folder: Path):
    posts = _lines(folder / "posts.jsonl")
    labels = _lines(folder / "labels.jsonl")
    assert len(posts) == len(labels) >= 50
    ctx = load_context(folder / "school")
    assert ctx.people, "the school has a roster"
    for p, lab in zip(posts, labels):
        where = f"{folder.name}/{p['id']}"
        assert p["id"] == lab["id"], where
        Post.from_dict(p)  # the contract's boundary accepts it
        rules = set(lab["rules"])
        assert rules <= RULES, where
        assert set(lab["severity"]) == rules, where
        assert set(lab["severity"].values()) <= {"block", "review"}, where
        expected = ("block" if "block" in lab["severity"].values() else
                    "review" if rules else "allow")
        assert lab["decision"] == expected, where
        for s in lab.get("spans", []):
            assert s["rule"] in rules, where
            assert 0 <= s["start"] < s["end"] <= len(p["text"]), where
        if "discrimination" in rules:
            assert set(lab.get("characteristics") or []) <= CHARACTERISTICS, where
