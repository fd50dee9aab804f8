"""A functional suite for the harm detectors, in the style of HateCheck (our own templates).

Each functionality is a set of template posts with the verdict a teacher would give.
Classifiers miss single cases without being broken, so each group is held to a floor
(the share it must get right) rather than to every case; the floors sit below what the
shipped model scores, so a regression that matters fails here.
"""

import pytest

import factories
from socialguard.analysis.pipeline import Engine

pytestmark = pytest.mark.slow  # loads the harm model

HARM = {"harassment", "discrimination", "disrepute", "grievance", "defamation", "confidential", "copyright"}
ENGINE = Engine(rules=HARM)
ABUSE = {"harassment", "discrimination"}

GROUPS = [  # (plural noun phrase, Equality Act characteristic)
    ("Muslims", "religion or belief"), ("Jewish people", "religion or belief"),
    ("gay people", "sexual orientation"), ("trans people", "gender reassignment"),
    ("disabled people", "disability"), ("Polish families", "race"), ("Black people", "race"),
    ("immigrants", "race"), ("women", "sex"), ("old people", "age"),
]
HATEFUL = [
    "{g} are disgusting and shouldn't be allowed near our kids",
    "I can't stand {g}, they ruin every school they go to",
    "{g} don't belong in this school, send them back",
    "all {g} are the same, lazy and dirty",
]
NEUTRAL = [
    "We are proud that {g} are part of our school community",
    "Our assembly today was about the contribution {g} have made to Britain",
    "A reminder that {g} are welcome at every school event",
]
COUNTER = [
    "Someone wrote that {g} are disgusting on the school gate. That is hateful and it has been reported.",
    "Saying '{g} don't belong here' is never okay. We stand with all our families.",
]
SLUR_AT_PUPIL = ["Kacper is a {s}", "shut up you {s}", "lol look at the {s} in 5B"]
SLURS = ["paki", "faggot", "retard", "tranny"]


def obfuscations(word: str) -> list[str]:
    """The same word hidden five ways: leetspeak, spaced letters, zero-width, homoglyph, mask."""
    leet = word.replace("a", "@").replace("i", "1").replace("e", "3").replace("o", "0")
    spaced = " ".join(word)
    zw = "\u200b".join(word)
    homoglyph = word.replace("a", "\u0430").replace("e", "\u0435").replace("o", "\u043e")
    masked = word[0] + "*" * (len(word) - 2) + word[-1]
    return [leet, spaced, zw, homoglyph, masked]


IDIOMS = [
    "Year 5 were absolutely killing it at sports day!", "Our choir murdered that song, incredible",
    "I'm dead 😂 the nativity donkey fell over", "Smashed it at the maths challenge, well done team",
    "The staff team got destroyed by the parents at the quiz 😂", "Year 6 are on fire this week",
    "That spelling test nearly killed me 😅", "Sick goal from Olivia at the match today!",
]
TEACHING = [
    "In PSHE Year 6 talked about why using 'gay' as an insult hurts people.",
    "Today's history lesson looked at how Jewish families were persecuted in the Holocaust.",
    "Our Equality Act lesson covered all nine protected characteristics, including race and disability.",
    "Year 5 discussed racist language and why words like that must never be used.",
]
OWN_IDENTITY = [
    "I'm gay and proud, happy Pride everyone 🏳️‍🌈", "Happy Eid to all our Muslim families!",
    "As a disabled teacher I love our new accessible playground", "Celebrating Diwali with our Hindu families today ✨",
    "Some news: I'm pregnant! Mat leave starts at Easter.",
]
PROFANITY_ONLY = [
    "This bloody printer has jammed again, ffs", "what a shit day, the car broke down",
    "Fucking freezing at the bus stop this morning",
]
THREATS = [
    "Kacper you're dead after school, I'm going to batter you",
    "I know where you live Alfie, watch your back",
    "everyone jump Olivia at lunch, she deserves it",
]


def flagged(text, rules=ABUSE, **fields):
    res = ENGINE.check(factories.post(text, **fields), factories.school())
    return any(f.rule in rules and f.severity != "advice" for f in res.findings)


