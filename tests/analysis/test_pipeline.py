import pytest

import factories
from socialguard.analysis.detectors.base import Detector
from socialguard.analysis.finding import Finding, Result
from socialguard.analysis.pipeline import Engine, _dedupe
from socialguard.analysis.registry import build_detectors
from socialguard.policy import load_policy


class _Fixed(Detector):
    rule = "grievance"

    def __init__(self, findings):
        self.findings = findings

    def detect(self, inp):
        return [Finding(**f) for f in self.findings]


class _Broken(Detector):
    rule = "copyright"

    def detect(self, inp):
        raise RuntimeError("bug")


def test_the_policy_fills_clause_severity_and_route_by_audience():
    engine = Engine(detectors=[_Fixed([{"rule": "grievance", "confidence": 0.9, "message": ""}])])
    staff = engine.check(factories.post("x", role="staff", account="personal"))
    parent = engine.check(factories.post("x", role="parent", account="personal"))
    assert (staff.findings[0].clause, staff.findings[0].severity, staff.decision) == ("2.1", "block", "block")
    assert (parent.findings[0].clause, parent.findings[0].severity, parent.decision) == ("2.4", "review", "review")
    assert "letter" in parent.findings[0].detail["route"]
    assert parent.findings[0].message.startswith("This airs a complaint")


def test_a_detectors_own_severity_wins_over_the_default():
    engine = Engine(detectors=[_Fixed([{"rule": "grievance", "confidence": 0.5, "message": "m",
                                        "severity": "advice"}])])
    res = engine.check(factories.post("x", role="staff"))
    assert res.findings[0].severity == "advice" and res.decision == "allow"


def test_a_broken_detector_is_logged_and_the_others_still_run(caplog):
    engine = Engine(detectors=[_Broken(), _Fixed([{"rule": "grievance", "confidence": 1, "message": "m"}])])
    res = engine.check(factories.post("x"))
    assert [f.rule for f in res.findings] == ["grievance"]
    assert "failed on post" in caplog.text


def test_overlapping_findings_of_one_rule_keep_the_most_confident():
    fs = [Finding("personal-data", 0.5, "a", 0, 5), Finding("personal-data", 0.9, "b", 3, 8),
          Finding("personal-data", 0.7, "c", 10, 12), Finding("harassment", 0.4, "d", 0, 5)]
    kept = _dedupe(fs)
    assert sorted((f.rule, f.message) for f in kept) == [
        ("harassment", "d"), ("personal-data", "b"), ("personal-data", "c")]


def test_a_trust_policy_can_switch_a_rule_off(tmp_path):
    text = load_policy().source
    from importlib.resources import files
    yaml_text = files("socialguard.policy").joinpath("data", text).read_text()
    custom = tmp_path / "trust.yaml"
    custom.write_text(yaml_text.replace("severity: {default: review, staff: block, governor: block, trustee: block}",
                                        "severity: 'off'"))
    engine = Engine(load_policy(custom), detectors=[_Fixed([{"rule": "grievance", "confidence": 1, "message": "m"}])])
    assert engine.check(factories.post("x", role="staff")).findings == []


def test_decision_is_block_over_review_over_allow():
    assert Result("a", [Finding("x", 1, "m", severity="review"), Finding("y", 1, "m", severity="block")]).decision == "block"
    assert Result("a", [Finding("x", 1, "m", severity="advice")]).decision == "allow"
    assert Result("a", error="bad").to_dict() == {"id": "a", "error": "bad"}


def test_asking_for_an_unknown_rule_is_a_clear_error():
    with pytest.raises(ValueError, match="unknown rule id"):
        build_detectors({"personal-data", "rudeness"})


class _PickyBatch(Detector):
    """Fails a batch holding a post it cannot take, like a tokenizer given bad text."""

    rule = "copyright"

    def __init__(self):
        self.ready = set()

    def prepare(self, inputs):
        if any(i.post.text == "bad" for i in inputs):
            raise ValueError("cannot encode")
        self.ready.update(i.post.id for i in inputs)

    def detect(self, inp):
        return [Finding("copyright", 1, "m")] if inp.post.id in self.ready else []


def test_a_batch_that_fails_to_prepare_is_prepared_post_by_post(caplog):
    det = _PickyBatch()
    posts = [factories.post("ok", id="a"), factories.post("bad", id="b"), factories.post("ok", id="c")]
    results = list(Engine(detectors=[det]).check_many(posts))
    assert [bool(r.findings) for r in results] == [True, False, True]
    assert "failed in prepare on post b" in caplog.text
