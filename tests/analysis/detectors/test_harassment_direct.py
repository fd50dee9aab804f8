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
    "In PSHE we wrote down things like 'you're so fat' and talked about why they hurt.",
])
def test_it_spares_support_reports_quotes_and_kindness(engine, text):
    assert engine.check(factories.post(text)).findings == []
