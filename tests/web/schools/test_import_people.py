"""Roster imports: SIMS, Arbor, Bromcom and people.csv; bad files change nothing."""

from __future__ import annotations

import datetime as dt

import pytest

from socialguard.web.schools.models import ConsentChange, Person
from socialguard.web.schools.services import ImportRefused, import_people, parse_roster

SIMS = ("Adno,UPN,Legal Surname,Legal Forename,Preferred Forename,DOB,Year,Reg\n"
        "1001,A123456789012,Patel,Aarav,Ari,02/05/2016,Year 5,5P\n"
        "1002,B123456789012,Jones,Mia,,14/01/2017,Year 4,4J\n")
ARBOR = ("Student ID,First Name,Preferred First Name,Last Name,Date of Birth,Year Group\n"
         "A-77,Lily,,Evans,2015-03-09,Year 6\n")
BROMCOM = ("Student ID,Forename,Preferred Name,Surname,DOB,NC Year\n"
           "BR9,Oscar,Ozzy,Wilde,09/03/2015,6\n")


def snapshot(school):
    """Everything an import could touch, to prove a refused import changed nothing."""
    people = sorted(Person.objects.filter(school=school).values_list(
        "external_id", "role", "first_name", "last_name", "preferred_name", "dob", "year_group",
        "left_on", "photo_consent", "name_consent"))
    kids = sorted(Person.children.through.objects.filter(from_person__school=school)
                  .values_list("from_person__external_id", "to_person__external_id"))
    return people, kids, ConsentChange.objects.count()


@pytest.mark.parametrize("text, fmt, pid, first, preferred, last, dob, year", [
    (SIMS, "sims", "1001", "Aarav", "Ari", "Patel", dt.date(2016, 5, 2), "5"),
    (ARBOR, "arbor", "A-77", "Lily", "", "Evans", dt.date(2015, 3, 9), "6"),
    (BROMCOM, "bromcom", "BR9", "Oscar", "Ozzy", "Wilde", dt.date(2015, 3, 9), "6"),
])
def test_it_imports_each_mis_export_by_its_headings(school, users, text, fmt, pid, first,
                                                     preferred, last, dob, year):
    rep = import_people(school, text.encode(), None, users["head"])
    assert rep.ok and rep.committed and rep.format == fmt
    p = school.people.get(external_id=pid)
    assert (p.role, p.first_name, p.preferred_name, p.last_name, p.dob, p.year_group) == \
        ("pupil", first, preferred, last, dob, year)


def test_it_previews_without_storing_anything(school, users):
    before = snapshot(school)
    rep = import_people(school, SIMS.encode(), None, users["head"], commit=False)
    assert rep.ok and not rep.committed and rep.count("create") == 2
    assert snapshot(school) == before


def test_it_marks_rows_as_update_or_unchanged_against_what_is_stored(school, users):
    text = ("id,role,first_name,last_name,year_group\n"
            "P1,pupil,Alexander,Hughes,5\n"      # unchanged
            "P2,pupil,Olivia,Browne,4\n")        # surname changed
    rep = import_people(school, text.encode(), None, users["head"], commit=False)
    assert [(r.action, r.changes) for r in rep.rows] == [("unchanged", []), ("update", ["last_name"])]


def test_it_keeps_people_who_are_not_in_the_file_and_columns_that_are_not_in_it(school, users):
    import_people(school, ARBOR.encode(), None, users["head"])
    p1 = school.people.get(external_id="P1")
    assert p1.photo_consent is False and p1.first_name == "Alexander"
    assert school.people.count() == 11


def test_it_reads_a_utf8_file_with_a_byte_order_mark(school, users):
    rep = import_people(school, "\ufeff".encode() + BROMCOM.encode(), None, users["head"])
    assert rep.ok and rep.format == "bromcom" and rep.encoding == "utf-8"


