"""Every registered detector keeps the contract, whatever it detects."""

import json

import pytest

import factories
from socialguard.analysis.detectors.base import CheckInput
from socialguard.analysis.finding import SEVERITIES
from socialguard.analysis.registry import RULES, detector_classes
from socialguard.policy import load_policy

SAMPLES = [
    factories.post(""),
    factories.post("Well done Alfie Hughes in 5B! Call 07700 900123, email jo@example.com",
                   role="staff", account="personal", platform="facebook", at="2026-11-24T10:15:00Z",
                   interaction={"with_role": "pupil"}, images=["missing.jpg"]),
    factories.post("Y\u043eu are a l\u200bo\u200bs\u200be\u200br, everyone at @0akfieldPrimary knows",
                   role="pupil", name="Alexander Hughes", account="personal", platform="tiktok",
                   at="2026-11-24T12:30:00Z", context={"on_school_site": True, "event": "sports day"}),
    factories.post("Trip letter: sign up by Friday, first 10 to comment get places!", role="staff",
                   account="official", platform="facebook"),
    factories.post("\U0001f600" * 50),
    factories.post("x " * 20000),
]
DETECTORS = detector_classes()


def test_every_detector_has_a_known_rule_with_a_policy_entry():
    policy = load_policy()
    for cls in DETECTORS:
        assert cls.rule in RULES
        assert cls.rule in policy.rules


def test_every_rule_of_the_contract_has_a_policy_entry_with_existing_clauses():
    policy = load_policy()
    assert set(policy.rules) == set(RULES)
    for spec in policy.rules.values():
        assert all(policy.clause(c) for c in spec.clauses)


@pytest.mark.parametrize("cls", DETECTORS, ids=lambda c: c.__name__)
@pytest.mark.parametrize("with_school", [True, False], ids=["school", "no-school"])
def test_findings_keep_the_contract(cls, with_school, engine):
    det = cls()
    school = factories.school() if with_school else None
    for post in SAMPLES:
        inputs = [CheckInput(post, school)]
        det.prepare(inputs)
        for f in det.detect(inputs[0]):
            assert f.rule == cls.rule
            assert 0.0 <= f.confidence <= 1.0
            assert f.message
            if f.start is not None:
                assert 0 <= f.start < f.end <= len(post.text)
                assert f.evidence == post.text[f.start:f.end]
            assert f.severity in (None, *SEVERITIES)
            applied = engine.policy.apply(f, post)
            assert applied.clause in engine.policy.rules[cls.rule].clauses
            json.dumps(applied.to_dict())


def test_results_are_deterministic_and_in_input_order(engine):
    school = factories.school()
    first = [r.to_dict() for r in engine.check_many(SAMPLES, school, batch_size=2)]
    again = [r.to_dict() for r in engine.check_many(SAMPLES, school, batch_size=64)]
    assert first == again
    assert [r["id"] for r in first] == [p.id for p in SAMPLES]
    for r in first:
        assert r["decision"] in ("allow", "review", "block")
