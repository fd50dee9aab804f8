"""The bundled demo school and posts, and `socialguard demo`."""

from __future__ import annotations

import json
from collections import Counter

import pytest

from cli_helpers import run_cli
from socialguard.analysis.post import Post, load_context
from socialguard.analysis.registry import RULES
from socialguard.demo import posts_path, school_dir

TODAY = __import__("datetime").date(2026, 11, 24)


@pytest.fixture(scope="module")
def demo_school():
    return load_context(school_dir())


@pytest.fixture(scope="module")
def demo_posts():
    with open(posts_path(), encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


def test_the_demo_school_has_about_200_people_in_every_role(demo_school):
    roles = Counter(p.role for p in demo_school.people)
    assert 180 <= len(demo_school.people) <= 240
    assert set(roles) == {"pupil", "staff", "governor", "trustee", "parent"}
    assert roles["pupil"] >= 100 and roles["parent"] >= 20


def test_the_demo_roster_has_the_cases_the_rules_need(demo_school):
    pupils = [p for p in demo_school.pupils if p.is_current_pupil(TODAY)]
    past = [p for p in demo_school.pupils if p.is_past_pupil(TODAY)]
    assert any(p.name_consent is False for p in pupils)
    assert any(p.name_consent is None for p in pupils)          # no record at all
    assert any(p.photo_consent is False for p in pupils)
    assert any(p.preferred_name for p in pupils)
    assert any(p.age_on(TODAY) < 18 for p in past) and any(p.age_on(TODAY) >= 18 for p in past)
    parents = demo_school.people_with_role("parent")
    assert all(c in demo_school.by_id for p in parents for c in p.child_ids)
    assert demo_school.lesson_times and demo_school.term_dates


def test_the_demo_people_csv_mixes_iso_and_uk_day_first_dates():
    text = (school_dir() / "people.csv").read_text(encoding="utf-8")
    assert "-20" in text.replace("/", "-") and "/20" in text


def test_every_demo_post_is_valid_and_ids_are_unique(demo_posts):
    assert len(demo_posts) >= 50
    for d in demo_posts:
        Post.from_dict(d)
    assert len({d["id"] for d in demo_posts}) == len(demo_posts)


def test_the_demo_posts_exercise_every_rule_and_many_clean_posts(demo_posts):
    expected = Counter(r for d in demo_posts for r in d["expect"])
    assert set(expected) == set(RULES)
    assert sum(1 for d in demo_posts if not d["expect"]) >= 15


def test_demo_uses_only_drama_range_phone_numbers(demo_posts):
    import re
    for d in demo_posts:
        for num in re.findall(r"0\d{3,4}[\s\u200b]*[\d\s\u200b]{6,}", d["text"]):
            digits = re.sub(r"\D", "", num)
            assert digits.startswith(("07700900", "01632960")), num


def test_socialguard_demo_prints_a_row_per_post_and_a_summary(demo_posts):
    r = run_cli("demo", "--scan-only")
    assert r.rc == 0, r.err
    assert "Traceback" not in r.err
    ids = [ln.split()[0] for ln in r.out.splitlines()[1:len(demo_posts) + 1]]
    assert ids == [d["id"] for d in demo_posts]
    assert f"Oakfield Primary School: 209 people; {len(demo_posts)} posts scanned:" in r.out
    assert r.out.rstrip().splitlines()[-1].split()[0] == "all"


def test_demo_jsonl_is_the_contract_output_in_post_order(demo_posts, fake_engine):
    from cli_helpers import run_main
    r = run_main("demo", "--scan-only", "--format", "jsonl")
    out = [json.loads(ln) for ln in r.out.splitlines()]
    assert [o["id"] for o in out] == [d["id"] for d in demo_posts]
    assert all(set(o) == {"id", "decision", "findings"} for o in out)
    assert "expected" in r.err  # the agreement table goes to stderr, away from the JSON


def test_the_demo_site_says_when_its_port_is_taken_before_setting_anything_up(tmp_path, monkeypatch):
    import socket

    monkeypatch.setenv("SG_DATA_DIR", str(tmp_path))
    with socket.create_server(("127.0.0.1", 0)) as busy:
        port = busy.getsockname()[1]
        r = run_cli("demo", "--port", str(port))
    assert r.rc == 2
    assert f"cannot listen on 127.0.0.1:{port}" in r.err and "--port" in r.err
    assert "Traceback" not in r.err and not any(tmp_path.iterdir())
