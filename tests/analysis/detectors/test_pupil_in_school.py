"""pupil-in-school: a current pupil on social media in school without a teacher's direction."""

import pytest

import factories
from socialguard.analysis.pipeline import Engine

ENGINE = Engine(rules={"pupil-in-school"})
PUPIL = {"role": "pupil", "name": "Alfie Hughes", "account": "personal", "platform": "tiktok"}
LESSON = "2026-11-24T10:15:00Z"     # Tuesday, first lesson
LUNCH = "2026-11-24T12:30:00Z"

# (case, text, post fields, expected evidence: text span, "time" for a time-only finding, or None)
CASES = [
    ("in a lesson, the time alone", "rate my haircut", dict(PUPIL, at=LESSON), "time"),
    ("in a lesson, with the pupil's words", "in maths rn and sir has no clue im on my phone",
     dict(PUPIL, at=LESSON), "in maths rn"),
    ("a teacher's permission used for something else",
     "miss said we could use the ipads for research but i'm on youtube", dict(PUPIL, at=LESSON), "time"),
    ("lunchtime on site (context)", "lunch crew", dict(PUPIL, at=LUNCH, context={"on_school_site": True}),
     "lunch crew"),
    ("lunchtime on site (text)", "toilet selfie at lunch bc im bored", dict(PUPIL, at=LUNCH), "toilet selfie"),
    ("no time, but in class by their own words", "in class on my ipad lol", dict(PUPIL), "in class"),
    ("lunchtime with nothing placing them at school", "cant wait for the weekend", dict(PUPIL, at=LUNCH), None),
    ("after school on site", "FIGHT AFTER SCHOOL by the bike shed",
     dict(PUPIL, at="2026-11-24T16:30:00Z", context={"on_school_site": True}), None),
    ("an evening post about school", "who else is in period 3 tomorrow with mr patel",
     dict(PUPIL, at="2026-11-24T18:30:00Z"), None),
    ("a weekend", "in maths rn lol", dict(PUPIL, at="2026-11-28T10:15:00Z"), None),
    ("half term", "bored", dict(PUPIL, at="2026-10-27T10:15:00Z"), None),
    ("teacher-directed (context)", "our class mural is DONE",
     dict(PUPIL, at=LESSON, context={"teacher_directed": True}), None),
    ("teacher-directed (text)", "Posting this for Mrs Smith's Instagram art project, our class mural is done",
     dict(PUPIL, at=LESSON), None),
    ("our teacher asked us to post", "Our teacher asked us to post our poems for Book Week!",
     dict(PUPIL, at=LESSON), None),
    ("the context says no teacher set it, whatever the text says", "Posting this for Mrs Smith's project lol",
     dict(PUPIL, at=LESSON, context={"teacher_directed": False}), "time"),
    ("at home, says the context", "off sick watching tv", dict(PUPIL, at=LESSON, context={"on_school_site": False}),
     None),
    ("ClassDojo portfolio", "My poem about winter", dict(PUPIL, platform="classdojo", at=LESSON), None),
    ("a past pupil", "bored in college", dict(PUPIL, name="Grace Okafor", at=LESSON), None),
    ("staff in a lesson are another rule", "hi", dict(PUPIL, role="staff", name="Jane Smith", at=LESSON), None),
    ("no time, no words about school", "new slime video", dict(PUPIL), None),
]


@pytest.mark.parametrize("case,text,fields,evidence", CASES, ids=[c[0] for c in CASES])
def test_it_flags_pupils_in_school_without_direction(case, text, fields, evidence):
    post = factories.post(text, **fields)
    found = [f for f in ENGINE.check(post, factories.school()).findings if f.rule == "pupil-in-school"]
    if evidence is None:
        assert found == []
        return
    assert len(found) == 1
    f = found[0]
    assert (f.clause, f.severity) == ("2.3", "review")
    if evidence == "time":
        assert f.start is None and f.evidence.startswith("posted Tue 24 Nov")
    else:
        assert post.text[f.start:f.end] == f.evidence
        assert f.evidence.startswith(evidence)


def test_it_says_nothing_without_an_author_or_school():
    assert ENGINE.check(factories.post("in class lol", at=LESSON), factories.school()).findings == []
    assert ENGINE.check(factories.post("rate my hair", **PUPIL, at=LESSON), None).findings == []
