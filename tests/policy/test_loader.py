"""A trust's own policy file: every mistake is one error naming the file, line and field."""

from __future__ import annotations

import textwrap

import pytest

from socialguard.errors import PolicyError
from socialguard.policy import load_policy
from socialguard.policy.loader import parse_policy

GOOD = textwrap.dedent("""\
    id: trust-policy
    title: Social Media Policy
    owner: Example Trust
    version: "2.0"
    approved_on: 2025-09-01
    clauses:
      - id: "1.5"
        title: Terms of Use
        audiences: [all]
        text: Do not publish personal data.
        statements:
          - kind: must-not
            text: Publish personal data.
      - id: "2.1"
        title: Staff
        audiences: [staff]
    rules:
      personal-data:
        title: Personal data
        clauses: ["1.5"]
        severity: {default: block, parent: review}
        message: Personal data.
        remedy: Remove it.
    """)


def test_a_good_trust_policy_loads_with_its_own_severities():
    p = parse_policy(GOOD, source="trust.yaml")
    assert p.version == "2.0" and p.owner == "Example Trust"
    assert [c.id for c in p.clauses] == ["1.5", "2.1"]
    spec = p.rules["personal-data"]
    assert spec.severity_for("parent", "personal") == "review"
    assert spec.severity_for("staff", "official") == "block"


def test_the_bundled_policy_loads_and_maps_every_rule():
    from socialguard.analysis.registry import RULES
    p = load_policy()
    assert set(p.rules) == set(RULES)
    assert [c.id for c in p.clauses] == ["1.1", "1.2", "1.3", "1.4", "1.5", "2.1", "2.2", "2.3",
                                         "2.4", "2.5", "2.6"]


def _error(text: str) -> PolicyError:
    with pytest.raises(PolicyError) as e:
        parse_policy(text, source="trust.yaml")
    return e.value


@pytest.mark.parametrize("old, new, line, field, words", [
    # malformed YAML: an unclosed flow sequence
    ('    clauses: ["1.5"]\n', '    clauses: ["1.5"\n', 21, None, "not valid YAML"),
    # unknown rule id
    ("  personal-data:\n", "  personal-info:\n", 18, "rules.personal-info", "unknown rule id 'personal-info'"),
    # a rule citing a clause the policy does not have
    ('    clauses: ["1.5"]\n', '    clauses: ["9.9"]\n', 20, "rules.personal-data.clauses", "clause '9.9' is not in this policy"),
    # bad severity
    ("{default: block, parent: review}", "{default: block, parent: severe}", 21,
     "rules.personal-data.severity.parent", "'severe' is not one of block, review, advice, off"),
    # bad audience key in a severity table
    ("{default: block, parent: review}", "{default: block, headteacher: review}", 21,
     "rules.personal-data.severity.headteacher", "audience 'headteacher' is not a role"),
    # bad statement kind
    ("kind: must-not", "kind: mustnt", 12, "clauses[0].statements[0].kind", "kind 'mustnt' is not one of"),
    # bad clause audience
    ("audiences: [staff]", "audiences: [teachers]", 16, "clauses[1].audiences", "audience 'teachers'"),
    # missing required field
    ("    message: Personal data.\n", "", 19, "rules.personal-data.message", "message is required"),
    # bad date
    ("approved_on: 2025-09-01", "approved_on: 1st September", 5, "approved_on", "must be a date"),
    # duplicate key
    ("    remedy: Remove it.\n", "    remedy: Remove it.\n    remedy: Again.\n", 24, "remedy", "duplicate key 'remedy'"),
    # wrong type
    ('    clauses: ["1.5"]\n', "    clauses: 1.5\n", 20, "rules.personal-data.clauses", "clauses must be a list"),
])
def test_a_malformed_policy_names_file_line_and_field(old, new, line, field, words):
    assert old in GOOD
    e = _error(GOOD.replace(old, new, 1))
    assert e.file == "trust.yaml"
    assert e.line == line, str(e)
    assert e.field == field, str(e)
    assert words in e.message
    assert str(e).startswith(f"trust.yaml:{line}")


def test_a_policy_that_is_not_a_mapping_is_an_error():
    e = _error("- just\n- a list\n")
    assert e.file == "trust.yaml" and "mapping" in e.message


def test_a_missing_policy_file_is_an_error(tmp_path):
    with pytest.raises(PolicyError, match="not found"):
        load_policy(tmp_path / "none.yaml")


def test_a_policy_file_that_is_not_utf8_is_an_error(tmp_path):
    f = tmp_path / "p.yaml"
    f.write_bytes(GOOD.replace("Terms of Use", "Terms \u2013 Use").encode("cp1252"))
    with pytest.raises(PolicyError, match="not UTF-8"):
        load_policy(f)


def test_a_policy_file_with_a_byte_order_mark_loads(tmp_path):
    f = tmp_path / "p.yaml"
    f.write_bytes(b"\xef\xbb\xbf" + GOOD.encode())
    assert load_policy(f).id == "trust-policy"


def test_a_severity_of_off_switches_a_rule_off():
    import factories
    from socialguard.analysis.finding import Finding
    p = parse_policy(GOOD.replace("{default: block, parent: review}", "{default: block, parent: 'off'}"))
    f = Finding(rule="personal-data", confidence=0.9, message="")
    assert p.apply(f, factories.post("x", role="parent")) is None
    assert p.apply(f, factories.post("x", role="staff")).severity == "block"


def test_a_folder_given_as_the_policy_file_is_an_error(tmp_path):
    with pytest.raises(PolicyError, match="is a folder"):
        load_policy(tmp_path)