def test_it_reads_a_windows_1252_export_and_says_so(school, users):
    text = ("Adno,UPN,Legal Surname,Legal Forename,Preferred Forename,DOB,Year,Reg\n"
            "1003,C1,Bront\u00eb,Ren\u00e9e,,01/02/2016,5,5P\n")
    rep = import_people(school, text.encode("cp1252"), None, users["head"])
    assert rep.ok and rep.encoding == "windows-1252"
    assert any("Windows-1252" in w for w in rep.warnings)
    p = school.people.get(external_id="1003")
    assert (p.first_name, p.last_name) == ("Ren\u00e9e", "Bront\u00eb")


def test_it_refuses_a_windows_1252_file_read_as_utf8_naming_the_line(school, users):
    text = "id,role,first_name,last_name\nP8,pupil,Chlo\u00e9,Ng\n"
    before = snapshot(school)
    rep = parse_roster(text.encode("cp1252"), encoding="utf-8")
    assert rep.errors and rep.errors[0].line == 2 and "UTF-8" in rep.errors[0].reason
    with pytest.raises(ImportRefused):
        import_people(school, text.encode("cp1252"), None, users["head"], encoding="utf-8")
    assert snapshot(school) == before


BAD_FILES = [
    ("malformed", 'id,role,first_name,last_name\nP1,pupil,"Alexander,Hughes\nP2,pupil,Olivia,Brown\n',
     2, "malformed"),
    ("stray column", "id,role,first_name,last_name\nP1,pupil,Alexander,Hughes,extra\n", 2, "columns"),
    ("duplicate id", "id,role,first_name,last_name\nP1,pupil,Alex,Hughes\nP1,pupil,Al,Hughes\n",
     3, "duplicate id 'P1' (first on line 2)"),
    ("formula", "id,role,first_name,last_name\nP1,pupil,=HYPERLINK(\"http://x\"),Hughes\n", 2,
     "formula"),
    ("formula at", "id,role,first_name,last_name\nP1,pupil,@SUM(A1),Hughes\n", 2, "formula"),
    ("bad date", "id,role,first_name,last_name,date_of_birth\nP1,pupil,Alex,Hughes,31/02/2016\n", 2,
     "date of birth must be a date"),
    ("bad consent", "id,role,first_name,last_name,photo_consent\nP1,pupil,Alex,Hughes,maybe\n", 2,
     "yes or no"),
    ("bad role", "id,role,first_name,last_name\nP1,wizard,Alex,Hughes\n", 2, "role must be"),
    ("empty name", "id,role,first_name,last_name\nP1,pupil,,Hughes\n", 2, "first name is empty"),
    ("unknown child", "id,role,first_name,last_name,child_ids\nR9,parent,Ann,Lee,P404\n", 2,
     "child id 'P404'"),
    ("unknown headings", "Name,Class\nAlex,5\n", 1, "map the columns"),
    ("headings only", "id,role,first_name,last_name\n", 2, "no people"),
    ("empty", "", 1, "empty"),
]


@pytest.mark.parametrize("case, text, line, words", BAD_FILES, ids=[b[0] for b in BAD_FILES])
def test_a_bad_file_is_refused_with_its_line_and_nothing_changes(school, users, case, text, line,
                                                                  words):
    # A good row beside the bad one must not be imported either.
    before = snapshot(school)
    rep = import_people(school, text.encode(), None, users["head"], commit=False)
    assert not rep.ok
    assert any(e.line == line and words in str(e) for e in rep.errors), [str(e) for e in rep.errors]
    with pytest.raises(ImportRefused):
        import_people(school, text.encode(), None, users["head"])
    assert snapshot(school) == before


def test_a_spreadsheet_instead_of_a_csv_gets_a_clear_message(school):
    rep = parse_roster(b"PK\x03\x04rest-of-a-zip")
    assert "spreadsheet" in rep.errors[0].reason and "CSV" in rep.errors[0].reason


def test_a_negative_number_is_not_taken_for_a_formula(school, users):
    rep = parse_roster(b"id,role,first_name,last_name\n-5,pupil,Alex,Hughes\n")
    assert rep.ok


