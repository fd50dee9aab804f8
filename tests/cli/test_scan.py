"""`socialguard scan`: the contract's output, bad lines, formats, exit codes, streaming."""

from __future__ import annotations

import csv
import io
import json
import tracemalloc

import pytest

from cli_helpers import one_error_line, run_cli, run_main
from socialguard.cli.reading import iter_posts
from socialguard.cli.scanning import CHUNK, scan_items
from socialguard.cli.writers import safe_cell

POSTS = [
    {"id": "a", "text": "Ring me on 07700 900123 tonight"},
    {"id": "b", "text": "A lovely sports day"},
    {"id": "c", "text": "Posted in a LESSON"},
]


def write_posts(path, posts, extra_lines=()):
    lines = [json.dumps(p) for p in posts] + list(extra_lines)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_it_writes_one_contract_line_per_post_in_input_order(tmp_path, ctx, fake_engine):
    f = write_posts(tmp_path / "p.jsonl", POSTS)
    r = run_main("scan", str(f), "--context", str(ctx))
    assert r.rc == 0, r.err
    out = [json.loads(ln) for ln in r.out.splitlines()]
    assert [o["id"] for o in out] == ["a", "b", "c"]
    assert [o["decision"] for o in out] == ["block", "allow", "review"]
    f0 = out[0]["findings"][0]
    assert set(out[0]) == {"id", "decision", "findings"}
    assert (f0["rule"], f0["clause"], f0["severity"], f0["start"], f0["end"], f0["evidence"]) == (
        "personal-data", "1.5", "block", 11, 23, "07700 900123")
    assert f0["message"] and f0["remedy"]


def test_it_reports_each_bad_line_in_place_and_goes_on(tmp_path, ctx, fake_engine):
    f = write_posts(tmp_path / "p.jsonl", POSTS[:1], extra_lines=[
        '{"id": "broken", "text": ',                      # line 2: malformed JSON
        '["not", "an", "object"]',                        # line 3
        '',                                               # line 4: blank, skipped
        '{"id": "notext"}',                               # line 5
        '{"id": "when", "text": "x", "posted_at": "24/11"}',  # line 6
        json.dumps(POSTS[1]),                             # line 7
    ])
    r = run_main("scan", str(f), "--context", str(ctx))
    assert r.rc == 0
    out = [json.loads(ln) for ln in r.out.splitlines()]
    assert [o["id"] for o in out] == ["a", "line 2", "line 3", "notext", "when", "b"]
    assert out[1]["error"] == "line 2: not valid JSON: Expecting value (column 26)"
    assert out[2]["error"] == "line 3: a post must be a JSON object; got list"
    assert out[3]["error"] == "line 5: field 'text': text is required (use \"\" for an image-only post)"
    assert out[4]["error"].startswith("line 6: field 'posted_at': posted_at must be an ISO 8601 time")
    assert set(out[1]) == {"id", "error"}
    warnings = [ln for ln in r.err.splitlines() if "warning" in ln]
    assert len(warnings) == 4 and all(str(f) in w for w in warnings)
    assert "2 posts scanned" in r.err and "4 unreadable lines" in r.err


@pytest.mark.parametrize("fail_on, posts, rc", [
    ("block", POSTS, 3),
    ("block", POSTS[1:], 0),
    ("review", POSTS[1:], 3),
    ("review", POSTS[1:2], 0),
    (None, POSTS, 0),
])
def test_fail_on_sets_exit_status_3_only_when_the_threshold_is_met(tmp_path, ctx, fake_engine,
                                                                   fail_on, posts, rc):
    f = write_posts(tmp_path / "p.jsonl", posts)
    args = ["scan", str(f), "--context", str(ctx)] + (["--fail-on", fail_on] if fail_on else [])
    assert run_main(*args).rc == rc


def test_json_format_streams_a_valid_array(tmp_path, ctx, fake_engine):
    f = write_posts(tmp_path / "p.jsonl", POSTS, extra_lines=["oops"])
    r = run_main("scan", str(f), "--context", str(ctx), "--format", "json")
    data = json.loads(r.out)
    assert [d["id"] for d in data] == ["a", "b", "c", "line 4"]
    assert "error" in data[3]


def test_json_format_of_an_empty_file_is_an_empty_array(tmp_path, ctx, fake_engine):
    f = tmp_path / "empty.jsonl"
    f.write_text("")
    r = run_main("scan", str(f), "--context", str(ctx), "--format", "json")
    assert r.rc == 0 and json.loads(r.out) == []
    assert "0 posts" in r.err


