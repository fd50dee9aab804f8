"""disrepute: demeaning, obscene or reckless posts that may bring the school into disrepute."""

import pytest

import factories
from harm_cases import expect_finding
from socialguard.analysis.pipeline import Engine

pytestmark = pytest.mark.slow
ENGINE = Engine(rules={"disrepute"})
STAFF = {"role": "staff", "name": "Jane Smith", "account": "personal", "platform": "x"}
OFFICIAL = {"role": "staff", "name": "Oakfield Primary School", "account": "official", "platform": "facebook"}

CASES = [
    ("staff mocking parents", "Parents' evening tonight. Half these parents can barely read, explains their feral kids",
     STAFF, "feral kids", None),
    ("the official account mocking another school", "Great results! Unlike the thickos down the "
     "road at Westgate Primary 😂", OFFICIAL, "thickos", "block"),
    ("drugs", "Anyone want some 'herbal' for the weekend? DM me 🌿😉", STAFF, "herbal", None),
    ("an anti-vaccine governor", "As a governor at Oakfield I won't be encouraging families to get the flu "
     "vaccine, it causes autism. Do your own research!", {"role": "governor", "account": "personal"},
     "vaccine", None),
    ("a proud official post", "What a fantastic harvest festival, thank you to all our families for the "
     "donations to the food bank!", OFFICIAL, None, None),
    ("a staff night out", "Lovely meal with colleagues to celebrate the end of term 🍝", STAFF, None, None),
]


@pytest.mark.parametrize("case,text,fields,want,severity", CASES)
def test_it_flags_disrepute_and_spares_ordinary_posts(case, text, fields, want, severity):
    f = expect_finding(ENGINE, "disrepute", text, fields, want, clauses=("1.5", "2.1", "2.2"))
    if f is None:
        return
    if severity:
        assert f.severity == severity
