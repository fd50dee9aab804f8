"""unapproved-channel: staff contact with pupils or parents outside the approved channels."""

import pytest

import factories
from socialguard.analysis.pipeline import Engine

ENGINE = Engine(rules={"unapproved-channel"})
AT = "2026-11-24T19:00:00Z"
STAFF = {"role": "staff", "name": "Jane Smith", "account": "personal", "platform": "facebook", "at": AT}


def to(role, **more):
    return {"interaction": {"with_role": role, **more}} if role else {"interaction": more}


# (case, text, post fields, expected (severity, span text or None for no span) or None)
CASES = [
    ("friending a current pupil", "Friend request sent, miss having you in my class!",
     dict(STAFF, **to("pupil", friend_request=True)), ("block", "Friend request sent")),
    ("a DM to a pupil with no text cue", "nice goal at lunch mate", dict(STAFF, platform="snapchat", **to("pupil")),
     ("block", None)),
    ("a past pupil aged 17 by roster id", "Accepted! How's college going?",
     dict(STAFF, **to("pupil", with_id="P4")), ("block", "Accepted!")),
    ("a past pupil aged 17 named in the text", "Accepted! So lovely to hear from you Grace, how's college?",
     dict(STAFF, platform="instagram", **to("pupil")), ("block", "Accepted!")),
    ("a past pupil named by handle", "DM to @grace.okafor_09: add me on snap!",
     dict(STAFF, platform="instagram", **to("pupil")), ("block", "add me on snap")),
    ("a friend request by kind", "", dict(STAFF, **to("pupil", kind="friend_request", with_person="P1")),
     ("block", None)),
    ("a parent on the teacher's own WhatsApp", "Hi Sarah, easier to message you on my own WhatsApp",
     dict(STAFF, platform="whatsapp", **to("parent")), ("review", "easier to message you on my own")),
    ("a parent's friend request accepted", "Thanks for the add Sarah!", dict(STAFF, **to("parent")),
     ("review", "Thanks for the add")),
    ("the parent is known from the roster", "See you at pick-up", dict(STAFF, **to(None, with_id="R1")),
     ("review", None)),
    ("text inviting parents to a personal channel", "Parents, just message me on my personal WhatsApp if you need me",
     dict(STAFF, platform="x"), ("review", "message me on my personal")),
    ("a personal number offered to parents", "Parents, feel free to text me on 07700 900123 any time",
     dict(STAFF), ("review", "text me on 0")),
    ("a governor is review at most", "Hi Alfie, add me on snap", dict(STAFF, role="governor", name="Helen Carter",
                                                                     **to("pupil")), ("review", "add me on snap")),
    ("a staff post in an unofficial parents' WhatsApp group", "Please be gentle with Alfie tomorrow",
     dict(STAFF, platform="whatsapp", context={"event": "Year 5 parents WhatsApp (not school-run)"}),
     ("review", None)),
    ("a past pupil now 30 by roster id", "Great to hear from you Tom!", dict(STAFF, **to("pupil", with_id="P5")),
     None),
    ("a past pupil now 30 named in the text", "Lovely to hear from you Tom Ellis, congratulations on the new job!",
     dict(STAFF, platform="linkedin", **to("pupil")), None),
    ("a former pupil who says they are 18", "Friend request to Jade (18): congrats on the uni offer!",
     dict(STAFF, platform="instagram", **to("pupil")), None),
    ("ClassDojo with a parent", "Hi! Yes, Alfie can bring his dinosaur in.",
     dict(STAFF, platform="classdojo", **to("parent")), None),
    ("Tapestry with a parent", "Lovely observation today", dict(STAFF, platform="tapestry", **to("parent")), None),
    ("the moderated group", "PE kits on Tuesdays", dict(STAFF, platform="facebook-group-moderated", **to("parent")),
     None),
    ("the official account", "Thanks for your message", dict(STAFF, account="official", **to("parent")), None),
    ("a former pupil's role spelt another way", "Accepted! How's college going?",
     dict(STAFF, **to("past_pupil", with_id="P4")), ("block", "Accepted!")),
    ("addressed to a pupil by platform convention", "snap to @alfie.hughes_10: sick goal at lunch mate!!",
     dict(STAFF, platform="snapchat"), ("block", None)),
    ("addressed to a parent by platform convention", "Messenger to Sarah Hughes: Alfie was a bit upset today x",
     dict(STAFF), ("review", None)),
    ("addressed to a colleague", "Messenger to Mark Patel: can you cover my duty?", dict(STAFF), None),
    ("addressed to an adult former pupil", "DM to Tom Ellis: congrats on the new job!", dict(STAFF), None),
    ("a colleague", "Great to finally add you on here Mark!", dict(STAFF, **to("staff")), None),
    ("selling tickets with DM me, no pupils or parents", "Selling 2 tickets to Ed Sheeran, DM me", dict(STAFF),
     None),
    ("a parent messaging a parent", "message me on my own WhatsApp", dict(STAFF, role="parent", name="Sarah Hughes",
                                                                         **to("parent")), None),
    ("a moderated parents' forum in the context", "Deposits due Friday",
     dict(STAFF, context={"event": "Oakfield Parents Forum (moderated)"}), None),
]


@pytest.mark.parametrize("case,text,fields,expected", CASES, ids=[c[0] for c in CASES])
def test_it_flags_staff_contact_outside_approved_channels(case, text, fields, expected):
    post = factories.post(text, **fields)
    found = [f for f in ENGINE.check(post, factories.school()).findings if f.rule == "unapproved-channel"]
    if expected is None:
        assert found == []
        return
    assert len(found) == 1
    f = found[0]
    severity, span = expected
    assert (f.clause, f.severity) == ("2.1", severity)
    if span is None:
        assert f.start is None and f.evidence
    else:
        assert post.text[f.start:f.end] == f.evidence
        assert f.evidence.startswith(span)


def test_it_says_nothing_without_a_school_or_author():
    post = factories.post("add me on snap", **STAFF, **to("pupil", with_id="P5"))
    # without the roster the past pupil's age is unknown: still a contact with a pupil
    assert [f.rule for f in ENGINE.check(post, None).findings] == ["unapproved-channel"]
    assert ENGINE.check(factories.post("add me on snap", **to("pupil")), factories.school()).findings == []


def test_an_adult_former_pupil_named_by_a_nickname_is_not_a_finding():
    jess = factories.person("P9", "pupil", "Jessica", "Ward", date_of_birth="2000-02-02", left_on="2011-07-20")
    school = factories.school(people=[*factories.default_people(), jess])
    post = factories.post("Hi Jess! Lovely to hear from you, congrats on the new job", **STAFF, **to("pupil"))
    assert ENGINE.check(post, school).findings == []


@pytest.mark.parametrize("interaction", [
    {"with_role": 5, "friend_request": "yes", "with_id": 123, "with_name": ["x"]},
    {"with_person": "NOT-AN-ID"},
    {"with_role": ""},
])
def test_it_survives_odd_interaction_values(interaction):
    post = factories.post("add me", **STAFF, interaction=interaction)
    for school in (factories.school(), None):
        for f in ENGINE.check(post, school).findings:
            assert f.rule == "unapproved-channel"
