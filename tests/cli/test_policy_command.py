"""`socialguard policy show|rules` and `socialguard rules`."""

from __future__ import annotations

import pytest

from cli_helpers import one_error_line, run_cli, run_main
from socialguard.analysis.registry import RULES


def test_policy_show_for_parents_has_their_clause_and_not_the_staff_one():
    r = run_main("policy", "show", "--role", "parent")
    assert r.rc == 0
    assert "2.4  Guidance for parents/carers and families of pupils" in r.out
    assert "2.1  Guidance for staff" not in r.out
    assert "MUST NOT: Do not post pictures of pupils" in r.out


def test_policy_show_markdown_for_staff():
    r = run_main("policy", "show", "--role", "staff", "--format", "markdown")
    assert r.out.startswith("# Social Media Policy: guidance for staff")
    assert "## 2.1 Guidance for staff" in r.out
    assert "- **Must not:** Never add pupils as 'friends'" in r.out


def test_policy_show_in_a_terminal_is_rendered_with_colour():
    r = run_main("policy", "show", "--role", "pupil", tty=True)
    assert "\x1b[" in r.out and "Guidance for pupils" in r.out


def test_policy_rules_lists_every_rule_with_clauses_and_severity():
    r = run_main("policy", "rules")
    rows = {ln.split()[0]: ln for ln in r.out.splitlines()[1:]}
    assert set(rows) == set(RULES)
    assert rows["personal-data"].split()[1:3] == ["1.5", "block"]
    assert "*/official: block" in rows["disrepute"]


def test_policy_without_a_subcommand_says_what_to_type():
    r = run_main("policy")
    assert r.rc == 2 and "socialguard policy show" in one_error_line(r.err)


@pytest.mark.parametrize("argv", [["policy", "show", "--role", "head"], ["policy", "nonsense"]])
def test_bad_policy_arguments_exit_2(argv):
    with pytest.raises(SystemExit) as e:
        run_main(*argv)
    assert e.value.code == 2


def test_rules_lists_the_installed_detectors():
    r = run_main("rules")
    assert r.out.splitlines()[0].split() == ["RULE", "ORDER", "DETECTOR"]
    assert "socialguard.analysis.detectors." in r.out


def test_policy_show_through_a_real_process_is_plain_text():
    r = run_cli("policy", "show", "--role", "governor")
    assert r.rc == 0 and "2.2  Guidance for governors and trustees" in r.out
    assert "\x1b[" not in r.out
