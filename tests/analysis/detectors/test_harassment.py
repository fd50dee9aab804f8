"""harassment: bullying, threats and secretive contact; not idioms, banter words alone or counter-speech."""

import pytest

import factories
from harm_cases import expect_finding
from socialguard.analysis.pipeline import Engine

pytestmark = pytest.mark.slow  # loads the harm model (about a second)
ENGINE = Engine(rules={"harassment"})
PUPIL = {"role": "pupil", "name": "Olivia Brown", "account": "personal", "platform": "snapchat"}
PARENT = {"role": "parent", "name": "Sarah Hughes", "account": "personal", "platform": "facebook"}

# (case, text, post fields, text the evidence span must contain, or None for no finding)
CASES = [
    ("a named pupil called names", "Alfie Hughes is a fat loser and nobody likes him", PUPIL, "fat loser"),
    ("a threat dressed as a joke", "Whoever keeps picking on my lad better watch their back. You know who you are",
     PARENT, "watch their back"),
    ("a pile-on against a classmate", "everyone block Kacper and dont let him in the group chat, he smells",
     PUPIL, "he smells"),
    ("secretive adult contact", "hey u seem really mature for ur age, add me on snap but dont tell ur mum ok",
     {"role": "public", "account": "personal"}, "dont tell ur mum"),
    ("mocking a teacher", "Mr Patel is a fat ugly freak, nobody can stand him lol", PUPIL, "fat ugly freak"),
    ("harm wished on someone's home", "I hope your house burns down with you in it", PARENT, "house burns down"),
    ("good wishes for someone's dog", "I hope your dog gets better soon x", PARENT, None),
    ("a wish that someone else does the harm", "I hope someone stabs you", PARENT, "someone stabs you"),
    ("an idiom", "Year 5 were absolutely killing it at sports day today!", PARENT, None),
    ("praise of a named pupil", "So proud of Olivia Brown for her swimming certificate today", PARENT, None),
    ("counter-speech quoting an insult", "My son was called a fat loser at school this week. That is never okay, "
     "please talk to your kids about kindness.", PARENT, None),
    ("a lesson about bullying", "In PSHE we talked about why calling someone a loser hurts and how to be an upstander.",
     {"role": "staff", "account": "official"}, None),
]


@pytest.mark.parametrize("case,text,fields,want", CASES, ids=[c[0] for c in CASES])
def test_it_flags_harassment_and_spares_hard_negatives(case, text, fields, want):
    f = expect_finding(ENGINE, "harassment", text, fields, want, clauses=("1.5", "2.3"))
    if f is None:
        return
    assert 0.0 < f.confidence <= 1.0


def test_it_names_a_roster_target_and_is_more_confident_about_it():
    text = "Alfie Hughes is a fat loser and nobody likes him"
    named = ENGINE.check(factories.post(text, **PUPIL), factories.school()).findings[0]
    assert named.detail["target"] == "Alfie Hughes"
    assert "Alfie Hughes" in named.message
    assert named.severity == "block"


def test_it_routes_a_pupil_author_to_the_behaviour_policy():
    f = ENGINE.check(factories.post("Alfie Hughes is a fat loser and nobody likes him", **PUPIL),
                     factories.school()).findings[0]
    assert f.clause == "2.3"
    assert "Behaviour policy" in f.detail["route"]


def test_it_says_non_english_text_is_out_of_scope_with_low_confidence():
    text = "Dzisiaj nasze dzieci pojechały na wycieczkę do muzeum i bardzo im się podobało"
    found = ENGINE.check(factories.post(text, **PARENT), factories.school()).findings
    assert len(found) == 1
    assert found[0].severity == "advice"
    assert found[0].confidence < 0.2
    assert found[0].detail["out_of_scope"] == "language"


@pytest.mark.parametrize("text,want", [("im bringing a knife in tomorrow, he'll see", "knife"),
                                       ("Gonna shoot up the school on Monday", "shoot up the school")])
def test_a_weapon_or_an_attack_on_the_school_is_escalated_to_the_dsl(text, want):
    f = expect_finding(ENGINE, "harassment", text, PUPIL, want, clauses=("1.5", "2.3"))
    assert f.severity == "block"
    assert "safeguarding" in f.remedy and "999" in f.remedy
    assert "weapon" in f.message
