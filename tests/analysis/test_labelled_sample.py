"""End-to-end on a hand-labelled sample for a school that is not the demo (tests/data/millbrook).

The rules decided from facts must be exactly right on every post; the learned harm rules are
held to a floor, since a classifier may miss a case without being broken.
"""

import json
from pathlib import Path

import pytest

from socialguard.analysis.post import Post, load_context

HERE = Path(__file__).resolve().parents[1] / "data" / "millbrook"
FACT_RULES = {"personal-data", "identifiable-pupil", "unapproved-channel", "lesson-time",
              "pupil-in-school", "pupil-photo", "equity-of-access", "false-identity", "under-13"}
HARM_RULES = {"disrepute", "confidential", "harassment", "defamation", "discrimination",
              "copyright", "grievance"}
SAMPLE = [json.loads(line) for line in (HERE / "posts.jsonl").read_text().splitlines()]


@pytest.fixture(scope="module")
def results(engine):
    school = load_context(HERE)
    posts = [Post.from_dict(d, base_dir=HERE) for d in SAMPLE]
    return {r.id: r for r in engine.check_many(posts, school)}


@pytest.mark.parametrize("item", SAMPLE, ids=[d["id"] for d in SAMPLE])
def test_fact_rules_are_exact_on_every_post(item, results):
    got = {f.rule for f in results[item["id"]].findings} & FACT_RULES
    want = set(item["expect"]) & FACT_RULES
    allowed = want | (set(item["optional"]) & FACT_RULES)
    assert want <= got <= allowed, f"{item['text']!r}: got {sorted(got)}, want {sorted(want)}"


@pytest.mark.slow
def test_harm_rules_reach_the_floor(results):
    tp = fp = fn = 0
    for item in SAMPLE:
        got = {f.rule for f in results[item["id"]].findings} & HARM_RULES
        want = set(item["expect"]) & HARM_RULES
        ok = want | (set(item["optional"]) & HARM_RULES)
        tp += len(want & got)
        fn += len(want - got)
        fp += len(got - ok)
    recall = tp / (tp + fn)
    precision = tp / (tp + fp) if tp + fp else 0.0
    assert recall >= 0.6 and precision >= 0.6, (precision, recall, tp, fp, fn)


def test_clean_posts_are_allowed(results):
    clean = [d for d in SAMPLE if not d["expect"] and not d["optional"]]
    wrong = [(d["id"], results[d["id"]].rules) for d in clean if results[d["id"]].decision != "allow"]
    assert len(clean) >= 20
    assert len(wrong) <= 1, wrong
