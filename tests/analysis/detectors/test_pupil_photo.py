"""pupil-photo (2.4): who posts, where the photo was taken, and who is in it.

Text-only cases name images that are not supplied (as the API and the labelled data
do), so the text and context decide; picture cases use the demo images, whose faces
are counted.
"""

from pathlib import Path

import numpy as np
import pytest

import factories
import socialguard.demo.images as demo_images
from socialguard.analysis.pipeline import Engine
from socialguard.demo.images._make import compose_faces

ENGINE = Engine(rules={"pupil-photo"})
DEMO = Path(demo_images.__file__).parent
NOT_SUPPLIED = ["img/photo.jpg"]          # relative, no base_dir: decided from the words
PARENT = {"role": "parent", "name": "Sarah Hughes", "account": "personal", "platform": "facebook"}
FAMILY = {"role": "family", "name": "Grandad Joe", "account": "personal", "platform": "facebook"}
STAFF = {"role": "staff", "name": "Jane Smith", "account": "personal", "platform": "instagram"}
PUPIL = {"role": "pupil", "name": "Kacper Nowak", "account": "personal", "platform": "snapchat"}
OFFICIAL = {"role": "staff", "name": "Oakfield Primary School", "account": "official",
            "platform": "facebook"}


def ev(event=None, site=None):
    ctx = {}
    if event:
        ctx["event"] = event
    if site is not None:
        ctx["on_school_site"] = site
    return {"context": ctx}


# (case, text, author fields, context, images, expected: None or (rule, clause, severity))
CASES = [
    ("whole class at the nativity", "Alfie with the whole class at the nativity", PARENT,
     ev("nativity", True), NOT_SUPPLIED, ("pupil-photo", "2.4", "block")),
    ("another named child", "Alfie and Olivia at the Christmas fair, best buddies", PARENT,
     ev("Christmas fair", True), NOT_SUPPLIED, ("pupil-photo", "2.4", "block")),
    ("a family member's group shot", "So proud of them all at sports day!", FAMILY,
     ev("sports day", True), NOT_SUPPLIED, ("pupil-photo", "2.4", "block")),
    ("a school event off site", "Carol service at St Mary's, her whole class singing", PARENT,
     ev("carol service at St Mary's", False), NOT_SUPPLIED, ("pupil-photo", "2.4", "block")),
    ("children in the background", "Alfie in his ears (sorry for the other kids in the back!)",
     PARENT, ev("Children in Need", True), NOT_SUPPLIED, ("pupil-photo", "2.4", "review")),
    ("no words on who is pictured", "Harvest festival!", PARENT, ev("harvest festival", True),
     NOT_SUPPLIED, ("pupil-photo", "2.4", "review")),
    ("'our school' is not 'our child'", "Our school sports day was brilliant", PARENT,
     ev("sports day", True), NOT_SUPPLIED, ("pupil-photo", "2.4", "review")),
    ("the event only in the text", "Sports day at last, look at this lot", PARENT, ev(),
     NOT_SUPPLIED, ("pupil-photo", "2.4", "block")),
    ("staff personal post of a class trip", "Y5 on the coach back from the museum, shattered!",
     STAFF, ev(), NOT_SUPPLIED, ("pupil-photo", "2.4", "block")),
    ("a pupil posting classmates", "lunch crew @ollie @dami", PUPIL, ev(None, True),
     NOT_SUPPLIED, ("pupil-photo", "2.4", "review")),
    ("official post of a pupil without photo consent", "Well done Alfie Hughes, star of the week!",
     OFFICIAL, ev("celebration assembly", True), NOT_SUPPLIED, ("identifiable-pupil", "1.5", "block")),
    # hard negatives
    ("only the author's own child", "Our Alfie at the nativity tonight", PARENT,
     ev("nativity", True), NOT_SUPPLIED, None),
    ("just my boy", "Just my boy and his medal", PARENT, ev("sports day", True), NOT_SUPPLIED, None),
    ("a private party off site", "Alfie's party, thanks to all his friends for coming!", PARENT,
     ev("birthday party at a soft play centre", False), NOT_SUPPLIED, None),
    ("at home, not at school", "First day in Year 5!", PARENT, ev(None, False), NOT_SUPPLIED, None),
    ("no picture at all", "Lovely sports day, well done everyone", PARENT, ev("sports day", True),
     [], None),
    ("staff drinking photo mentions the kids", "don't tell the kids lol", STAFF, ev(), NOT_SUPPLIED,
     None),
    ("a staff photo of a trip list document", "Y5 trip list for tomorrow", STAFF, ev(), NOT_SUPPLIED,
     None),
    ("official post of a consented pupil", "Well done Olivia Brown, star of the week!", OFFICIAL,
     ev("celebration assembly", True), NOT_SUPPLIED, None),
    ("a pupil's photo with no one named", "snap from the back of the hall", PUPIL, ev(None, True),
     NOT_SUPPLIED, None),
    # pictures that can be looked at: the faces decide
    ("six faces at sports day", "Sports day!", PARENT, ev("sports day", True),
     [str(DEMO / "sports_day_group.jpg")], ("pupil-photo", "2.4", "block")),
    ("one face, about the author's own child", "Our Alfie at sports day", PARENT,
     ev("sports day", True), [str(DEMO / "astronaut.jpg")], None),
    ("three photos of the author's own child", "Our Alfie at sports day", PARENT,
     ev("sports day", True), [str(DEMO / "astronaut.jpg")] * 3, None),
    ("one face, not said to be their child", "Sports day!", PARENT, ev("sports day", True),
     [str(DEMO / "astronaut.jpg")], ("pupil-photo", "2.4", "review")),
    ("no face in the picture", "Sports day: the whole class made this", PARENT,
     ev("sports day", True), [str(DEMO / "poster_phone.png")], None),
    ("staff personal post with faces at school", "Great day with Y4 today", STAFF,
     ev("sports day", True), [str(DEMO / "sports_day_group.jpg")], ("pupil-photo", "2.4", "block")),
    ("a pupil's photo of several faces", "us lot", PUPIL, ev(None, True),
     [str(DEMO / "sports_day_group.jpg")], ("pupil-photo", "2.4", "review")),
]


