"""Misspellings that hide a word (``spelling``) and the English check that must not take
text-speak for a foreign language (``lexicons.looks_english``)."""

import pytest

from socialguard.analysis.lexicons import looks_english
from socialguard.analysis.spelling import respell
from socialguard.analysis.text import PostText


@pytest.mark.parametrize("written,meant", [
    ("mslms are scum", "muslims are scum"),          # vowels left out
    ("i hate wmoen", "i hate women"),                # two letters swapped
    ("womn are inferior", "women are inferior"),     # a letter left out
    ("trnnies out", "trannies out"),
    ("ihatewomen", "i hate women"),                  # spaces taken away
    ("stpuid idoits", "stupid idiots"),
    ("they are sc*m", "they are scum"),              # letters masked
    ("f**king idiots", "fucking idiots"),
])
def test_a_misspelt_group_word_slur_or_insult_is_spelt_back(written, meant):
    assert PostText(written).plain.text == meant


@pytest.mark.parametrize("word", [
    "cons", "trains", "slt", "fml", "blackboard", "whitehurst", "schoolgirl", "colouring",
    "homophobic", "snitches", "brackenfield", "tash", "5*", "f***",
])
def test_real_words_abbreviations_compounds_and_names_are_left_alone(word):
    assert respell(word) is None


def test_the_evidence_of_a_respelt_word_is_what_was_posted():
    pt = PostText("Honestly mslms are the worst")
    at = pt.plain.text.index("muslims")
    assert pt.plain.evidence(at, at + len("muslims")) == "mslms"


@pytest.mark.parametrize("text", [
    "trnnies shld b bannd frm the girls loos",
    "u r such a loser ngl nobody likes u at all",
    "user triggered faggot maga presidenttrump",      # abuse is English however spelt
    "#NoMoreBullying #BeKind well done to the whole of year six today",
])
def test_text_speak_slang_and_hashtags_are_english(text):
    assert looks_english(text) is True


@pytest.mark.parametrize("text", [
    "Hola a todos, la reunión de padres es el jueves por la tarde",
    "Bonjour à tous, la réunion des parents aura lieu jeudi",
    "Dzisiaj nasze dzieci pojechały na wycieczkę do muzeum",
])
def test_french_spanish_and_polish_are_not(text):
    assert looks_english(text) is False
