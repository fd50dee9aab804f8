"""identifiable-pupil: roster pupils named or identifiable without consent, and who may
name them (the official account with consent, a parent their own child)."""

import pytest

import factories
from socialguard.analysis.pipeline import Engine

ENGINE = Engine(rules={"identifiable-pupil"})
AT = "2026-11-10T19:00:00Z"
OFFICIAL = {"role": "staff", "name": "Oakfield Primary School", "account": "official", "platform": "facebook"}
STAFF = {"role": "staff", "name": "Jane Smith", "account": "personal", "platform": "facebook"}
OWN_PARENT = {"role": "parent", "name": "Sarah Hughes", "account": "personal", "platform": "facebook"}  # Alfie's mum
OTHER_PARENT = {"role": "parent", "name": "David Brown", "account": "personal", "platform": "facebook"}
PUBLIC = {"role": "public", "name": "Local News Fan", "account": "personal", "platform": "facebook"}
PUPIL = {"role": "pupil", "name": "Kacper Nowak", "account": "personal", "platform": "tiktok"}

# Roster (tests/factories.py): Alexander "Alfie" Hughes (P1, no name consent), Olivia Brown
# (P2, consent), Kacper Nowak (P3, no name consent), Grace Okafor (P4, left, 17),
# Tom Ellis (P5, left, now 30).
# (case, text, post fields, expected evidence, expected severity) ; evidence None = no finding
CASES = [
    ("official names a pupil without consent", "Well done to Kacper for 100% attendance!", OFFICIAL, "Kacper", "block"),
    ("official uses a preferred name", "Star of the week: Alfie Hughes!", OFFICIAL, "Alfie Hughes", "block"),
    ("official uses a diminutive", "Brilliant reading from Xander today", OFFICIAL, "Xander", "block"),
    ("another family's child in full", "Alfie Hughes keeps taking my daughter's snacks", OTHER_PARENT,
     "Alfie Hughes", "block"),
    ("another family's child by surname", "the Hughes boy is on a behaviour plan again", OTHER_PARENT,
     "the Hughes boy", "block"),
    ("a child through a parent's title and surname", "Mrs Hughes's son has been excluded again", OTHER_PARENT,
     "Mrs Hughes's son", "block"),
    ("a misspelt first name with the surname", "Kasper Nowak was crying in the playground", PUBLIC,
     "Kasper Nowak", "block"),
    ("a name in leetspeak", "0l1v1a Br0wn is a liar", PUBLIC, "0l1v1a Br0wn", "block"),
    ("a name in capitals", "OLIVIA BROWN IS A LIAR", PUBLIC, "OLIVIA BROWN", "block"),
    ("a pupil described through a classmate", "The boy in Olivia's class who keeps biting is back", OTHER_PARENT,
     "The boy in Olivia's class who keeps biting is back", "review"),
    ("a misspelt name", "Heard Kacpar got excluded", OTHER_PARENT, "Kacpar", "block"),
    ("first name and initial", "Kacper N in Year 6 self-harms, everyone knows", OTHER_PARENT, "Kacper N", "block"),
    ("staff name a pupil kindly on a personal account", "So proud of little Alfie today, he read to the class",
     STAFF, "Alfie", "review"),
    ("staff name a pupil with sensitive details", "Another exclusion meeting for Kacper, third this term", STAFF,
     "Kacper", "block"),
    ("a consented pupil is still not for staff personal accounts", "Lovely singing from Olivia today", STAFF,
     "Olivia", "review"),
    ("a past pupil who is still 17", "Grace Okafor got excluded from college, not surprised", PUBLIC,
     "Grace Okafor", "block"),
    ("a pupil described by class", "Sending love to the little girl in Year 4 whose mum was arrested today",
     STAFF, "the little girl in Year 4 whose mum was arrested today", "review"),
    ("a name hidden with a zero-width space", "K\u200bacper got excluded today lol", OTHER_PARENT,
     "K\u200bacper", "block"),
    ("a name with a Cyrillic letter", "\u041aacper got excluded today", OTHER_PARENT, "\u041aacper", "block"),
    ("a public reply to a pupil", "replying to @dancequeen_09: amazing dancing Kacper!!",
     dict(STAFF, interaction={"with_role": "pupil"}), "Kacper", "review"),
    # ---- not findings
    ("official names a pupil with consent", "Congratulations to Olivia Brown, Star of the Week!", OFFICIAL,
     None, None),
    ("official uses a consented pupil's diminutive", "Well done Liv!", OFFICIAL, None, None),
    ("a parent names their own child", "So proud of Alfie, star of the week!", OWN_PARENT, None, None),
    ("a parent's own child by nickname", "Xander loved the Romans topic", OWN_PARENT, None, None),
    ("my own child by possessive", "Our Olivia at the nativity tonight", PUBLIC, None, None),
    ("a pupil posting", "shoutout to Olivia for that goal today", PUPIL, None, None),
    ("pupil-to-pupil abuse is for the harassment rule", "Olivia is such a loser", PUPIL, None, None),
    ("an adult former pupil", "Lovely to bump into Tom Ellis, now a dad himself!", STAFF, None, None),
    ("staff and parents are not pupils", "Thank you Mrs Smith and Mr Patel for the trip", OTHER_PARENT, None,
     None),
    ("a parent named in full", "Sarah Hughes ran the cake stall brilliantly", OFFICIAL, None, None),
    ("a date, not a name", "Summer fair is on 5 May, Grace period for forms ends May 3rd", OFFICIAL, None, None),
    ("Grace as a word at the start", "Grace and kindness from my class today, love this job", STAFF, None, None),
    ("Grace as a word", "Grace period for dinner money ends Friday", OTHER_PARENT, None, None),
    ("grace as a verb phrase", "we said grace before the harvest lunch", STAFF, None, None),
    ("an anti-bullying post naming no one", "Anti-Bullying Week: be kind, speak up, tell an adult", OFFICIAL,
     None, None),
    ("a ClassDojo message to the family", "Kacper's reading book needs to come back tomorrow",
     dict(OFFICIAL, platform="classdojo"), None, None),
    ("a private message to the parent", "Hi Sarah, Alfie was a bit upset after lunch",
     dict(STAFF, interaction={"with_role": "parent"}), None, None),
    ("talking to a parent about their child", "@Sarah you should email the trust, posting won't help Alfie",
     OTHER_PARENT, None, None),
    ("a name used as a title", "doing the whole 'Olivia' the musical number with the lads", STAFF, None, None),
    ("a name in an e-mail address", "Write to olivia.green88@mail.example about the raffle", PUBLIC, None, None),
    ("a different Olivia", "Olivia Colman was brilliant in that film", STAFF, None, None),
]