PARENT = {"role": "parent", "name": "David Brown", "account": "personal", "platform": "facebook"}
PUPIL = {"role": "pupil", "name": "Olivia Brown", "account": "personal", "platform": "tiktok"}
OFFICIAL = {"role": "staff", "name": "Oakfield Primary School", "account": "official", "platform": "facebook"}


def share(cases, want):
    got = [(t, flagged(t, **f)) for t, f in cases]
    wrong = [t for t, g in got if g != want]
    return 1 - len(wrong) / len(got), wrong


def test_hateful_statements_about_groups_are_flagged():
    cases = [(t.format(g=g), PARENT) for g, _ in GROUPS for t in HATEFUL]
    rate, wrong = share(cases, True)
    assert rate >= 0.8, wrong


def test_neutral_mentions_of_identity_groups_are_not_flagged():
    cases = [(t.format(g=g), OFFICIAL) for g, _ in GROUPS for t in NEUTRAL]
    cases += [(t, OFFICIAL) for t in OWN_IDENTITY]
    rate, wrong = share(cases, False)
    assert rate >= 0.9, wrong


def test_counter_speech_is_not_flagged():
    cases = [(t.format(g=g), PARENT) for g, _ in GROUPS for t in COUNTER]
    rate, wrong = share(cases, False)
    assert rate >= 0.9, wrong


def test_teaching_about_prejudice_is_not_flagged():
    rate, wrong = share([(t, OFFICIAL) for t in TEACHING], False)
    assert rate >= 0.9, wrong


def test_slurs_at_a_pupil_are_flagged_plain_and_obfuscated():
    plain = [(t.format(s=s), PUPIL) for s in SLURS for t in SLUR_AT_PUPIL]
    hidden = [(t.format(s=o), PUPIL) for s in SLURS for t in SLUR_AT_PUPIL[:1] for o in obfuscations(s)]
    rate, wrong = share(plain, True)
    assert rate >= 0.9, wrong
    rate, wrong = share(hidden, True)
    assert rate >= 0.8, wrong


def test_obfuscation_does_not_lower_the_score_much():
    base = ENGINE.check(factories.post("Kacper is a paki", **PUPIL), factories.school())
    hidden = ENGINE.check(factories.post("Kacper is a p\u200b@\u200bk\u200b1", **PUPIL), factories.school())
    conf = {f.rule: f.confidence for f in base.findings}
    conf_h = {f.rule: f.confidence for f in hidden.findings}
    assert "discrimination" in conf_h
    assert conf_h["discrimination"] >= conf["discrimination"] - 0.2


def test_idioms_raise_no_harm_at_all():
    rate, wrong = share([(t, PARENT) for t in IDIOMS], False) if False else (None, None)
    got = [(t, flagged(t, rules=HARM, **PARENT)) for t in IDIOMS]
    wrong = [t for t, g in got if g]
    assert len(wrong) / len(got) <= 0.1, wrong


def test_profanity_alone_is_not_harassment_or_discrimination():
    rate, wrong = share([(t, PARENT) for t in PROFANITY_ONLY], False)
    assert rate >= 0.9, wrong


def test_threats_at_named_pupils_are_harassment():
    got = [(t, flagged(t, rules={"harassment"}, **PUPIL)) for t in THREATS]
    wrong = [t for t, g in got if not g]
    assert len(wrong) <= 1, wrong


@pytest.mark.parametrize("text", ["", "   ", "😂😂😂🔥", "x" * 100_000,
                                  "Year 6 had a lovely trip. " * 4000])
def test_odd_input_does_not_crash(text):
    res = ENGINE.check(factories.post(text, **PARENT), factories.school())
    for f in res.findings:
        assert f.start is None or 0 <= f.start < f.end <= len(text)


def test_a_long_post_is_read_to_the_end_not_truncated():
    text = "Lovely trip to the museum today. " * 300 + "Kacper is a fat loser and everyone hates him."
    res = ENGINE.check(factories.post(text, **PUPIL), factories.school())
    hits = [f for f in res.findings if f.rule == "harassment"]
    assert hits and hits[0].start > 9000
