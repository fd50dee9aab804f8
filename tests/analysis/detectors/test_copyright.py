"""copyright: stock images by file name, "not my photo", copied articles and lyrics; not links or own work."""

import pytest

import factories
from harm_cases import expect_finding
from socialguard.analysis.pipeline import Engine

pytestmark = pytest.mark.slow
ENGINE = Engine(rules={"copyright"})
OFFICIAL = {"role": "staff", "name": "Oakfield Primary School", "account": "official", "platform": "facebook"}
PARENT = {"role": "parent", "name": "David Brown", "account": "personal", "platform": "facebook"}

CASES = [
    ("not my photo", "Love this! (not my photo, credit to the owner)", dict(PARENT, images=["img/a.jpg"]),
     "not my photo", "review"),
    ("a copied paywalled article", "Copied the whole Times article for anyone without a subscription, it's "
     "behind the paywall so here it is in full:", PARENT, "Copied the whole", "review"),
    ("a link to the article", "Great piece in the local paper about our choir: https://news.example/choir",
     PARENT, None, None),
    ("the school's own photo", "Our Year 4 gardeners with the pumpkins they grew 🎃", dict(OFFICIAL, images=["img/y4.jpg"]),
     None, None),
]


@pytest.mark.parametrize("case,text,fields,want,severity", CASES, ids=[c[0] for c in CASES])
def test_it_flags_reposted_material(case, text, fields, want, severity):
    f = expect_finding(ENGINE, "copyright", text, fields, want)
    if f is None:
        return
    assert f.severity == severity


@pytest.mark.parametrize("image,official,severity", [
    ("img/shutterstock_1234567.jpg", True, "block"),
    ("img/gettyimages-98765.jpg", True, "block"),
    ("img/istockphoto-555_preview.jpg", False, "review"),
])
def test_it_flags_stock_library_images_by_file_name(image, official, severity):
    fields = OFFICIAL if official else PARENT
    result = ENGINE.check(factories.post("Happy half term everyone!", images=[image], **fields),
                          factories.school())
    f = [f for f in result.findings if f.rule == "copyright" and f.start is None][0]
    assert f.evidence == image
    assert f.severity == severity


def test_it_ignores_an_ordinary_image_file_name():
    result = ENGINE.check(factories.post("Sports day!", images=["img/IMG_2041.jpg"], **OFFICIAL),
                          factories.school())
    assert [f for f in result.findings if f.rule == "copyright"] == []
