"""false-identity: look-alike school accounts, adults posing as children, people impersonated."""

import pytest

import factories
from socialguard.analysis.pipeline import Engine

ENGINE = Engine(rules={"false-identity"})
AT = "2026-11-24T19:00:00Z"
PUBLIC = {"role": "public", "name": "sk8rboi_813", "account": "personal", "platform": "instagram", "at": AT}

# (case, text, post fields, expected evidence: the span text, "=X" for a span-less evidence X, or None)
CASES = [
    # (a) the school's official accounts
    ("a zero for the O", "School closed tomorrow, share!", dict(PUBLIC, name="Oakfield", handle="@0akfieldPrimary"),
     "=@0akfieldPrimary"),
    ("a digit one for the l", "Free iPads for families", dict(PUBLIC, handle="@Oakfie1dPrimary"), "=@Oakfie1dPrimary"),
    ("a capital I for the l", "Updating our records", dict(PUBLIC, handle="@OakfieIdPrimary"), "=@OakfieIdPrimary"),
    ("an official suffix", "Oakfield Primary official page, our new account!",
     dict(PUBLIC, name="Oakfield Primary School", handle="@OakfieldPrimary_official"), "official page"),
    ("an extra underscore", "Message from Oakfield: detentions cancelled", dict(PUBLIC, handle="@OakfieldPrimary_"),
     "Message from"),
    ("a look-alike page address", "Please comment your child's name and class",
     dict(PUBLIC, platform="facebook", handle="facebook.com/oakfieIdprimary"), "=facebook.com/oakfieIdprimary"),
    ("a personal account using the school's name", "We're giving away 10 iPads!",
     dict(PUBLIC, name="Oakfield Primary School", handle=None), "=Oakfield Primary School"),
    ("a fake PTA claiming to be official", "Raffle tickets £5, pay to this sort code",
     dict(PUBLIC, name="Oakfield PTA", handle="facebook.com/OakfieldPTAofficial"), "=facebook.com/OakfieldPTAofficial"),
    ("'School' appended to the official handle", "Important update for parents",
     dict(PUBLIC, name="Oakfield Updates", handle="@OakfieldPrimarySchool"), "=@OakfieldPrimarySchool"),
    ("the official handle itself", "Sports day is on Friday", dict(PUBLIC, role="staff", account="official",
                                                                   name="Oakfield Primary School",
                                                                   handle="@OakfieldPrimary"), None),
    ("the official handle in another case", "Sports day is on Friday",
     dict(PUBLIC, role="staff", account="official", name="Oakfield Primary School", handle="@oakfieldprimary"), None),
    ("the official page address", "Welcome back!", dict(PUBLIC, role="staff", account="official",
                                                       name="Oakfield Primary School",
                                                       handle="https://www.facebook.com/oakfieldprimary"), None),
    ("a parent whose handle mentions the school", "Loved the nativity", dict(PUBLIC, role="parent",
                                                                             name="Sarah Hughes",
                                                                             handle="@oakfield_mum_of_2"), None),
    # (b) adults claiming to be children
    ("an adult says he is a 10-year-old", "hi cutie im a 10yo boy, wanna chat privately?",
     dict(PUBLIC, interaction={"with_role": "pupil"}), "im a 10yo"),
    ("a curly apostrophe does not hide the claim", "hey I\u2019m 12 too, what\u2019s ur snap?", dict(PUBLIC),
     "I\u2019m 12"),
    ("an adult claims a year group", "omg same!! i'm in year 6 as well, what's ur snap?", dict(PUBLIC),
     "i'm in year 6"),
    ("an adult says they are the same age", "me and u r the same age (11) so its fine", dict(PUBLIC), "same age (11"),
    ("a staff member posing as a Year 6 kid", "just a normal yr 6 kid who wants to be my friend",
     dict(PUBLIC, role="staff", name="Mark Patel"), "just a normal yr 6 kid"),
    ("an adult remembering being 12", "When I was 12 I loved this game", dict(PUBLIC), None),
    ("a parent talking about their 12-year-old", "My 12 year old loves this", dict(PUBLIC, role="parent",
                                                                                   name="Sarah Hughes"), None),
    ("a teacher's own class", "I'm in Year 6 this year and loving it", dict(PUBLIC, role="staff", name="Jane Smith"),
     None),
    ("an adult giving their real age", "I'm 45 and still can't do TikTok dances", dict(PUBLIC), None),
    ("a number that is not an age", "I'm 10 minutes away", dict(PUBLIC, role="parent", name="Sarah Hughes"), None),
    ("a sister giving her own age", "I'm 15 and I'll stand up for my little brother",
     dict(PUBLIC, role="family", name="Sis"), None),
    ("a pupil saying their age is not posing", "im 12 lol", dict(PUBLIC, role="pupil", name="Kacper Nowak"), None),
    # (c) named people
    ("someone posing as a named teacher", "This is Mrs Smith's new account, homework is cancelled",
     dict(PUBLIC, name="Kev Spall", handle="@mrs_smith_real"), "This is Mrs Smith"),
    ("a pupil with a copy-cat teacher handle", "homework is cancelled forever lads",
     dict(PUBLIC, role="pupil", name="Kacper Nowak", handle="@mr_patel_real"), "=@mr_patel_real"),
    ("a public account with a teacher's name", "Year 5: send me a photo of yourselves in your PJs",
     dict(PUBLIC, name="Mr Patel", handle="@MrPatelY5"), "=Mr Patel"),
    ("a parent claiming to be a teacher", "As a teacher at Oakfield I can tell you the head is hiding things.",
     dict(PUBLIC, role="parent", name="Sarah Hughes"), "As a teacher at Oakfield"),
    ("a fake account of a pupil", "This is Kacper's real account, I love maths",
     dict(PUBLIC, role="pupil", name="Olivia Brown", handle="@kacper_nowak_15"), "This is Kacper's real account"),
    ("a parody account of the head", "Set up a parody account of our head lol @NotJaneSmith",
     dict(PUBLIC, role="parent", name="David Brown"), "Set up a parody account"),
    ("the official account introducing a teacher", "This is Mr Patel, who joins Year 5 in January!",
     dict(PUBLIC, role="staff", account="official", name="Oakfield Primary School"), None),
    ("a teacher at another school", "As a teacher at another school, I think this is fair",
     dict(PUBLIC, name="Jo Bloggs"), None),
    ("the teacher herself", "Hi it's Mrs Smith, a reminder that reading books are due",
     dict(PUBLIC, role="staff", name="Jane Smith"), None),
    ("a staff member's own handle", "Great day at the museum", dict(PUBLIC, role="staff", name="Mark Patel",
                                                                    handle="@mr_patel"), None),
]


@pytest.mark.parametrize("case,text,fields,expected", CASES, ids=[c[0] for c in CASES])
def test_it_flags_false_identities(case, text, fields, expected):
    fields = {k: v for k, v in fields.items() if v is not None}
    post = factories.post(text, **fields)
    found = [f for f in ENGINE.check(post, factories.school()).findings if f.rule == "false-identity"]
    if expected is None:
        assert found == []
        return
    assert len(found) == 1
    f = found[0]
    assert (f.clause, f.severity) == ("2.1", "block")
    if expected.startswith("="):
        assert f.start is None and f.evidence == expected[1:]
    else:
        assert post.text[f.start:f.end] == f.evidence
        assert f.evidence.startswith(expected)


def test_it_says_nothing_on_missing_fields():
    school = factories.school()
    assert ENGINE.check(factories.post("hello"), school).findings == []
    assert ENGINE.check(factories.post("hello", handle="@0akfieldPrimary"), None).findings == []


@pytest.mark.parametrize("handle", ["@", "   ", "facebook.com/", "@@@@", "\u200b"])
def test_it_survives_empty_looking_handles(handle):
    post = factories.post("hello", **PUBLIC, handle=handle)
    assert ENGINE.check(post, factories.school()).findings == []