@pytest.mark.parametrize("case,text,fields,expected,severity", CASES, ids=[c[0] for c in CASES])
def test_it_flags_pupils_named_without_consent(case, text, fields, expected, severity):
    post = factories.post(text, **fields, at=AT)
    found = [f for f in ENGINE.check(post, factories.school()).findings if f.rule == "identifiable-pupil"]
    if expected is None:
        assert found == [], [f.evidence for f in found]
        return
    assert [f.evidence for f in found] == [expected]
    (f,) = found
    assert f.clause == "1.5"
    assert text[f.start:f.end] == expected
    assert f.severity == severity


def test_it_takes_a_shared_name_for_the_adult_when_the_post_says_so():
    people = factories.default_people() + [factories.person("S9", "staff", "Kacper", "Zielinski")]
    school = factories.school(people=people)
    post = factories.post("Welcome to our new TA, Kacper!", **OFFICIAL, at=AT)
    assert ENGINE.check(post, school).findings == []
    post = factories.post("Well done Kacper for 100% attendance!", **OFFICIAL, at=AT)
    assert [f.evidence for f in ENGINE.check(post, school).findings] == ["Kacper"]
    post = factories.post("Kacper's teacher says he is on a behaviour plan", **OTHER_PARENT, at=AT)
    assert [f.evidence for f in ENGINE.check(post, school).findings] == ["Kacper"]


def test_a_first_name_alone_is_less_certain_than_a_full_name():
    school = factories.school()
    full = ENGINE.check(factories.post("Kacper Nowak excluded", **OTHER_PARENT, at=AT), school).findings[0]
    first = ENGINE.check(factories.post("Kacper excluded", **OTHER_PARENT, at=AT), school).findings[0]
    assert full.confidence > first.confidence


def test_it_needs_a_school_context():
    assert ENGINE.check(factories.post("Kacper Nowak excluded", **OTHER_PARENT, at=AT), None).findings == []


@pytest.mark.parametrize(("text", "evidence"), [
    ("So proud of this one #WellDoneAlfie", "Alfie"),
    ("#TeamAlfieHughes all the way", "Alfie"),
    ("Great day #Oakfield #SportsDay", None),
    ("#welldonealfie", None),  # no capitals: no word boundaries to trust
])
def test_it_finds_a_pupil_inside_a_camel_case_hashtag(text, evidence):
    res = Engine(rules={"identifiable-pupil"}).check(
        factories.post(text, role="staff", account="official", platform="facebook"), factories.school())
    assert [f.evidence for f in res.findings] == ([evidence] if evidence else [])
