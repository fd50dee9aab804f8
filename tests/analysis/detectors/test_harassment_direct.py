"""Harassment found from how it is said, whatever the model scores: insults aimed at the
reader, wishing someone harm, organising others against someone. Quoting, reporting or
negating the words is not harassment. Our own cases, from clauses 1.5 and 2.3."""

import pytest

import factories
from socialguard.analysis.pipeline import Engine

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def engine():
    return Engine(rules={"harassment"})


@pytest.mark.parametrize(("text", "evidence"), [
    ("Shut up you stupid cow", "you stupid"),
    ("You are a disgrace and a waste of space", "You are a disgrace"),
    ("I hope you get hit by a bus", "hope you get hit"),
    ("Nobody in our class likes Jake, let's all block him", "let's all block him"),
    ("Everyone ignore Maya tomorrow, she's so annoying", "Everyone ignore Maya"),
    # people not on the roster, and groups
    ("Mrs Fairbrother from the office, is a nosy, two-faced cow", "Mrs Fairbrother from the office, is a nosy, two-faced cow"),
    ("Honestly, Derek on the gate is a total jobsworth", "Derek on the gate is a total jobsworth"),
    ("the lads in the back row are a pack of smug, gobby tossers", "are a pack of smug, gobby tossers"),
    ("you lot are brainless, spineless morons", "you lot are brainless, spineless morons"),
    # telling someone they are unwanted, and staff identifiable by their job
    ("Nobody at this school can stand you Jayden, just leave already", "Nobody at this school can stand you"),
    ("Everyone in our class hates you Ruby", "Everyone in our class hates you"),
    ("no one even likes u, go cry to ur mum", "no one even likes u"),
    ("That dinner lady is a nasty piece of work and a waste of oxygen",
     "That dinner lady is a nasty piece of work"),
    ("let's start a new group chat without Hannah, she's so annoying", "let's start a new group chat without Hannah"),
])
def test_it_finds_abuse_aimed_at_someone(engine, text, evidence):
    found = [f for f in engine.check(factories.post(text)).findings if f.rule == "harassment"]
    assert found and found[0].evidence == evidence, found


@pytest.mark.parametrize("text", [
    "You're not stupid, you just need more practice",
    "If anyone calls you stupid, tell a member of staff.",
    "Everyone ignore the noise and enjoy the show",
    "I hope you all have a lovely half term",
    "Thank you so much, you are a legend",
    "Everybody here will miss you Mr Khan, best teacher ever",
    "No one wants you to miss the trip so bring your form back!",
    'In PSHE we talked about how "nobody likes you" messages are bullying and what to do',
    "My daughter's teacher is a star",
    "Let's make a group chat without Mum knowing so we can plan her birthday",
    "Lets make a group chat without the teachers for the leavers hoodie designs",
    "In PSHE we wrote down things like 'you're so fat' and talked about why they hurt.",
])
def test_it_spares_support_reports_quotes_and_kindness(engine, text):
    assert engine.check(factories.post(text)).findings == []


@pytest.mark.parametrize(("text", "evidence"), [
    ("Alfie Hughes is an actual loser lol", "Alfie Hughes is an actual loser"),
    ("honestly sarah hughes is such a cow", "sarah hughes is such a cow"),
])
def test_it_finds_an_insult_said_of_a_named_person(engine, text, evidence):
    found = [f for f in engine.check(factories.post(text), factories.school()).findings
             if f.rule == "harassment"]
    assert found and found[0].evidence.lower() == evidence.lower(), found
    assert found[0].detail.get("target_role") in ("pupil", "parent")


@pytest.mark.parametrize("text", [
    "Alfie Hughes is a superstar, well done on your certificate!",
    "Calling someone like Alfie Hughes a loser is bullying and we won't have it.",
    "Alfie Hughes is not stupid, he just needs time.",
])
def test_it_spares_praise_condemnation_and_negation_of_named_people(engine, text):
    found = [f for f in engine.check(factories.post(text), factories.school()).findings
             if f.rule == "harassment"]
    assert found == [], [(f.evidence, f.confidence) for f in found]


@pytest.mark.parametrize("text", [
    "Eddie you are a muppet, love you loads, happy 40th! 🥳",
    "Someone wrote 'Mr Clarke is a prat' on the bus shelter. Not okay, and we have reported it.",
    "Mrs Fairbrother is not a cow, she is the kindest person in the office",
])
def test_teasing_friends_quotes_and_negations_are_spared(engine, text):
    assert [f for f in engine.check(factories.post(text)).findings if f.rule == "harassment"] == []


@pytest.mark.parametrize("text", [
    "that new lad from 8R is getting battered after school, tell him",
    "Mr Pryce needs a good kicking and I'm the one to give him it",
    "you've had your chance. next time it won't just be words",
])
def test_it_finds_threats_in_everyday_phrasing(engine, text):
    assert "harassment" in {f.rule for f in engine.check(factories.post(text)).findings}


def test_a_few_words_with_nothing_hurtful_in_them_harass_no_one(engine):
    found = engine.check(factories.post("from the parent", role="parent", account="personal")).findings
    assert [f for f in found if f.rule == "harassment"] == []


def test_a_bus_stop_is_not_a_counter_speech_cue(engine):
    text = "hang around our bus stop again and we'll kick you in"
    assert "harassment" in {f.rule for f in engine.check(factories.post(text)).findings}
