"""discrimination: content against one of the Equality Act's nine characteristics, named in the finding."""

import pytest

from harm_cases import expect_finding
from socialguard.analysis.pipeline import Engine
from socialguard.analysis.post import Post

pytestmark = pytest.mark.slow
ENGINE = Engine(rules={"discrimination"})
PUPIL = {"role": "pupil", "name": "Olivia Brown", "account": "personal", "platform": "tiktok"}
PARENT = {"role": "parent", "name": "David Brown", "account": "personal", "platform": "facebook"}

# (case, text, fields, span must contain, characteristic) ; characteristic None = no finding
CASES = [
    ("go back to your country", "go back to Poland Kacper, nobody wants u here", PUPIL, "go back to Poland", "race"),
    ("an obfuscated slur", "Kacper is such a p@k1 lol", PUPIL, "p@k1", "race"),
    ("a zero-width slur", "Kacper is a f\u200ba\u200bg", PUPIL, "f\u200ba\u200bg", "sexual orientation"),
    ("religion", "Muslims shouldn't be allowed to teach in our schools, they're all the same", PARENT,
     "Muslims", "religion or belief"),
    ("disability", "The SEN kids are dragging the whole class down, they should be sent somewhere else",
     PARENT, "SEN kids", "disability"),
    ("pregnancy", "Typical, another teacher off on maternity leave. They shouldn't hire women who want babies",
     PARENT, "hire women", None),  # either sex or pregnancy is a fair reading: checked below
    ("a derogatory generalisation", "Honestly these refugees are parasites living off our taxes", PARENT,
     "refugees are parasites", "race"),
    ("cigarettes, in British English", "Anyone selling cheap fags? Mine ran out", PARENT, None, None),
    ("a cigarette break", "Nipping out for a fag before the bell goes", PARENT, None, None),
    ("a cigarette after a meeting", "Nipping out for a fag before the meeting", PARENT, None, None),
    ("a cigarette and a brew", "Had a fag and a brew, back to marking", {"role": "staff", "account": "personal"},
     None, None),
    ("the same word aimed at a boy", "Kacper you're a fag and everyone knows it", PUPIL, "fag", "sexual orientation"),
    ("contempt in plain words", "I absolutely despise gay people, always have", PARENT, "despise gay people",
     "sexual orientation"),
    ("hate asked as a question", "Why are disabled people always so useless?", PARENT, "disabled people",
     "disability"),
    ("a masked insult", "Polish people are sc*m, every one of them", PARENT, "sc*m", "race"),
    ("a stance against a barrier", "I hate that disabled people still face barriers in sport", PARENT, None, None),
    ("a lesson on the Equality Act", "Year 6 learned about the Equality Act and the nine protected "
     "characteristics today, including race, religion and disability.", {"role": "staff", "account": "official"},
     None, None),
    ("counter-speech", "Someone shouted a racist slur at my daughter on the bus. It is never okay and I have "
     "reported it to the school.", PARENT, None, None),
    ("an identity term used neutrally", "Happy Eid to all our Muslim families celebrating this week!",
     {"role": "staff", "account": "official"}, None, None),
    ("own pregnancy news", "Some news: I'm pregnant! Mat leave from Easter, I'll miss my class.",
     {"role": "staff", "account": "personal"}, None, None),
]


@pytest.mark.parametrize("case,text,fields,want,char", CASES, ids=[c[0] for c in CASES])
def test_it_flags_discrimination_and_names_the_characteristic(case, text, fields, want, char):
    f = expect_finding(ENGINE, "discrimination", text, fields, want)
    if f is None:
        return
    if char is None:
        assert f.detail["characteristic"] in ("sex", "pregnancy and maternity")
    else:
        assert f.detail["characteristic"] == char
    assert f.detail["characteristic"] in f.message
    assert f.detail["characteristic_id"] == f.detail["characteristic"].replace(" and ", "-").replace(
        " or ", "-").replace(" ", "-")


def test_a_post_with_no_characteristic_words_is_named_by_the_nearest_training_group():
    from socialguard.analysis.detectors.base import CheckInput
    from socialguard.analysis.detectors.discrimination import characteristic
    from socialguard.analysis.harms import harm_model
    from socialguard.analysis.lexicons import CHARACTERISTICS
    from socialguard.analysis.post import Post
    inp = CheckInput(Post.from_dict({"id": "c1", "text": "People like that should not be let near children."}), None)
    harm_model().prepare([inp])
    assert characteristic(inp, None) in CHARACTERISTICS


@pytest.mark.parametrize(("text", "char"), [
    ("The Bulgarian families on the estate are all on the fiddle and sneaky with it", "race"),
    ("Lesbian parents are a danger to the kids in that class", "sexual orientation"),
    ("Muslim dads are a problem at every parents' evening", "religion or belief"),
    ("Pregnant teachers are a burden on every department", "pregnancy and maternity"),
    ("Older staff just aren't cut out for modern classrooms", "age"),
    ("Single mums at our school? They're a drain on everyone.", "marriage and civil partnership"),
    ("Μuslims are a plague on this town", "religion or belief"),  # Greek capital Mu
    ("jamal = 🐒", "race"),
    # a group named one sentence before, a person taken as a sample of the group
    ("Refugees keep arriving in Marlstone. They breed like rabbits and take every school place.", "race"),
    ("Typical Irish, drunk by noon at the school fair", "race"),
    ("How are we supposed to trust a teacher who's gay around our boys?", "sexual orientation"),
    ("Polish people are taking our jobs and our school places", "race"),
])
def test_it_finds_derogatory_generalisations_in_other_words(text, char):
    found = [f for f in ENGINE.check(Post.from_dict({"id": "g", "text": text})).findings
             if f.rule == "discrimination"]
    assert found and found[0].detail["characteristic"] == char, found


@pytest.mark.parametrize("text", [
    "Deaf pupils are not a burden or a problem, they are part of our class.",
    "It's not like Polish families are sneaky, that's just what bigots say.",
    "Someone posted that 'Muslim dads are a problem'. This is prejudice and it has been reported.",
    "People online are claiming 'Polish families are sneaky'. That is racism, plain and simple.",
    "My son keeps calling me old and useless. Cheeky monkey 🐒",
    "Typical Irish weather at sports day, rain all afternoon but the kids loved it",
    "My friend who's gay just got married, so happy for them both",
    "Muslim families welcome at the fair, soft drinks available and no drunks please",
    "Refugees who arrived last year are now taking school places and thriving, great news",
])
def test_negated_denied_and_condemned_generalisations_are_spared(text):
    found = [f for f in ENGINE.check(Post.from_dict({"id": "g", "text": text})).findings
             if f.rule == "discrimination"]
    assert found == [], found
