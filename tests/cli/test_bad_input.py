"""Every kind of bad input, through a real process: one line naming file, line and field,
exit status 2, and never a traceback."""

from __future__ import annotations

import json

import pytest

from cli_helpers import one_error_line, run_cli, write_context
from socialguard.analysis.post import PEOPLE_HEADER

GOOD = json.dumps({"id": "a", "text": "hello"}) + "\n"


def _people(tmp_path, data: bytes):
    folder = write_context(tmp_path / "ctx")
    (folder / "people.csv").write_bytes(data)
    return folder


def case_missing_posts_file(tmp_path, ctx):
    return ["scan", str(tmp_path / "nope.jsonl"), "--context", str(ctx)], "nope.jsonl: posts file not found"


def case_folder_instead_of_posts_file(tmp_path, ctx):
    return ["scan", str(tmp_path), "--context", str(ctx)], "is a folder; expected a posts file"


def case_binary_garbage(tmp_path, ctx):
    f = tmp_path / "garbage.jsonl"
    f.write_bytes(bytes(range(256)) * 20)
    return ["scan", str(f), "--context", str(ctx)], "garbage.jsonl: binary data, not text"


def case_utf16_without_encoding(tmp_path, ctx):
    f = tmp_path / "u16.jsonl"
    f.write_bytes(GOOD.encode("utf-16"))
    return ["scan", str(f), "--context", str(ctx)], "u16.jsonl: UTF-16 text; save it as UTF-8 or pass --encoding utf-16"


def case_unknown_rule_ids(tmp_path, ctx):
    f = tmp_path / "p.jsonl"
    f.write_text(GOOD)
    return ["scan", str(f), "--context", str(ctx), "--rules", "personal-data,pii"], \
        "field '--rules': unknown rule id 'pii'; known: disrepute"


def case_missing_context(tmp_path, ctx):
    f = tmp_path / "p.jsonl"
    f.write_text(GOOD)
    return ["scan", str(f), "--context", str(tmp_path / "nowhere")], "nowhere: context folder not found"


def case_file_as_context(tmp_path, ctx):
    f = tmp_path / "p.jsonl"
    f.write_text(GOOD)
    return ["scan", str(f), "--context", str(f)], "p.jsonl: is a file; --context expects a folder"


def case_people_wrong_header(tmp_path, ctx):
    folder = _people(tmp_path, b"id,name,role\nP1,Alfie Hughes,pupil\n")
    return ["validate", str(folder)], "people.csv:1: field 'first_name': header lacks first_name, last_name"


def case_people_bad_date(tmp_path, ctx):
    folder = _people(tmp_path, (",".join(PEOPLE_HEADER) + "\nP1,pupil,Alfie,Hughes,,31/02/2016,5,,yes,no,\n").encode())
    return ["validate", str(folder)], "people.csv:2: field 'date_of_birth': date_of_birth must be a date"


def case_people_bad_consent(tmp_path, ctx):
    folder = _people(tmp_path, (",".join(PEOPLE_HEADER) + "\nP1,pupil,Alfie,Hughes,,2016-05-02,5,,maybe,no,\n").encode())
    return ["validate", str(folder)], "people.csv:2: field 'photo_consent': photo_consent must be yes or no"


def case_people_cp1252(tmp_path, ctx):
    folder = _people(tmp_path, (",".join(PEOPLE_HEADER) + "\nP1,pupil,Zo\u00eb,Hughes,,2016-05-02,5,,yes,no,\n").encode("cp1252"))
    return ["validate", str(folder)], "people.csv:2: not UTF-8 (byte 0xeb); save it as UTF-8, or pass --encoding cp1252"


def case_school_yaml_malformed(tmp_path, ctx):
    folder = write_context(tmp_path / "ctx")
    (folder / "school.yaml").write_text("name: Oakfield\nlesson_times: [monday: 08:50\n")
    return ["validate", str(folder)], "school.yaml:3: not valid YAML"


def case_school_yaml_bad_lesson_time(tmp_path, ctx):
    folder = write_context(tmp_path / "ctx", lesson_times={"monday": ["9am to 10am"]})
    return ["validate", str(folder)], "school.yaml: field 'lesson_times.monday': lesson time '9am to 10am' must look like 08:50-10:20"


def case_policy_folder(tmp_path, ctx):
    return ["policy", "show", "--policy", str(tmp_path)], "is a folder; expected a policy file"


