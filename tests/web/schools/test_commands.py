"""Management commands: roster import and school.yaml export/import from the shell."""

from __future__ import annotations

import io

import pytest
from django.core.management import CommandError, call_command

from socialguard.analysis.post import load_context
from socialguard.web.schools.services import context_for


def test_a_school_exports_to_a_context_folder_that_loads(school, tmp_path):
    call_command("sg_school_yaml", "export", school.slug, str(tmp_path), stdout=io.StringIO())
    assert load_context(tmp_path) == context_for(school)


def test_a_school_yaml_creates_a_new_school_in_a_trust(school, tmp_path):
    call_command("sg_school_yaml", "export", school.slug, str(tmp_path), stdout=io.StringIO())
    call_command("sg_school_yaml", "import", "copy", str(tmp_path / "school.yaml"),
                 "--trust", school.trust.slug, stdout=io.StringIO())
    from socialguard.web.schools.models import School
    assert School.objects.get(slug="copy").name == school.name


def test_a_new_school_without_a_trust_is_refused(db, tmp_path):
    (tmp_path / "school.yaml").write_text("name: X\n")
    with pytest.raises(CommandError, match="--trust"):
        call_command("sg_school_yaml", "import", "x", str(tmp_path / "school.yaml"))


def test_the_roster_command_reports_each_bad_line_and_imports_nothing(school, tmp_path):
    f = tmp_path / "r.csv"
    f.write_text("id,role,first_name,last_name\nP1,pupil,,Hughes\nP77,pupil,Ann,Lee\n")
    err = io.StringIO()
    with pytest.raises(CommandError, match="1 problem"):
        call_command("sg_import_people", school.slug, str(f), stderr=err)
    assert f"{f}:2: Legal first name: the first name is empty" in err.getvalue()
    assert not school.people.filter(external_id="P77").exists()


def test_the_roster_command_dry_run_changes_nothing(school, tmp_path):
    f = tmp_path / "r.csv"
    f.write_text("id,role,first_name,last_name\nP77,pupil,Ann,Lee\n")
    out = io.StringIO()
    call_command("sg_import_people", school.slug, str(f), "--dry-run", stdout=out)
    assert "1 rows to import: 1 new" in out.getvalue()
    assert not school.people.filter(external_id="P77").exists()
    call_command("sg_import_people", school.slug, str(f), stdout=out)
    assert school.people.filter(external_id="P77").exists()
