"""`socialguard check`: one post in, a readable report (or the contract's JSON) out."""

from __future__ import annotations

import json

import pytest

from cli_helpers import one_error_line, run_cli, run_main
from socialguard.cli.render import snippet

POST = {"id": "p1", "text": "Ring me on 07700 900123 tonight, says Jane",
        "author": {"role": "staff", "name": "Jane Smith"}, "account": "personal",
        "platform": "facebook", "posted_at": "2026-11-24T19:15:00Z"}


def test_a_text_report_gives_decision_rule_clause_title_evidence_remedy(ctx, fake_engine):
    r = run_main("check", "--context", str(ctx), "--text", "Ring me on 07700 900123 tonight")
    assert r.rc == 0, r.err
    assert r.out.startswith(" BLOCK ")
    assert "personal-data  clause 1.5 Terms of Use  block  confidence 0.97" in r.out
    assert "Evidence: Ring me on «07700 900123» tonight" in r.out
    assert "This publishes personal data." in r.out
    assert "Remedy: Remove the personal details" in r.out
    assert "\x1b[" not in r.out


def test_the_report_is_coloured_in_a_terminal_with_the_evidence_highlighted(ctx, fake_engine):
    r = run_main("check", "--context", str(ctx), "--text", "Ring 07700 900123", tty=True)
    assert "\x1b[" in r.out
    assert "07700 900123" in r.out


def test_a_clean_post_is_allowed(ctx, fake_engine):
    r = run_main("check", "--context", str(ctx), "--text", "What a lovely sports day")
    assert r.rc == 0 and r.out.startswith(" ALLOW ")


def test_json_format_is_the_contract_output(tmp_path, ctx, fake_engine):
    f = tmp_path / "post.json"
    f.write_text(json.dumps(POST))
    r = run_main("check", str(f), "--context", str(ctx), "--format", "json")
    out = json.loads(r.out)
    assert out["id"] == "p1" and out["decision"] == "block"
    assert [(x["rule"], x["start"], x["end"]) for x in out["findings"]] == [("personal-data", 11, 23)]


def test_markdown_format_has_a_table_and_bold_evidence(ctx, fake_engine):
    r = run_main("check", "--context", str(ctx), "--format", "markdown", "--text",
                 "Call 07700 900123 and it's a LESSON")
    assert r.out.startswith("## BLOCK: ")
    assert "| 1 | `personal-data` | 1.5 Terms of Use | block | 0.97 |" in r.out
    assert "| 2 | `lesson-time` | 2.1 Guidance for staff | review | 0.80 |" in r.out
    assert "**07700 900123**" in r.out


def test_options_fill_the_author_account_platform_and_time(ctx, fake_engine):
    r = run_main("check", "--context", str(ctx), "--text", "hello", "--role", "staff",
                 "--name", "Jane Smith", "--account", "personal", "--platform", "x",
                 "--at", "2026-11-24T10:15:00Z")
    assert "post text · staff (Jane Smith) · personal account · x · 2026-11-24 10:15 UTC" in r.out


@pytest.mark.parametrize("text, fail_on, rc", [
    ("07700 900123", "block", 3), ("a LESSON", "block", 0), ("a LESSON", "review", 3),
    ("hello", "review", 0), ("07700 900123", None, 0),
])
def test_fail_on_gives_exit_status_3_at_or_above_the_threshold(ctx, fake_engine, text, fail_on, rc):
    extra = ["--fail-on", fail_on] if fail_on else []
    assert run_main("check", "--context", str(ctx), "--text", text, *extra).rc == rc


def test_the_post_can_come_from_stdin(ctx, fake_engine):
    r = run_main("check", "-", "--context", str(ctx), "--format", "json", stdin=json.dumps(POST))
    assert json.loads(r.out)["decision"] == "block"


def test_the_context_is_optional(fake_engine):
    r = run_main("check", "--text", "07700 900123", "--format", "json")
    assert json.loads(r.out)["decision"] == "block"
    assert "no --context given" in r.err


@pytest.mark.parametrize("content, expect", [
    ('{"id": "p1", "text": ', "post.json:1: not valid JSON: Expecting value (column 22)"),
    ('{"id": "p1",\n "text": "a",,}', "post.json:2: not valid JSON"),
    ('[1, 2]', "post.json: a post must be a JSON object; got list"),
    ('{"id": "p1"}', "post.json: field 'text': text is required"),
    ('{"id": "p1", "text": 5}', "post.json: field 'text': text must be a string; got int"),
    ('{"id": "p1", "text": "x", "posted_at": "24/11/2026"}', "field 'posted_at'"),
    ('{"id": "a", "text": "x"}\n{"id": "b", "text": "y"}', "not valid JSON: Extra data"),
    ('   \n', "post.json: empty; expected one post"),
])
def test_a_bad_post_file_is_one_line_naming_file_line_and_field(tmp_path, ctx, fake_engine,
                                                               content, expect):
    f = tmp_path / "post.json"
    f.write_text(content)
    r = run_main("check", str(f), "--context", str(ctx))
    assert r.rc == 2
    assert expect in one_error_line(r.err)


@pytest.mark.parametrize("args, expect", [
    ([], "nothing to check"),
    (["post.json", "--text", "x"], "not both"),
    (["--text", "x", "--at", "tuesday"], "field '--at': must be an ISO 8601 time"),
    (["--text", "x", "--rules", "personal-data,nonsense"], "unknown rule id 'nonsense'"),
    (["--text", "x", "--policy", "missing.yaml"], "missing.yaml: policy file not found"),
    (["missing.json"], "missing.json: post file not found"),
])
def test_bad_arguments_are_one_line_errors(ctx, fake_engine, args, expect):
    r = run_main("check", "--context", str(ctx), *args)
    assert r.rc == 2 and expect in one_error_line(r.err)


def test_a_windows_1252_post_file_suggests_the_encoding_option(tmp_path, ctx, fake_engine):
    f = tmp_path / "post.json"
    f.write_bytes('{"id": "p1", "text": "\u201cCaf\u00e9\u201d 07700 900123"}'.encode("cp1252"))
    r = run_main("check", str(f), "--context", str(ctx))
    assert "--encoding cp1252" in one_error_line(r.err)
    r = run_main("check", str(f), "--context", str(ctx), "--encoding", "cp1252", "--format", "json")
    assert json.loads(r.out)["findings"][0]["evidence"] == "07700 900123"


@pytest.mark.parametrize("text, span, expect", [
    ("call 07700 900123 now", (5, 17), ("call ", "07700 900123", " now")),
    ("x" * 100 + "EVID" + "y" * 100, (100, 104), ("…" + "x" * 40, "EVID", "y" * 40 + "…")),
    ("line one\nline two", (9, 13), ("line one ", "line", " two")),
    ("short", None, None),
])
def test_snippet_shows_the_evidence_in_its_context_on_one_line(text, span, expect):
    assert snippet(text, *(span or (None, None))) == expect


def test_check_through_a_real_process_prints_a_plain_report(ctx):
    r = run_cli("check", "--context", str(ctx), "--text", "Posted at 10:15 in class",
                "--role", "staff", "--account", "personal", "--at", "2026-11-24T10:15:00Z",
                "--rules", "lesson-time")
    assert r.rc == 0, r.err
    assert r.out.startswith(" REVIEW ")
    assert "lesson-time  clause 2.1 Guidance for staff  review" in r.out
    assert "\x1b[" not in r.out
