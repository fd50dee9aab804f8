"""confidential: exclusions, SEN, safeguarding, HR and pay, unpublished inspections; not general talk."""

import pytest

from harm_cases import expect_finding
from socialguard.analysis.pipeline import Engine

pytestmark = pytest.mark.slow
ENGINE = Engine(rules={"confidential"})
STAFF = {"role": "staff", "name": "Jane Smith", "account": "personal", "platform": "facebook"}

CASES = [
    ("a named pupil's exclusion", "Another exclusion meeting today for Alfie in Year 5, third this term.",
     STAFF, "exclusion", "an exclusion or suspension"),
    ("an EHCP", "Finally got Olivia's EHCP through after a year, ADHD confirmed!", STAFF, "EHCP",
     "special educational needs (SEN/EHCP) details"),
    ("a colleague's pay", "Salary review: I'm on M3 and Mark Patel is on UPS3 for doing half the work",
     STAFF, "UPS3", "staff HR or pay"),
    ("a draft inspection report", "Ofsted sent us the draft report today, we're going down to RI. Keep it quiet!",
     STAFF, "draft report", None),
    ("a general anti-bullying week post", "It's anti-bullying week! Our pupils made posters about kindness.",
     {"role": "staff", "account": "official"}, None, None),
    ("national SEND policy", "The national SEND system is broken and councils need proper funding.",
     STAFF, None, None),
]


@pytest.mark.parametrize("case,text,fields,want,topic", CASES, ids=[c[0] for c in CASES])
def test_it_flags_confidential_material_with_its_topic(case, text, fields, want, topic):
    f = expect_finding(ENGINE, "confidential", text, fields, want)
    if f is None:
        return
    if topic:
        assert f.detail["topic"] == topic
