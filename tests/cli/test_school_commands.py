"""`init-school` writes a context that `validate` accepts; `validate` summarises one."""

from __future__ import annotations

from cli_helpers import one_error_line, run_cli, run_main, write_context
from socialguard.analysis.post import load_context
from socialguard.cli.commands.init_school import SCHOOL_YAML


def test_init_school_writes_a_context_folder_that_loads(tmp_path):
    target = tmp_path / "new" / "school"
    r = run_main("init-school", str(target))
    assert r.rc == 0, r.err
    assert sorted(p.name for p in target.iterdir()) == ["README.txt", "people.csv", "school.yaml"]
    school = load_context(target)
    assert school.name == "Example Primary School"
    assert {p.role for p in school.people} == {"pupil", "staff", "governor", "trustee", "parent"}
    assert school.by_id["P2"].date_of_birth.isoformat() == "2017-01-14"  # written day-first


def test_every_key_of_the_example_school_yaml_has_a_comment_above_it():
    lines = SCHOOL_YAML.splitlines()
    keys = [i for i, ln in enumerate(lines) if ln and not ln.startswith((" ", "#", "-"))]
    assert len(keys) >= 12
    for i in keys:
        assert lines[i - 1].startswith("#"), lines[i]


def test_init_school_refuses_to_overwrite_and_leaves_the_files_alone(tmp_path):
    ctx = write_context(tmp_path / "ctx")
    before = (ctx / "school.yaml").read_text()
    r = run_main("init-school", str(ctx))
    assert r.rc == 2 and "already exists" in one_error_line(r.err)
    assert (ctx / "school.yaml").read_text() == before


def test_init_school_refuses_a_file_as_the_folder(tmp_path):
    f = tmp_path / "file.txt"
    f.write_text("x")
    r = run_main("init-school", str(f))
    assert r.rc == 2 and "is a file" in one_error_line(r.err)


def test_validate_summarises_roles_consent_past_pupils_and_lesson_times(ctx):
    r = run_main("validate", str(ctx), "--on", "2026-11-24")
    assert r.rc == 0, r.err
    assert "people: 5 (3 pupils, 1 staff, 1 parent)" in r.out
    assert "pupils: 2 current, 1 past (1 of them under 18 on 2026-11-24)" in r.out
    assert "pupils without name consent: 1 (P1 Alfie Hughes)" in r.out
    assert "past pupils under 18: P3 Grace Okafor" in r.out
    assert "  monday    08:50-10:20, 10:40-12:00, 13:00-15:15" in r.out
    assert r.out.rstrip().endswith("is a valid school context")


def test_validate_warns_about_a_parent_whose_child_is_not_on_the_roster(tmp_path):
    ctx = write_context(tmp_path / "ctx", people_rows=[
        ["P1", "pupil", "Alexander", "Hughes", "", "", "5", "", "no", "no", ""],
        ["R1", "parent", "Sarah", "Hughes", "", "", "", "", "", "", "P1;P9"]])
    r = run_main("validate", str(ctx))
    assert r.rc == 0
    assert "child_ids has 'P9', which is not a pupil" in r.err
    assert "without date_of_birth" in r.err
    assert "(2 warnings)" in r.out


def test_validate_warns_about_unknown_keys_in_school_yaml(tmp_path):
    ctx = write_context(tmp_path / "ctx", mascot="Owl")
    r = run_main("validate", str(ctx))
    assert r.rc == 0 and "unknown key 'mascot' ignored" in r.err


def test_a_bad_on_date_is_a_usage_error(ctx):
    r = run_main("validate", str(ctx), "--on", "yesterday")
    assert r.rc == 2 and "field '--on'" in one_error_line(r.err)


def test_init_then_validate_through_a_real_process(tmp_path):
    target = tmp_path / "school"
    assert run_cli("init-school", str(target)).rc == 0
    r = run_cli("validate", str(target))
    assert r.rc == 0, r.err
    assert "Example Primary School" in r.out and "people: 7" in r.out
