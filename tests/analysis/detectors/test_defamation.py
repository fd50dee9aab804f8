"""defamation: allegations of wrongdoing stated as fact about an identifiable person; not opinions."""

import pytest

import factories
from harm_cases import expect_finding
from socialguard.analysis.pipeline import Engine

pytestmark = pytest.mark.slow
ENGINE = Engine(rules={"defamation"})
PARENT = {"role": "parent", "name": "David Brown", "account": "personal", "platform": "facebook"}

CASES = [
    ("drunk at work", "Mr Patel turned up drunk to parents' evening and should be sacked", PARENT, "drunk"),
    ("fraud", "Everyone knows Mrs Smith fiddles the school budget to pay for her holidays", PARENT,
     "fiddles the school budget"),
    ("a cover-up", "The caretaker hit my son and the school covered it up", PARENT, "hit my son"),
    ("an opinion", "Not a fan of Mrs Smith's teaching style, the homework is far too hard", PARENT, None),
    ("praise", "Mr Patel has been brilliant with our Olivia this year, thank you!", PARENT, None),
    ("a role named, no claim", "from the parent", PARENT, None),
    ("a short claim", "Mr Patel stole it", PARENT, "Mr Patel stole it"),
    ("a general warning accuses no one",
     "Warning: thieves have been stealing bikes from school racks across Norfolk this month, police say.",
     PARENT, None),
    ("news about no one here", "A drunk driver crashed near a primary school in Leeds last night, police have arrested a man.",
     PARENT, None),
    ("a small identifiable group", "Someone on the PTA pocketed the raffle money again, everyone knows it", PARENT,
     "pocketed"),
]


@pytest.mark.parametrize("case,text,fields,want", CASES, ids=[c[0] for c in CASES])
def test_it_flags_allegations_not_opinions(case, text, fields, want):
    expect_finding(ENGINE, "defamation", text, fields, want)


def test_it_names_the_roster_person_alleged_against():
    f = ENGINE.check(factories.post("Mr Patel turned up drunk to parents' evening and should be sacked", **PARENT),
                     factories.school()).findings[0]
    assert f.detail["target"] == "Mark Patel"
    assert f.severity == "block"