@pytest.mark.parametrize("cell, safe", [
    ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
    ("+441632960123", "'+441632960123"),
    ("-2+3", "'-2+3"),
    ("@SUM(A1)", "'@SUM(A1)"),
    ("\t=1", "'\t=1"),
    ("plain text", "plain text"),
    ("07700 900123", "07700 900123"),
    (None, ""),
])
def test_csv_cells_cannot_start_a_formula(cell, safe):
    assert safe_cell(cell) == safe


def test_csv_format_has_one_row_per_post_and_neutralises_formulas(tmp_path, ctx, fake_engine):
    f = write_posts(tmp_path / "p.jsonl", [
        {"id": "=cmd|' /C calc'!A0", "text": "call 07700 900123"}, POSTS[1]])
    r = run_main("scan", str(f), "--context", str(ctx), "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(r.out)))
    assert [row["id"] for row in rows] == ["'=cmd|' /C calc'!A0", "b"]
    assert rows[0]["decision"] == "block" and rows[0]["rules"] == "personal-data"
    assert rows[0]["evidence"] == "07700 900123"


def test_table_format_lists_every_post_without_colour_in_a_pipe(tmp_path, ctx, fake_engine):
    f = write_posts(tmp_path / "p.jsonl", POSTS)
    r = run_main("scan", str(f), "--context", str(ctx), "--format", "table")
    lines = r.out.splitlines()
    assert lines[0].split() == ["ID", "DECISION", "FINDINGS"]
    assert lines[1].split()[:3] == ["a", "block", "personal-data"]
    assert "\x1b[" not in r.out


def test_table_format_is_coloured_in_a_terminal(tmp_path, ctx, fake_engine):
    f = write_posts(tmp_path / "p.jsonl", POSTS)
    r = run_main("scan", str(f), "--context", str(ctx), "--format", "table", tty=True)
    assert "\x1b[" in r.out and "personal-data" in r.out


def test_output_goes_to_the_named_file(tmp_path, ctx, fake_engine):
    f = write_posts(tmp_path / "p.jsonl", POSTS)
    out = tmp_path / "results.jsonl"
    r = run_main("scan", str(f), "--context", str(ctx), "-o", str(out))
    assert r.rc == 0 and r.out == ""
    assert len(out.read_text().splitlines()) == 3


@pytest.mark.parametrize("target, expect", [
    ("{tmp}", "is a folder"),
    ("{tmp}/no/such/dir/out.jsonl", "folder does not exist"),
    ("{posts}", "would overwrite the posts file"),
])
def test_a_bad_output_path_is_a_one_line_error(tmp_path, ctx, fake_engine, target, expect):
    f = write_posts(tmp_path / "p.jsonl", POSTS)
    r = run_main("scan", str(f), "--context", str(ctx), "-o",
                 target.format(tmp=tmp_path, posts=f))
    assert r.rc == 2 and expect in one_error_line(r.err)
    assert len(f.read_text().splitlines()) == 3


def test_rules_option_limits_the_checks(tmp_path, ctx, fake_engine):
    f = write_posts(tmp_path / "p.jsonl", POSTS)
    r = run_main("scan", str(f), "--context", str(ctx), "--rules", "lesson-time")
    assert [json.loads(ln)["decision"] for ln in r.out.splitlines()] == ["allow", "allow", "review"]


def test_posts_come_from_stdin_with_a_dash(ctx, fake_engine):
    r = run_main("scan", "-", "--context", str(ctx), stdin="\ufeff" + json.dumps(POSTS[0]) + "\n")
    assert json.loads(r.out)["decision"] == "block"


def test_a_byte_order_mark_on_the_first_line_is_ignored(tmp_path, ctx, fake_engine):
    f = tmp_path / "bom.jsonl"
    f.write_bytes(b"\xef\xbb\xbf" + json.dumps(POSTS[0]).encode() + b"\n")
    r = run_main("scan", str(f), "--context", str(ctx))
    assert json.loads(r.out)["id"] == "a"


def test_windows_1252_text_is_an_error_naming_the_encoding_unless_it_is_given(tmp_path, ctx, fake_engine):
    f = tmp_path / "win.jsonl"
    f.write_bytes('{"id": "w", "text": "Caf\u00e9 \u201cquote\u201d 07700 900123"}\n'.encode("cp1252"))
    r = run_main("scan", str(f), "--context", str(ctx))
    out = json.loads(r.out)
    assert out["id"] == "line 1" and "--encoding cp1252" in out["error"]
    r = run_main("scan", str(f), "--context", str(ctx), "--encoding", "cp1252")
    out = json.loads(r.out)
    assert out["decision"] == "block" and out["findings"][0]["evidence"] == "07700 900123"


def test_one_binary_line_among_good_ones_is_reported_and_the_scan_goes_on(tmp_path, ctx, fake_engine):
    f = tmp_path / "p.jsonl"
    f.write_bytes(json.dumps(POSTS[1]).encode() + b"\n\x00\x01\x02\xff\n" + json.dumps(POSTS[0]).encode())
    r = run_main("scan", str(f), "--context", str(ctx))
    out = [json.loads(ln) for ln in r.out.splitlines()]
    assert [o["id"] for o in out] == ["b", "line 2", "a"]
    assert "binary" in out[1]["error"]


def test_a_post_over_the_size_limit_is_one_error_line_and_a_2mb_post_is_checked(tmp_path, ctx, fake_engine):
    big = "x" * 10_000_000
    ok = "y " * 900_000 + "07700 900123"
    write_posts(tmp_path / "big.jsonl", [{"id": "huge", "text": big}, {"id": "large", "text": ok}])
    r = run_main("scan", str(tmp_path / "big.jsonl"), "--context", str(ctx))
    out = [json.loads(ln) for ln in r.out.splitlines()]
    assert out[0]["id"] == "huge" and "field 'text'" in out[0]["error"]
    assert out[1]["decision"] == "block" and out[1]["findings"][0]["start"] == 1_800_000


def test_the_scan_reads_posts_lazily_a_chunk_at_a_time(tmp_path, engine):
    n = CHUNK * 5
    write_posts(tmp_path / "many.jsonl", [{"id": str(i), "text": "hi"} for i in range(n)])
    pulled = 0

    def counted():
        nonlocal pulled
        for item in iter_posts(str(tmp_path / "many.jsonl")):
            pulled += 1
            yield item

    from socialguard.analysis.pipeline import Engine
    results = scan_items(counted(), Engine(detectors=[]), None)
    next(results)
    assert pulled <= CHUNK
    assert sum(1 for _ in results) == n - 1


def test_memory_stays_flat_as_the_number_of_posts_grows(tmp_path):
    from socialguard.analysis.pipeline import Engine

    def peak(n):
        path = write_posts(tmp_path / f"{n}.jsonl", [{"id": str(i), "text": "hello " * 20}
                                                     for i in range(n)])
        tracemalloc.start()
        for _ in scan_items(iter_posts(str(path)), Engine(detectors=[]), None):
            pass
        _, top = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        return top

    small, large = peak(CHUNK * 2), peak(CHUNK * 20)
    assert large < small * 2


def test_scan_through_a_real_process_writes_jsonl_and_exits_0(tmp_path, ctx):
    f = write_posts(tmp_path / "p.jsonl", POSTS, extra_lines=["{bad"])
    r = run_cli("scan", str(f), "--context", str(ctx), "--rules", "lesson-time")
    assert r.rc == 0, r.err
    out = [json.loads(ln) for ln in r.out.splitlines()]
    assert [o["id"] for o in out] == ["a", "b", "c", "line 4"]
    assert all("decision" in o for o in out[:3])
    assert "Traceback" not in r.err and "\x1b[" not in r.out


def test_scan_reads_stdin_through_a_real_process(ctx):
    r = run_cli("scan", "-", "--context", str(ctx), "--rules", "lesson-time", "--format", "json",
                stdin="\n".join(json.dumps(p) for p in POSTS))
    assert r.rc == 0 and [d["id"] for d in json.loads(r.out)] == ["a", "b", "c"]


def test_a_trusts_own_policy_file_sets_the_severity(tmp_path, ctx, fake_engine):
    from socialguard.policy.loader import DEFAULT_POLICY
    from importlib.resources import files
    text = files("socialguard.policy").joinpath("data", DEFAULT_POLICY).read_text(encoding="utf-8")
    marker = "  personal-data:\n    title: Personal data (GDPR)\n    clauses: [\"1.5\"]\n    severity: block\n"
    assert marker in text
    own = tmp_path / "trust-policy.yaml"
    own.write_text(text.replace(marker, marker.replace("severity: block", "severity: {default: block, parent: review}")))
    f = write_posts(tmp_path / "p.jsonl", [
        {"id": "parent", "text": "07700 900123", "author": {"role": "parent"}},
        {"id": "staff", "text": "07700 900123", "author": {"role": "staff"}}])
    r = run_main("scan", str(f), "--context", str(ctx), "--policy", str(own))
    assert [json.loads(ln)["decision"] for ln in r.out.splitlines()] == ["review", "block"]


def test_table_format_shows_unreadable_lines_in_place(tmp_path, ctx, fake_engine):
    f = write_posts(tmp_path / "p.jsonl", POSTS[:1], extra_lines=["{nope"])
    r = run_main("scan", str(f), "--context", str(ctx), "--format", "table")
    assert r.out.splitlines()[2].split()[:3] == ["line", "2", "error"]
