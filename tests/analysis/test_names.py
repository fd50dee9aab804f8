"""Roster name matching: who a post names, and where, in the original text."""

import pytest

import factories as f
from socialguard.analysis.detectors.base import CheckInput
from socialguard.analysis.names import author_is, roster_mentions, school_index


def mentions(text: str, school=None):
    inp = CheckInput(f.post(text), school or f.school())
    return [(text[m.start:m.end], m.person.id, m.kind) for m in roster_mentions(inp)]


@pytest.mark.parametrize("text, expected", [
    ("Alfie Hughes won the race", [("Alfie Hughes", "P1", "full")]),
    ("Alexander Hughes won the race", [("Alexander Hughes", "P1", "full")]),
    ("well done Alfie!", [("Alfie", "P1", "preferred")]),
    ("Proud of Xander today", [("Xander", "P1", "nickname")]),
    ("Proud of Liv today", [("Liv", "P2", "nickname")]),
    ("Star of the week: Olivia B.", [("Olivia B", "P2", "first")]),
    ("Well done Grace Okafor", [("Grace Okafor", "P4", "full")]),
    ("the Hughes boy again", [("the Hughes boy", "P1", "surname")]),
    ("Thanks Mrs Smith", [("Mrs Smith", "S1", "surname")]),
    ("Lovely to see Olivia Brwn there", [("Olivia Brwn", "P2", "fuzzy")]),
    ("Lovely to see Kacpar today", [("Kacpar", "P3", "fuzzy")]),
    ("Kacper's bag was left behind", [("Kacper", "P3", "first")]),
    ("follow @kacper2015 lol", [("kacper2015", "P3", "first")]),
    ("Kacper I think you dropped this", [("Kacper", "P3", "first")]),
])
def test_it_finds_roster_names_in_their_forms(text, expected):
    assert mentions(text) == expected


@pytest.mark.parametrize("text", [
    "Grace period for the forms ends Friday",
    "we said grace before lunch",
    "Will you come to the fair?",
    "Olivia K was there",            # an Olivia, but not ours (wrong initial)
    "Harry Potter night at the library",
    "nobody was named here",
    "Mark my words, it will rain",
])
def test_it_ignores_common_words_and_other_people(text):
    assert [m for m in mentions(text) if m[1].startswith("P")] == []


@pytest.mark.parametrize("text, shown", [
    ("Well done A\u200blfie", "A\u200blfie"),            # zero-width space inside
    ("Well done \u0410lfie", "\u0410lfie"),              # Cyrillic capital A
    ("Well done \uff21lfie", "\uff21lfie"),              # fullwidth A
    ("Well done A l f i e", "A l f i e"),                # spaced letters
])
def test_it_sees_through_obfuscation_and_reports_original_offsets(text, shown):
    assert mentions(text) == [(shown, "P1", "preferred")]


def test_it_builds_the_index_once_per_school():
    school = f.school()
    assert school_index(school) is school_index(school)


def test_it_caches_mentions_on_the_post():
    inp = CheckInput(f.post("Alfie Hughes"), f.school())
    assert roster_mentions(inp) is roster_mentions(inp)


def test_it_knows_the_author():
    school = f.school()
    inp = CheckInput(f.post("hi", role="parent", name="Sarah Hughes"), school)
    assert author_is(school.by_id["R1"], inp)
    assert not author_is(school.by_id["R2"], inp)


def other_school():
    p = f.person
    return f.school(people=[
        p("Q1", "pupil", "Summer", "O'Neill", year_group="5"),
        p("Q2", "pupil", "Grace", "Smith-Jones", year_group="4"),
        p("Q3", "pupil", "William", "Hope", preferred_name="Will", year_group="6"),
        p("Q4", "pupil", "Zoë", "Wiśniewska", year_group="3"),
        p("Q6", "pupil", "Lily-Mae", "Turner", year_group="5"),
        p("Q7", "pupil", "Mohammed", "Ali", preferred_name="Mo", year_group="4"),
        p("S1", "staff", "Mark", "Jackson"),
    ])


@pytest.mark.parametrize("text, expected", [
    ("Well done Summer for her poem", [("Summer", "Q1")]),
    ("Summer O'Neill won the race", [("Summer O'Neill", "Q1")]),
    ("Summer's reading book is due back", [("Summer", "Q1")]),
    ("Summer term starts on Monday!", []),
    ("Summer is here at last", []),
    ("Congratulations to Grace Smith-Jones!", [("Grace Smith-Jones", "Q2")]),
    ("Grace Smith Jones was brilliant", [("Grace Smith Jones", "Q2")]),
    ("Grace before meals is a tradition here", []),
    ("Will you join us for the fair?", []),
    ("Will Hope scored twice!", [("Will Hope", "Q3")]),
    ("Zoe W in Year 3 read beautifully", [("Zoe W", "Q4")]),
    ("Zoë Wisniewska read beautifully", [("Zoë Wisniewska", "Q4")]),
    ("Lily Mae Turner was a star", [("Lily Mae Turner", "Q6")]),
    ("Lily-Mae and Mo were stars", [("Lily-Mae", "Q6"), ("Mo", "Q7")]),
    ("Half a mo, update coming", []),
    ("Mo Salah visited!", []),
    ("We hope you all have a lovely half term", []),
])
def test_it_handles_names_that_are_words_hyphens_and_accents(text, expected):
    got = [(s, pid) for s, pid, _ in mentions(text, other_school()) if pid.startswith("Q")]
    assert got == expected


def test_a_real_first_name_beats_a_diminutive_of_another():
    school = f.school(people=f.default_people() + [f.person("P9", "pupil", "Liv", "Tyler")])
    assert mentions("Well done Liv!", school) == [("Liv", "P9", "first")]