def case_policy_unknown_rule(tmp_path, ctx):
    f = tmp_path / "policy.yaml"
    f.write_text("id: x\ntitle: T\nowner: O\nversion: '1'\nclauses:\n  - {id: '1.5', title: Terms}\n"
                 "rules:\n  gossip: {title: G, clauses: ['1.5'], message: m, remedy: r}\n")
    return ["policy", "rules", "--policy", str(f)], "policy.yaml:8: field 'rules.gossip': unknown rule id 'gossip'"


def case_check_non_object(tmp_path, ctx):
    f = tmp_path / "post.json"
    f.write_text('"just a string"')
    return ["check", str(f), "--context", str(ctx)], "post.json: a post must be a JSON object; got str"


def case_init_school_over_existing(tmp_path, ctx):
    return ["init-school", str(ctx)], "school.yaml: already exists; not overwriting it"


CASES = [v for k, v in sorted(globals().items()) if k.startswith("case_")]


@pytest.mark.parametrize("case", CASES, ids=[c.__name__[5:] for c in CASES])
def test_bad_input_is_one_line_error_with_status_2(tmp_path, ctx, case):
    args, expect = case(tmp_path, ctx)
    r = run_cli(*args)
    assert r.rc == 2, (r.rc, r.err)
    line = one_error_line(r.err)
    assert expect in line, line


def test_a_scan_with_bad_lines_reports_them_and_finishes(tmp_path, ctx):
    f = tmp_path / "p.jsonl"
    f.write_bytes(b'{"id": "a", "text": "hello"}\n'
                  b'{"id": "b", "text": "unterminated\n'
                  b'42\n'
                  b'{"id": "c", "text": "caf\xe9"}\n'
                  b'\x00\x00\x00\n'
                  b'{"id": "d", "text": "bye"}\n')
    r = run_cli("scan", str(f), "--context", str(ctx), "--rules", "lesson-time")
    assert r.rc == 0 and "Traceback" not in r.err
    out = [json.loads(ln) for ln in r.out.splitlines()]
    assert [o["id"] for o in out] == ["a", "line 2", "line 3", "line 4", "line 5", "d"]
    assert [("error" in o) for o in out] == [False, True, True, True, True, False]
    assert "--encoding cp1252" in out[3]["error"] and "binary" in out[4]["error"]
    assert len([ln for ln in r.err.splitlines() if "warning" in ln]) == 4


def test_an_empty_posts_file_scans_zero_posts_and_says_so(tmp_path, ctx):
    f = tmp_path / "empty.jsonl"
    f.write_text("\n\n")
    r = run_cli("scan", str(f), "--context", str(ctx), "--fail-on", "review")
    assert r.rc == 0 and r.out == ""
    assert "0 posts scanned" in r.err


def test_a_10mb_post_line_is_read_and_answered_on_its_own_line(tmp_path, ctx):
    f = tmp_path / "big.jsonl"
    f.write_text(json.dumps({"id": "huge", "text": "word " * 2_000_000}) + "\n" + GOOD)
    r = run_cli("scan", str(f), "--context", str(ctx), "--rules", "lesson-time")
    assert r.rc == 0 and "Traceback" not in r.err
    out = [json.loads(ln) for ln in r.out.splitlines()]
    assert [o["id"] for o in out] == ["huge", "a"]
    assert "field 'text'" in out[0]["error"] and "limit" in out[0]["error"]


def test_a_byte_order_mark_and_day_first_dates_in_people_csv_just_work(tmp_path):
    folder = _people(tmp_path, b"\xef\xbb\xbf" + (",".join(PEOPLE_HEADER)
                     + "\nP1,pupil,Alfie,Hughes,,02/05/2016,5,,yes,no,\n").encode())
    r = run_cli("validate", str(folder), "--on", "2026-11-24")
    assert r.rc == 0, r.err
    assert "people: 1 (1 pupil)" in r.out and "pupils under 13" in r.out


def test_cp1252_people_csv_loads_with_the_encoding_option(tmp_path):
    folder = _people(tmp_path, (",".join(PEOPLE_HEADER)
                     + "\nP1,pupil,Zo\u00eb,Hughes,,2016-05-02,5,,yes,no,\n").encode("cp1252"))
    r = run_cli("validate", str(folder), "--encoding", "cp1252")
    assert r.rc == 0, r.err
    assert "P1 Zo\u00eb Hughes" in r.out
