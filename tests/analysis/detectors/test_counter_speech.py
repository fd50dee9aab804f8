"""Counter-speech, negation, positive statements and threats: the frame around hurtful words decides.

Cases are our own, written from clause 1.5 and 2.3: condemning or quoting an insult is not
harassment or discrimination; saying it yourself, then dismissing the objection, is.
"""

import pytest

import factories
from socialguard.analysis.pipeline import Engine

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def harms():
    return Engine(rules={"harassment", "discrimination"})


@pytest.mark.parametrize("text", [
    "Saying 'women are stupid' is sexist and wrong.",
    "If you call someone a retard you are being hateful.",
    "Don't call people retards, it's hurtful.",
    "\"Women are stupid\" is a sexist thing to say and we won't tolerate it.",
    "Black people are just as intelligent as anyone else.",
    "Disabled people deserve equal access to every building.",
    "I'll hit you up later about the quiz",
    "I don't hate Muslims at all.",
    "Gay people are not disgusting.",
    "Someone wrote 'trans people are freaks' on the toilet wall. We have removed it and are "
    "investigating.",
    "We're going to smash it at sports day!",
])
def test_it_spares_counter_speech_equality_and_idioms(harms, text):
    res = harms.check(factories.post(text))
    assert res.findings == [], [(f.rule, f.evidence) for f in res.findings]


@pytest.mark.parametrize(("text", "rule"), [
    ("Muslims are vermin and saying so isn't racist, it's the truth", "discrimination"),
    ("Gay people don't belong in our school and I don't care who says that's homophobic",
     "discrimination"),
    ("I'm not saying Muslims are scum, but they should go back home.", "discrimination"),
    ("Refugees are not welcome here.", "discrimination"),
    ("I'm going to find you and break your legs.", "harassment"),
    ("I'll stab him if he comes near the gates again", "harassment"),
])
def test_it_still_flags_hate_said_in_the_authors_own_voice_and_threats(harms, text, rule):
    res = harms.check(factories.post(text))
    assert rule in {f.rule for f in res.findings}, text
