"""The policy rendered for each role, as text and Markdown."""

from __future__ import annotations

import pytest

from socialguard.policy import load_policy
from socialguard.policy.render import (
    ROLES, audience_for, render_markdown, render_rules, render_text,
)


@pytest.fixture(scope="module")
def policy():
    return load_policy()


@pytest.mark.parametrize("role, has, lacks", [
    ("staff", ["1.4  Equity of Access", "2.1  Guidance for staff",
               "MUST NOT: Do not use social networking sites within lesson times"],
     ["2.3  Guidance for pupils", "2.4  Guidance for parents"]),
    ("pupil", ["2.3  Guidance for pupils", "MUST NOT: Children under the age of 13"],
     ["2.1  Guidance for staff", "1.4  Equity of Access"]),
    ("parent", ["2.4  Guidance for parents", "the head teacher (or a member of the trust executive)"],
     ["2.1  Guidance for staff", "line manager and where appropriate"]),
    ("governor", ["2.2  Guidance for governors and trustees"], ["2.1  Guidance for staff"]),
    ("dsl", ["2.5  Child Protection Guidance", "PROCEDURE: Refer the matter to the LADO"],
     ["2.3  Guidance for pupils"]),
])
def test_text_shows_a_role_its_clauses_and_only_its_statements(policy, role, has, lacks):
    text = " ".join(render_text(policy, role).split())  # wrapping may split a phrase
    for s in has:
        assert " ".join(s.split()) in text
    for s in lacks:
        assert " ".join(s.split()) not in text


def test_text_for_everyone_has_every_clause_and_the_version(policy):
    text = render_text(policy)
    assert text.startswith("ASSET Education Social Media Policy · version 1.0 · Trust Policy · "
                           "approved 2019-01-28 (Executive)")
    for c in policy.clauses:
        assert f"{c.id}  {c.title}" in text
    assert "Related policies: Staff code of conduct;" in text


def test_text_lines_are_wrapped(policy):
    assert max(len(ln) for ln in render_text(policy, "staff", width=70).splitlines()[1:]) <= 70


def test_text_says_which_rules_check_a_clause(policy):
    assert "Checked by: grievance, pupil-photo" in render_text(policy, "parent")


def test_markdown_has_headings_and_labelled_statements(policy):
    md = render_markdown(policy, "pupil")
    assert md.startswith("# Social Media Policy: guidance for pupils\n")
    assert "## 2.3 Guidance for pupils" in md
    assert "- **Should not:** Social networking sites should not be used" in md
    assert "Checked by: `harassment`, `pupil-in-school`, `under-13`" in md


@pytest.mark.parametrize("role, audience", [("staff", "staff"), ("governor", "governors"),
                                            ("trustee", "trustees"), ("pupil", "pupils"),
                                            ("parent", "parents"), ("carer", "parents"),
                                            ("dsl", "dsl"), (None, None)])
def test_roles_map_to_policy_audiences(role, audience):
    assert audience_for(role) == audience


def test_an_unknown_role_is_a_clear_error():
    with pytest.raises(ValueError, match="role must be one of staff, governor"):
        audience_for("janitor")


def test_every_role_renders(policy):
    for role in ROLES:
        assert render_markdown(policy, role).count("## ") >= 3


def test_rules_rows_give_default_severity_and_overrides(policy):
    rows = {r["rule"]: r for r in render_rules(policy)}
    assert rows["grievance"]["severity"] == "review"
    assert rows["grievance"]["overrides"] == "staff: block, governor: block, trustee: block"
    assert rows["lesson-time"]["clauses"] == "2.1"
