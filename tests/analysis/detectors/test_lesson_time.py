"""lesson-time: staff personal use in lesson time, in the school's own time zone and term."""

import pytest

import factories
from socialguard.analysis.pipeline import Engine

ENGINE = Engine(rules={"lesson-time"})
STAFF = {"role": "staff", "name": "Jane Smith", "account": "personal", "platform": "facebook"}

# (case, post fields, expected evidence or None). The factory school has lessons 08:50-10:20,
# 10:40-12:00, 13:00-15:15, terms 3 Sep-23 Oct and 2 Nov-18 Dec 2026; BST ends 25 Oct 2026.
CASES = [
    ("in a lesson on a Tuesday", dict(STAFF, at="2026-11-24T10:15:00Z"),
     "posted Tue 24 Nov 10:15 (lesson 08:50\u201310:20)"),
    ("staff saying it is PPA is still flagged", dict(STAFF, text="PPA so quick scroll", at="2026-11-24T14:00:00Z"),
     "posted Tue 24 Nov 14:00 (lesson 13:00\u201315:15)"),
    ("10:30 UTC in BST is 11:30 local, a lesson", dict(STAFF, at="2026-10-13T10:30:00Z"),
     "posted Tue 13 Oct 11:30 (lesson 10:40\u201312:00)"),
    ("12:15 UTC in BST is 13:15 local, a lesson", dict(STAFF, at="2026-10-13T12:15:00Z"),
     "posted Tue 13 Oct 13:15 (lesson 13:00\u201315:15)"),
    ("an unknown account kind is treated as personal", dict(STAFF, account=None, at="2026-11-24T09:00:00Z"),
     "posted Tue 24 Nov 09:00 (lesson 08:50\u201310:20)"),
    ("10:30 UTC in GMT is break", dict(STAFF, at="2026-11-24T10:30:00Z"), None),
    ("12:15 UTC in GMT is lunch", dict(STAFF, at="2026-11-24T12:15:00Z"), None),
    ("lunchtime", dict(STAFF, at="2026-11-24T12:30:00Z"), None),
    ("after school", dict(STAFF, at="2026-11-24T16:00:00Z"), None),
    ("before school", dict(STAFF, at="2026-11-24T08:15:00Z"), None),
    ("a Saturday", dict(STAFF, at="2026-11-28T10:15:00Z"), None),
    ("October half term", dict(STAFF, at="2026-10-27T10:15:00Z"), None),
    ("the summer holiday", dict(STAFF, at="2026-08-04T10:15:00Z"), None),
    ("the official account", dict(STAFF, account="official", at="2026-11-24T10:15:00Z"), None),
    ("a ClassDojo message", dict(STAFF, platform="classdojo", at="2026-11-24T10:15:00Z"), None),
    ("the moderated group, an approved channel", dict(STAFF, platform="facebook-group-moderated",
                                                      at="2026-11-24T10:15:00Z"), None),
    ("a governor is not staff", dict(STAFF, role="governor", name="Helen Carter", at="2026-11-24T10:15:00Z"), None),
    ("a parent", dict(STAFF, role="parent", name="Sarah Hughes", at="2026-11-24T10:15:00Z"), None),
    ("no posted_at", dict(STAFF), None),
    ("no author", {"platform": "x", "at": "2026-11-24T10:15:00Z"}, None),
]


@pytest.mark.parametrize("case,fields,evidence", CASES, ids=[c[0] for c in CASES])
def test_it_flags_staff_personal_posts_in_lesson_time_only(case, fields, evidence):
    fields = dict(fields)
    text = fields.pop("text", "Anyone watching the cricket?")
    if fields.get("account") is None:
        fields.pop("account", None)
    found = [f for f in ENGINE.check(factories.post(text, **fields), factories.school()).findings
             if f.rule == "lesson-time"]
    if evidence is None:
        assert found == []
        return
    assert len(found) == 1
    f = found[0]
    assert (f.clause, f.severity, f.start, f.end, f.evidence) == ("2.1", "review", None, None, evidence)


def test_it_uses_the_schools_own_time_zone():
    # 10:15 UTC is 06:15 in New York: before school there, although 10:15 is a lesson in London.
    school = factories.school(timezone="America/New_York")
    post = factories.post("hi", **STAFF, at="2026-11-24T10:15:00Z")
    assert ENGINE.check(post, school).findings == []
    later = factories.post("hi", **STAFF, at="2026-11-24T15:15:00Z")   # 10:15 in New York
    assert [f.rule for f in ENGINE.check(later, school).findings] == ["lesson-time"]


def test_it_says_nothing_without_a_school_context():
    post = factories.post("hi", **STAFF, at="2026-11-24T10:15:00Z")
    assert ENGINE.check(post, None).findings == []


def test_it_says_nothing_when_the_school_has_no_timetable():
    post = factories.post("hi", **STAFF, at="2026-11-24T10:15:00Z")
    assert ENGINE.check(post, factories.school(lesson_times={})).findings == []
