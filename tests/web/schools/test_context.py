"""context_for(school) is the contract's SchoolContext, straight from the database."""

from __future__ import annotations

import pytest

import factories
from socialguard.analysis.pipeline import Engine
from socialguard.analysis.post import load_context
from socialguard.errors import ContextError
from socialguard.web.schools.models import School
from socialguard.web.schools.services import (
    context_for, export_people_csv, export_school_yaml, import_people, import_school_yaml, set_consent,
)


def export_to(folder, school):
    (folder / "school.yaml").write_text(export_school_yaml(school), encoding="utf-8")
    (folder / "people.csv").write_text(export_people_csv(school), encoding="utf-8")
    return folder


def test_it_builds_the_same_context_as_the_factory_school(school):
    want = factories.school()
    got = context_for(school)
    assert got.name == want.name and got.lesson_times == want.lesson_times
    assert sorted(got.people, key=lambda p: p.id) == sorted(want.people, key=lambda p: p.id)


def test_it_equals_load_context_of_its_own_export(school, tmp_path):
    assert load_context(export_to(tmp_path, school)) == context_for(school)


def test_an_export_imported_into_a_new_school_gives_the_same_context(school, users, tmp_path):
    export_to(tmp_path, school)
    copy, notes = import_school_yaml((tmp_path / "school.yaml").read_text(), trust=school.trust)
    assert copy.pk != school.pk and copy.slug != school.slug and notes == []
    rep = import_people(copy, (tmp_path / "people.csv").read_bytes(), None, users["head"])
    assert rep.ok and rep.format == "people"
    assert context_for(copy) == context_for(school)


def test_a_consent_change_applies_to_the_next_context(school, users):
    olivia = school.people.get(external_id="P2")
    assert context_for(school).by_id["P2"].name_consent is True
    set_consent(olivia, user=users["dsl"], name_consent=False)
    assert context_for(school).by_id["P2"].name_consent is False
    c = olivia.consent_changes.get()
    assert (c.old, c.new, c.changed_by) == (True, False, users["dsl"])


@pytest.mark.skipif("identifiable-pupil" not in __import__(
    "socialguard.analysis.registry", fromlist=["RULES"]).RULES, reason="detector not present")
def test_a_consent_change_changes_the_next_check(school, users):
    post = factories.post("Well done Olivia Brown for winning the spelling bee!", role="staff",
                          account="official")
    engine = Engine(rules={"identifiable-pupil"})
    assert not engine.check(post, context_for(school)).findings
    set_consent(school.people.get(external_id="P2"), user=users["dsl"], name_consent=False)
    assert [f.rule for f in engine.check(post, context_for(school)).findings] == ["identifiable-pupil"]


def test_an_export_neutralises_a_cell_a_spreadsheet_would_run(school):
    # The forms and imports refuse such names; this guards rows written some other way.
    p = school.people.get(external_id="S1")
    p.last_name = "=cmd|' /C calc'!A0"
    p.save()
    assert "'=cmd|" in export_people_csv(school)


def test_a_bad_school_yaml_names_its_problem_and_changes_nothing(school):
    before = export_school_yaml(school)
    with pytest.raises(ContextError, match="lesson time '9-10' must look like 08:50-10:20"):
        import_school_yaml("name: X\nlesson_times:\n  monday: ['9-10']\n", school=school)
    with pytest.raises(ContextError, match="not valid YAML"):
        import_school_yaml("name: [unclosed\n", school=school)
    school.refresh_from_db()
    assert export_school_yaml(school) == before


def test_unknown_keys_in_school_yaml_are_kept_with_a_warning(school):
    text = export_school_yaml(school) + "houses: [Oak, Ash]\n"
    s, notes = import_school_yaml(text, school=school)
    assert any("houses" in n for n in notes)
    assert "houses" in export_school_yaml(s)


def test_a_school_yaml_with_a_bad_email_is_refused_cleanly(school):
    before = export_school_yaml(school)
    with pytest.raises(ContextError, match="office_email"):
        import_school_yaml(before.replace("office@oakfield.sch.uk", "not an email"), school=school)
    school.refresh_from_db()
    assert export_school_yaml(school) == before
