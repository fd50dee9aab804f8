"""grievance: complaints about the school or trust aired on social media (block for staff, review for parents)."""

import pytest

import factories
from socialguard.analysis.pipeline import Engine

pytestmark = pytest.mark.slow
ENGINE = Engine(rules={"grievance"})
PARENT = {"role": "parent", "name": "David Brown", "account": "personal", "platform": "facebook"}
STAFF = {"role": "staff", "name": "Jane Smith", "account": "personal", "platform": "x"}

CASES = [
    ("a parent complaining", "The school dinners at Oakfield are a disgrace, my son came home starving again. "
     "Nobody listens.", PARENT, "disgrace", "review", "2.4"),
    ("staff airing an internal grievance", "SLT at Oakfield have no idea what goes on in classrooms. Another "
     "pointless INSET while behaviour is out of control.", STAFF, "SLT", "block", "2.1"),
    ("criticism of national policy", "School funding in England has been cut in real terms for a decade. "
     "Write to your MP.", STAFF, None, None, None),
    ("a concern taken to the school", "Had a really helpful meeting with the head about Olivia's reading, "
     "thank you Oakfield!", PARENT, None, None, None),
]


@pytest.mark.parametrize("case,text,fields,want,severity,clause", CASES, ids=[c[0] for c in CASES])
def test_it_flags_grievances_with_the_audience_severity(case, text, fields, want, severity, clause):
    result = ENGINE.check(factories.post(text, **fields), factories.school())
    found = [f for f in result.findings if f.rule == "grievance"]
    if want is None:
        assert found == [], found[0].evidence
        return
    assert found, f"missed: {text}"
    f = found[0]
    assert want in text[f.start:f.end]
    assert f.severity == severity
    assert f.clause == clause
