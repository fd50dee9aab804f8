"""equity-of-access: official information or opportunities offered only on social media."""

import pytest

import factories
from socialguard.analysis.pipeline import Engine

ENGINE = Engine(rules={"equity-of-access"})
OFFICIAL = {"role": "staff", "name": "Oakfield Primary School", "account": "official", "platform": "facebook",
            "at": "2026-11-10T16:00:00Z"}


def shared(*channels):
    return {"context": {"shared_elsewhere": list(channels)}}


# (case, text, post fields, expected span text or None)
CASES = [
    ("tickets only through this post",
     "Tickets for the nativity are only available through this Facebook post, comment with how many you need",
     dict(OFFICIAL, **shared()), "only available through this Facebook post"),
    ("first ten to comment", "The first 10 parents to comment get a place at the residential evening!",
     dict(OFFICIAL), "The first 10 parents to comment"),
    ("DM this page to claim", "Free breakfast club places: DM this page to claim one.", dict(OFFICIAL, **shared()),
     "DM this page to claim"),
    ("a link in the bio", "Parents' evening booking is now open via the link in our bio. Slots go quickly!",
     dict(OFFICIAL, platform="instagram"), "via the link in our bio"),
    ("only on TikTok", "Revision packs are on our TikTok only", dict(OFFICIAL, platform="tiktok"), "TikTok only"),
    ("via Messenger only", "Book a help session via Facebook Messenger only.", dict(OFFICIAL),
     "via Facebook Messenger"),
    ("another social platform is not an alternative", "Reply to this post to reserve a uniform bag",
     dict(OFFICIAL, **shared("instagram")), "Reply to this post"),
    ("an offer with no other channel recorded", "Applications open for breakfast club places. Deadline Friday 4 December.",
     dict(OFFICIAL), "Applications open for breakfast club places"),
    ("a closure posted only here", "SCHOOL CLOSED TODAY due to the boiler failure. Please share!", dict(OFFICIAL),
     "SCHOOL CLOSED TODAY due to the boiler failure"),
    ("no account kind, but the school's official handle", "First 10 to comment get a place!",
     {k: v for k, v in OFFICIAL.items() if k != "account"} | {"handle": "@OakfieldPrimary"}, "First 10 to comment"),
    ("the same offer also sent by e-mail", "Tickets only available through this Facebook post",
     dict(OFFICIAL, **shared("email")), None),
    ("the school's own alternative channel", "First 10 to comment get a place!", dict(OFFICIAL, **shared("letter")),
     None),
    ("an alternative named in the text", "Coding club is back on Tuesdays. Letters home today and details on the website.",
     dict(OFFICIAL), None),
    ("paper copies from the office", "Consent forms are in the comments; paper copies from the office.",
     dict(OFFICIAL), None),
    ("a celebration with no offer", "Well done to our netball team, 14-3 winners! So proud", dict(OFFICIAL), None),
    ("news with nothing to act on", "Year 3 had a fantastic trip to the Sea Life centre today!", dict(OFFICIAL),
     None),
    ("Happy World Book Day", "Happy World Book Day!", dict(OFFICIAL), None),
    ("a personal account is not the school speaking", "First 10 to comment get my spare tickets!",
     dict(OFFICIAL, account="personal", name="Jane Smith"), None),
    ("ClassDojo reaches every family", "Only the first 10 to reply get a slot", dict(OFFICIAL, platform="classdojo"),
     None),
]


@pytest.mark.parametrize("case,text,fields,expected", CASES, ids=[c[0] for c in CASES])
def test_it_flags_official_offers_made_only_on_social_media(case, text, fields, expected):
    post = factories.post(text, **fields)
    found = [f for f in ENGINE.check(post, factories.school()).findings if f.rule == "equity-of-access"]
    if expected is None:
        assert found == []
        return
    assert len(found) == 1
    f = found[0]
    assert (f.clause, f.severity) == ("1.4", "review")
    assert post.text[f.start:f.end] == f.evidence
    assert f.evidence.startswith(expected)


def test_explicit_exclusivity_is_surer_than_a_missing_channel():
    school = factories.school()
    only = ENGINE.check(factories.post("Tickets only via this post", **OFFICIAL), school).findings[0]
    plain = ENGINE.check(factories.post("Tickets for the Christmas fair on sale now", **OFFICIAL), school).findings[0]
    assert only.confidence > plain.confidence


def test_it_works_without_a_school_context():
    post = factories.post("First 10 to comment get a place!", **OFFICIAL)
    assert [f.rule for f in ENGINE.check(post, None).findings] == ["equity-of-access"]
    assert ENGINE.check(factories.post("First 10 to comment get a place!"), None).findings == []


@pytest.mark.parametrize("context", [
    {"shared_elsewhere": {"email": True}},
    {"shared_elsewhere": [None, 3]},
    {"event": 42, "shared_elsewhere": "email"},
])
def test_it_survives_odd_context_values(context):
    post = factories.post("Tickets only via this post", **OFFICIAL, context=context)
    for school in (factories.school(), None):
        for f in ENGINE.check(post, school).findings:
            assert f.rule == "equity-of-access"