@pytest.mark.parametrize("case, text, author, ctx, images, expected", CASES, ids=[c[0] for c in CASES])
def test_pupil_photo(school, case, text, author, ctx, images, expected):
    post = factories.post(text, images=images, **author, **ctx)
    res = Engine(rules={"pupil-photo"}).check(post, school)
    got = [(f.rule, f.clause, f.severity) for f in res.findings if "image_error" not in f.detail]
    if expected is None:
        assert got == []
    else:
        assert expected in got
        for f in res.findings:
            assert f.start is None and f.end is None   # a finding about the picture, not a span


def test_it_reports_an_unreadable_image_and_still_checks_the_post(school, tmp_path):
    bad = tmp_path / "photo.jpg"
    bad.write_text("not a picture")
    post = factories.post("So proud of them all", images=[str(bad), str(tmp_path / "gone.jpg")],
                          **PARENT, **ev("sports day", True))
    res = ENGINE.check(post, school)
    errors = [f for f in res.findings if "image_error" in f.detail]
    assert [f.detail["image_error"] for f in errors] == [
        "not an image (or a format that cannot be read)"]   # the missing file is only warned of
    assert all(f.severity == "review" and f.clause == "2.4" for f in errors)
    assert any(f.severity == "block" and "several children" in f.message for f in res.findings)


def test_it_resolves_images_against_the_posts_folder(school):
    post = factories.post("Sports day!", images=["sports_day_group.jpg"], **PARENT,
                          **ev("sports day", True))
    post.base_dir = DEMO
    res = ENGINE.check(post, school)
    assert res.findings and res.findings[0].detail["faces"] == 6


def test_it_calls_small_faces_behind_the_authors_child_background(school, tmp_path):
    im, boxes = compose_faces((1600, 1000), [320, 46, 44], np.random.default_rng(3))
    p = tmp_path / "wide.jpg"
    im.save(p, quality=92)
    post = factories.post("Our Alfie at sports day", images=[str(p)], **PARENT,
                          **ev("sports day", True))
    f = ENGINE.check(post, school).findings
    assert len(f) == 1 and f[0].severity == "review" and "background" in f[0].message
