"""under-13: a pupil younger than the minimum platform age on a social media platform."""

import datetime as dt

import pytest

import factories
from socialguard.analysis.detectors._facts import chance_under
from socialguard.analysis.pipeline import Engine

ENGINE = Engine(rules={"under-13"})
AT = "2026-11-24T18:00:00Z"
PUPIL = {"role": "pupil", "account": "personal", "platform": "tiktok", "at": AT}

# (case, text, post fields, expected (severity, evidence) or None). Evidence "roster:..." means no
# span and an evidence string starting with what follows.
CASES = [
    ("a roster pupil aged 10", "dance trend with my sister", dict(PUPIL, name="Alfie Hughes"),
     ("block", "roster:author aged 10")),
    ("a roster pupil by full legal name", "minecraft build, follow me", dict(PUPIL, name="Alexander Hughes"),
     ("block", "roster:author aged 10")),
    ("a roster pupil who also says their age", "my first tiktok!! im 9 lol", dict(PUPIL, name="Olivia Brown"),
     ("block", "im 9")),
    ("a game counts as social media (1.1)", "ur so bad at this game",
     dict(PUPIL, name="Kacper Nowak", platform="other", context={"event": "Roblox chat"}),
     ("block", "roster:author aged 11")),
    ("WhatsApp's minimum age is 13 in the UK", "who's coming to the park", dict(PUPIL, name="Alfie Hughes",
                                                                               platform="whatsapp"),
     ("block", "roster:author aged 10")),
    ("teacher-directed use is review", "Please play my Scratch game!",
     dict(PUPIL, name="Alfie Hughes", platform="other", context={"teacher_directed": True}),
     ("review", "roster:author aged 10")),
    ("the pupil says a teacher set it", "Please play my Scratch game! We made it in computing with Mr Patel.",
     dict(PUPIL, name="Alfie Hughes", platform="other"), ("review", "roster:author aged 10")),
    ("an unknown child says their age", "subscribe pls i'm only 10 and want 100 subs",
     dict(PUPIL, name="Someone Else"), ("block", "i'm only 10")),
    ("an author of unknown role gives an age", "7 today!! best birthday ever", dict(platform="youtube", at=AT),
     ("block", "7 today")),
    ("an unknown pupil in a primary year", "yr6 squad follow for follow", dict(PUPIL, name="Someone Else"),
     ("block", "yr6")),
    ("a parent set up an account for a 6-year-old", "Set up Kacper's own Instagram for his 6th birthday!",
     dict(role="parent", name="Sarah Hughes", account="personal", platform="facebook", at=AT),
     ("review", "Set up Kacper's own Instagram")),
    ("a parent set up a named roster child's account", "Just set up Olivia a TikTok account, go follow her!",
     dict(role="parent", name="David Brown", account="personal", platform="facebook", at=AT),
     ("review", "set up Olivia a TikTok account")),
    ("a parent saying their child may not have an account yet", "We won't let Alfie have Instagram until he's 13",
     dict(role="parent", name="Sarah Hughes", account="personal", platform="facebook", at=AT), None),
    ("a parent giving the age in brackets", "My daughter (9) just got her own YouTube channel!",
     dict(role="parent", name="Sarah Hughes", account="personal", platform="facebook", at=AT),
     ("review", "got her own YouTube channel")),
    ("ClassDojo is not social media", "My poem about winter", dict(PUPIL, name="Alfie Hughes", platform="classdojo"),
     None),
    ("Tapestry is not social media", "look at my drawing", dict(PUPIL, name="Alfie Hughes", platform="tapestry"),
     None),
    ("a past pupil now 30", "throwback to primary school", dict(PUPIL, name="Tom Ellis"), None),
    ("a past pupil aged 17", "college is so much better", dict(PUPIL, name="Grace Okafor"), None),
    ("the roster beats a joke age", "im 12 lol jk", dict(PUPIL, name="Grace Okafor"), None),
    ("a parent keeping a child off social media",
     "Trying to explain to my 7 year old why she can't have TikTok until she's 13",
     dict(role="parent", name="Sarah Hughes", account="personal", platform="facebook", at=AT), None),
    ("an adult claiming to be a child is false-identity, not this rule", "hi im a 10yo boy wanna chat",
     dict(role="public", name="sk8r", account="personal", platform="instagram", at=AT), None),
    ("a number that is not an age", "im 5 mins away", dict(platform="snapchat", at=AT), None),
    ("a parent set up an account for a 14-year-old", "Set up her own Instagram for her 14th birthday",
     dict(role="parent", name="Sarah Hughes", account="personal", platform="facebook", at=AT), None),
]


