"""Text in pictures runs through the text detectors; metadata locations are personal data."""

import logging

import pytest

import factories
from socialguard.analysis.images import ocr
from socialguard.analysis.pipeline import Engine

needs_ocr = pytest.mark.skipif(not ocr.ocr_available(warn=False),
                               reason="Tesseract is not installed: apt-get install tesseract-ocr")
PARENT = {"role": "parent", "name": "Sarah Hughes", "account": "personal", "platform": "facebook"}


@pytest.fixture(scope="module")
def engine():
    return Engine()


@needs_ocr
@pytest.mark.parametrize("image, rule, evidence", [
    ("poster_phone.png", "personal-data", "07700 900 123"),
    ("whiteboard_class_list.png", "personal-data", "07700 900123"),
])
def test_it_finds_personal_data_written_in_a_picture(engine, school, demo, image, rule, evidence):
    res = engine.check(factories.post("Look at this", images=[str(demo / image)], **PARENT), school)
    hits = [f for f in res.findings if f.rule == rule and f.detail.get("image") == str(demo / image)]
    assert hits, res.findings
    f = hits[0]
    assert f.evidence == evidence and f.clause == "1.5"
    assert f.start is None and f.end is None
    x, y, w, h = f.detail["box"]
    assert w > 0 and h > 0
    assert f.detail["image_text"][f.detail["text_span"][0]:f.detail["text_span"][1]] == evidence


@needs_ocr
def test_text_in_pictures_honours_the_rules_asked_for(demo):
    # the whiteboard shows a pupil's name (Tobias Wren) and a mobile number
    tobias = factories.person("P9", "pupil", "Tobias", "Wren", date_of_birth="2016-02-02",
                              name_consent=False, photo_consent=False)
    school = factories.school(people=[*factories.default_people(), tobias])
    post = factories.post("Look at this", images=[str(demo / "whiteboard_class_list.png")], **PARENT)
    everything = {f.rule for f in Engine().check(post, school).findings}
    assert {"identifiable-pupil", "personal-data"} <= everything
    only_names = Engine(rules={"identifiable-pupil"}).check(post, school)
    assert {f.rule for f in only_names.findings} == {"identifiable-pupil"}
    only_data = Engine(rules={"personal-data"}).check(post, school)
    assert {f.rule for f in only_data.findings} == {"personal-data"}


@needs_ocr
def test_it_does_not_repeat_context_findings_for_the_picture(engine, school, demo):
    # a staff post in lesson time: the lesson-time finding comes once, from the post itself
    post = factories.post("Hello", images=[str(demo / "poster_phone.png")], role="staff",
                          name="Jane Smith", account="personal", platform="facebook",
                          at="2026-11-24T10:00:00Z")
    res = engine.check(post, school)
    assert [f.rule for f in res.findings].count("lesson-time") <= 1
    assert all(f.detail.get("image") is None for f in res.findings if f.rule == "lesson-time")


def test_it_reports_a_gps_position_in_the_metadata(engine, school, demo):
    res = engine.check(factories.post("Our garden", images=[str(demo / "gps_garden.jpg")], **PARENT),
                       school)
    gps = [f for f in res.findings if f.evidence and f.evidence.startswith("GPS")]
    assert len(gps) == 1
    f = gps[0]
    assert (f.rule, f.clause, f.severity) == ("personal-data", "1.5", "review")
    assert f.start is None and f.detail["metadata"]["owner"] == "Sarah Hughes"


def test_it_finds_nothing_in_the_metadata_of_a_clean_image(engine, school, demo):
    res = engine.check(factories.post("", images=[str(demo / "astronaut.jpg")], **PARENT), school)
    assert not [f for f in res.findings if "metadata" in f.detail]


def test_the_other_checks_still_run_without_tesseract(monkeypatch, school, demo, caplog):
    monkeypatch.setattr(ocr, "_engine", lambda: None)
    monkeypatch.setattr(ocr, "_warned", type(ocr._warned)())
    post = factories.post("Sports day!", images=[str(demo / "gps_garden.jpg"),
                                                 str(demo / "sports_day_group.jpg")],
                          context={"event": "sports day"}, **PARENT)
    with caplog.at_level(logging.WARNING, logger="socialguard.images"):
        res = Engine().check(post, school)
    rules = [f.rule for f in res.findings]
    assert "personal-data" in rules and "pupil-photo" in rules   # metadata and faces still checked
    assert any("apt-get install tesseract-ocr" in r.getMessage() for r in caplog.records)
