"""discrimination: content against one of the Equality Act's nine characteristics, named in the finding."""

import pytest

from harm_cases import expect_finding
from socialguard.analysis.pipeline import Engine

pytestmark = pytest.mark.slow
ENGINE = Engine(rules={"discrimination"})
PUPIL = {"role": "pupil", "name": "Olivia Brown", "account": "personal", "platform": "tiktok"}
PARENT = {"role": "parent", "name": "David Brown", "account": "personal", "platform": "facebook"}

# (case, text, fields, span must contain, characteristic) ; characteristic None = no finding
CASES = [
    ("go back to your country", "go back to Poland Kacper, nobody wants u here", PUPIL, "go back to Poland", "race"),
    ("an obfuscated slur", "Kacper is such a p@k1 lol", PUPIL, "p@k1", "race"),
    ("a zero-width slur", "Kacper is a f\u200ba\u200bg", PUPIL, "f\u200ba\u200bg", "sexual orientation"),
    ("religion", "Muslims shouldn't be allowed to teach in our schools, they're all the same", PARENT,
     "Muslims", "religion or belief"),
    ("disability", "The SEN kids are dragging the whole class down, they should be sent somewhere else",
     PARENT, "SEN kids", "disability"),
    ("pregnancy", "Typical, another teacher off on maternity leave. They shouldn't hire women who want babies",
     PARENT, "hire women", None),  # either sex or pregnancy is a fair reading: checked below
    ("a derogatory generalisation", "Honestly these refugees are parasites living off our taxes", PARENT,
     "refugees are parasites", "race"),
    ("cigarettes, in British English", "Anyone selling cheap fags? Mine ran out", PARENT, None, None),
    ("a stance against a barrier", "I hate that disabled people still face barriers in sport", PARENT, None, None),
    ("a lesson on the Equality Act", "Year 6 learned about the Equality Act and the nine protected "
     "characteristics today, including race, religion and disability.", {"role": "staff", "account": "official"},
     None, None),
    ("counter-speech", "Someone shouted a racist slur at my daughter on the bus. It is never okay and I have "
     "reported it to the school.", PARENT, None, None),
    ("an identity term used neutrally", "Happy Eid to all our Muslim families celebrating this week!",
     {"role": "staff", "account": "official"}, None, None),
    ("own pregnancy news", "Some news: I'm pregnant! Mat leave from Easter, I'll miss my class.",
     {"role": "staff", "account": "personal"}, None, None),
]


@pytest.mark.parametrize("case,text,fields,want,char", CASES, ids=[c[0] for c in CASES])
def test_it_flags_discrimination_and_names_the_characteristic(case, text, fields, want, char):
    f = expect_finding(ENGINE, "discrimination", text, fields, want)
    if f is None:
        return
    if char is None:
        assert f.detail["characteristic"] in ("sex", "pregnancy and maternity")
    else:
        assert f.detail["characteristic"] == char
    assert f.detail["characteristic"] in f.message
    assert f.detail["characteristic_id"] == f.detail["characteristic"].replace(" and ", "-").replace(
        " or ", "-").replace(" ", "-")


def test_a_post_with_no_characteristic_words_is_named_by_the_nearest_training_group():
    from socialguard.analysis.detectors.base import CheckInput
    from socialguard.analysis.detectors.discrimination import characteristic
    from socialguard.analysis.harms import harm_model
    from socialguard.analysis.lexicons import CHARACTERISTICS
    from socialguard.analysis.post import Post
    inp = CheckInput(Post.from_dict({"id": "c1", "text": "People like that should not be let near children."}), None)
    harm_model().prepare([inp])
    assert characteristic(inp, None) in CHARACTERISTICS