@pytest.mark.parametrize("case,text,fields,expected", CASES, ids=[c[0] for c in CASES])
def test_it_flags_under_13s_on_social_media(case, text, fields, expected):
    post = factories.post(text, **fields)
    found = [f for f in ENGINE.check(post, factories.school()).findings if f.rule == "under-13"]
    if expected is None:
        assert found == []
        return
    assert len(found) == 1
    f = found[0]
    severity, evidence = expected
    assert (f.clause, f.severity) == ("2.3", severity)
    if evidence.startswith("roster:"):
        assert f.start is None and f.evidence.startswith(evidence[len("roster:"):])
    else:
        assert post.text[f.start:f.end] == f.evidence
        assert f.evidence.lower().startswith(evidence.lower())


def test_the_minimum_age_is_a_setting():
    teen = factories.person("P9", "pupil", "Maya", "Khan", date_of_birth="2012-03-01", year_group="9")
    post = factories.post("new video up", **PUPIL, name="Maya Khan")
    assert ENGINE.check(post, factories.school(people=[teen])).findings == []
    sixteen = factories.school(people=[teen], min_platform_age=16)
    [f] = ENGINE.check(post, sixteen).findings
    assert (f.rule, f.evidence) == ("under-13", "author aged 14 (roster)")


def test_a_pupil_without_a_date_of_birth_is_judged_by_year_group():
    pupils = [factories.person("Y3", "pupil", "Ava", "Lee", year_group="3"),
              factories.person("Y9", "pupil", "Ben", "Cole", year_group="Year 9")]
    school = factories.school(people=pupils)
    [f] = ENGINE.check(factories.post("hi", **PUPIL, name="Ava Lee"), school).findings
    assert (f.rule, f.evidence) == ("under-13", "author in year 3 (roster)")
    dob = ENGINE.check(factories.post("hi", **PUPIL, name="Alfie Hughes"), factories.school()).findings[0]
    assert f.confidence < dob.confidence
    assert ENGINE.check(factories.post("hi", **PUPIL, name="Ben Cole"), school).findings == []


@pytest.mark.parametrize("year,day,expected", [
    ("7", "2026-11-24", 1.0),        # Year 7 are 11-12 all year
    ("R", "2026-11-24", 1.0),
    ("9", "2026-11-24", 0.0),        # Year 9 are 13-14
    ("8", "2026-09-02", 1.0),        # Year 8 on 2 September: all still 12...
    ("8", "2027-08-30", 0.0),        # ...and all 13 by the end of the year
])
def test_year_groups_map_to_uk_ages(year, day, expected):
    p = factories.person("X", "pupil", "A", "B", year_group=year)
    got = chance_under(p, dt.date.fromisoformat(day), 13)
    assert got == pytest.approx(expected, abs=0.01)


def test_it_says_nothing_without_a_school_or_author():
    assert ENGINE.check(factories.post("dance trend", **PUPIL, name="Alfie Hughes"), None).findings == []
    assert ENGINE.check(factories.post("dance trend", at=AT), factories.school()).findings == []


def test_an_unlisted_pupil_of_a_primary_school_is_under_13_by_its_age_range():
    post = factories.post("rate my dance", **PUPIL, name="Not On Roster")
    primary = factories.school(age_range=[4, 11])
    [f] = ENGINE.check(post, primary).findings
    assert (f.rule, f.severity, f.start) == ("under-13", "block", None)
    assert ENGINE.check(post, factories.school(age_range=[11, 16])).findings == []
    assert ENGINE.check(post, factories.school()).findings == []