def test_it_logs_consent_changes_made_by_an_import(school, users):
    text = "id,role,first_name,last_name,photo_consent,name_consent\nP1,pupil,Alexander,Hughes,yes,\n"
    import_people(school, text.encode(), None, users["comms"])
    p1 = school.people.get(external_id="P1")
    assert p1.photo_consent is True and p1.name_consent is False   # blank cell keeps the stored no
    c = ConsentChange.objects.get(person=p1)
    assert (c.field, c.old, c.new, c.changed_by, c.source) == \
        ("photo_consent", False, True, users["comms"], "import")


def test_it_links_parents_to_children_in_the_same_file(school, users):
    text = ("id,role,first_name,last_name,child_ids\n"
            "P20,pupil,Ivy,Stone,\n"
            "R20,parent,Rob,Stone,P20;P2\n")
    assert import_people(school, text.encode(), None, users["head"]).ok
    r = school.people.get(external_id="R20")
    assert sorted(r.children.values_list("external_id", flat=True)) == ["P2", "P20"]


def test_a_hand_made_mapping_reads_unfamiliar_headings(school, users):
    text = "Pupil No,Given,Family,Born\nX1,Ada,King,2016-01-02\n"
    mapping = {"external_id": "Pupil No", "first_name": "Given", "last_name": "Family", "dob": "Born"}
    rep = import_people(school, text.encode(), mapping, users["head"])
    assert rep.ok and school.people.get(external_id="X1").dob == dt.date(2016, 1, 2)


def test_a_mapping_naming_a_missing_column_is_refused(school):
    rep = parse_roster(b"a,b\n1,2\n", mapping={"external_id": "a", "first_name": "zzz"})
    assert "zzz" in str(rep.errors[0])


def test_a_duplicate_id_is_reported_even_when_its_first_row_has_another_problem(school):
    text = "id,role,first_name,last_name,date_of_birth\nP9,pupil,Al,Ng,31/02/2016\nP9,pupil,Al,Ng,\n"
    rep = parse_roster(text.encode())
    assert [(e.line, "duplicate" in e.reason) for e in rep.errors] == [(2, False), (3, True)]


def test_a_stored_mapping_that_matches_a_known_export_keeps_its_name(school):
    headers = SIMS.splitlines()[0].split(",")
    from socialguard.web.schools import mis
    rep = parse_roster(SIMS.encode(), mapping=mis.mapping_for("sims", headers))
    assert rep.format == "sims"


def test_it_reads_a_utf16_unicode_text_export(school, users):
    rep = import_people(school, ARBOR.encode("utf-16"), None, users["head"])
    assert rep.ok and rep.encoding == "utf-16" and school.people.filter(external_id="A-77").exists()


def test_pupils_missing_from_a_whole_school_list_can_be_marked_as_left(school, users):
    day = dt.date(2026, 12, 1)
    text = "id,role,first_name,last_name\nP1,pupil,Alexander,Hughes\nP2,pupil,Olivia,Brown\n"
    preview = import_people(school, text.encode(), None, users["head"], commit=False,
                            leavers_left_on=day)
    assert [p.external_id for p in preview.leavers] == ["P3"]   # P4, P5 left already; staff stay
    assert school.people.get(external_id="P3").left_on is None
    rep = import_people(school, text.encode(), None, users["head"], leavers_left_on=day)
    assert "1 pupil(s) not in the file marked as left" in rep.summary
    assert school.people.get(external_id="P3").left_on == day
    assert school.people.get(external_id="S1").left_on is None


def test_a_file_without_pupils_cannot_mark_leavers(school, users):
    text = "id,role,first_name,last_name\nS9,staff,Ann,Lee\n"
    before = snapshot(school)
    with pytest.raises(ImportRefused, match="no pupils"):
        import_people(school, text.encode(), None, users["head"], leavers_left_on=dt.date.today())
    assert snapshot(school) == before
