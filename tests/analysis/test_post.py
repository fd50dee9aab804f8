import datetime as dt

import pytest

from socialguard.analysis.post import Post, SchoolContext, load_context, parse_people_csv
from socialguard.errors import ContextError, PostError

HEADER = "id,role,first_name,last_name,preferred_name,date_of_birth,year_group,left_on,photo_consent,name_consent,child_ids\n"


def test_it_reads_a_minimal_post_and_treats_missing_fields_as_unknown():
    p = Post.from_dict({"id": "p1", "text": "hello"})
    assert (p.author.role, p.account, p.platform, p.posted_at) == (None, None, None, None)


def test_it_ignores_unknown_fields_so_newer_files_still_load():
    p = Post.from_dict({"id": 1, "text": "x", "reactions": 12, "author": {"role": "staff", "mood": "ok"}})
    assert p.id == "1" and p.author.role == "staff"


@pytest.mark.parametrize(
    ("data", "field", "fragment"),
    [
        ({"text": "x"}, "id", "required"),
        ({"id": "p"}, "text", "required"),
        ({"id": "p", "text": 5}, "text", "must be a string"),
        ({"id": "p", "text": "x", "posted_at": "24/11"}, "posted_at", "ISO 8601"),
        ({"id": "p", "text": "x", "author": {"role": "headmaster"}}, "author.role", "one of"),
        ({"id": "p", "text": "x", "account": "work"}, "account", "official or personal"),
        ({"id": "p", "text": "x", "images": [1]}, "images", "list of file paths"),
        ({"id": "p", "text": "x", "context": []}, "context", "object"),
    ],
)
def test_it_names_the_field_that_is_wrong(data, field, fragment):
    with pytest.raises(PostError) as e:
        Post.from_dict(data)
    assert e.value.field == field and fragment in e.value.message


def test_it_takes_a_naive_time_as_utc_and_maps_twitter_to_x():
    p = Post.from_dict({"id": "p", "text": "", "posted_at": "2026-11-24T10:15:00", "platform": "Twitter"})
    assert p.posted_at == dt.datetime(2026, 11, 24, 10, 15, tzinfo=dt.timezone.utc)
    assert p.platform == "x"


def test_it_reads_people_with_a_bom_and_uk_dates():
    text = "\ufeff" + HEADER + "P1,pupil,Amy,Lee,,24/11/2016,5,,yes,no,\n"
    [amy] = parse_people_csv(text.lstrip("\ufeff"))
    assert amy.date_of_birth == dt.date(2016, 11, 24) and amy.photo_consent and not amy.name_consent


@pytest.mark.parametrize(
    ("row", "line", "field"),
    [
        ("P1,pupil,Amy,Lee,,2016-13-40,5,,yes,no,", 2, "date_of_birth"),
        ("P1,teacher,Amy,Lee,,,,,,,", 2, "role"),
        ("P1,pupil,Amy,Lee,,,,,maybe,,", 2, "photo_consent"),
        (",pupil,Amy,Lee,,,,,,,", 2, "id"),
    ],
)
def test_it_names_the_line_and_field_of_a_bad_person(row, line, field):
    with pytest.raises(ContextError) as e:
        parse_people_csv(HEADER + row + "\n", source="people.csv")
    assert (e.value.line, e.value.field) == (line, field)
    assert str(e.value).startswith("people.csv:2: field")


def test_it_rejects_duplicate_ids_and_a_wrong_header():
    with pytest.raises(ContextError, match="duplicate id 'P1'"):
        parse_people_csv(HEADER + "P1,pupil,A,B,,,,,,,\nP1,pupil,C,D,,,,,,,\n")
    with pytest.raises(ContextError, match="header lacks"):
        parse_people_csv("name,age\nAmy,9\n")


def test_it_says_which_line_is_not_utf8(tmp_path):
    (tmp_path / "school.yaml").write_text("name: Oakfield\n")
    (tmp_path / "people.csv").write_bytes((HEADER + "P1,pupil,Ren\xe9e,Lee,,,,,,,\n").encode("cp1252"))
    with pytest.raises(ContextError) as e:
        load_context(tmp_path)
    assert e.value.line == 2 and "cp1252" in e.value.message
    ctx = load_context(tmp_path, encoding="cp1252")
    assert ctx.people[0].first_name == "Renée"


def test_it_reports_bad_yaml_with_its_line(tmp_path):
    (tmp_path / "school.yaml").write_text("name: Oakfield\nlesson_times: [\n")
    with pytest.raises(ContextError) as e:
        load_context(tmp_path)
    assert e.value.file.endswith("school.yaml") and e.value.line


@pytest.mark.parametrize(
    ("key", "value", "field"),
    [
        ("timezone", "Mars/Olympus", "timezone"),
        ("lesson_times", {"monday": ["9-10"]}, "lesson_times.monday"),
        ("lesson_times", {"funday": ["09:00-10:00"]}, "lesson_times"),
        ("lesson_times", {"monday": ["10:00-09:00"]}, "lesson_times.monday"),
        ("term_dates", [["2026-09-03"]], "term_dates[0]"),
    ],
)
def test_it_names_the_bad_school_setting(key, value, field):
    with pytest.raises(ContextError) as e:
        SchoolContext.from_dict({"name": "X", key: value})
    assert e.value.field == field


def test_lesson_time_follows_the_school_timezone_and_terms(school):
    bst = dt.datetime(2026, 10, 6, 8, 0, tzinfo=dt.timezone.utc)     # 09:00 in London (BST)
    gmt = dt.datetime(2026, 11, 24, 8, 0, tzinfo=dt.timezone.utc)    # 08:00 in London (GMT)
    half_term = dt.datetime(2026, 10, 27, 10, 0, tzinfo=dt.timezone.utc)
    lunch = dt.datetime(2026, 11, 24, 12, 30, tzinfo=dt.timezone.utc)
    assert school.in_lesson(bst) and not school.in_lesson(gmt)
    assert not school.in_lesson(half_term) and not school.in_lesson(lunch)
    assert school.in_school_day(lunch)


def test_ages_are_counted_on_the_day(school):
    grace = school.by_id["P4"]
    assert grace.age_on(dt.date(2026, 9, 30)) == 16 and grace.age_on(dt.date(2026, 10, 1)) == 17
    assert grace.is_past_pupil(dt.date(2026, 11, 1)) and not grace.is_current_pupil(dt.date(2026, 11, 1))


def test_a_lone_surrogate_from_json_becomes_a_replacement_character(engine):
    import json

    p = Post.from_dict(json.loads('{"id": "s", "text": "hi \\ud83d there \\udc00 call 07700 900123"}'))
    assert p.text == "hi \ufffd there \ufffd call 07700 900123"
    res = engine.check(p)
    json.dumps(res.to_dict()).encode("utf-8")  # printable: no surrogate left
    assert [f.evidence for f in res.findings if f.rule == "personal-data"] == ["07700 900123"]


def test_it_reads_a_utf16_export_from_excel(tmp_path):
    (tmp_path / "school.yaml").write_text("name: Oakfield\n")
    (tmp_path / "people.csv").write_bytes((HEADER + "P1,pupil,Zoë,Lee,,,,,,,\n").encode("utf-16"))
    assert load_context(tmp_path).people[0].first_name == "Zoë"
