import numpy as np
import pytest

from socialguard.analysis.images.faces import available_backends, detect_faces
from socialguard.analysis.images.load import load_image


@pytest.mark.parametrize("backend", available_backends())
def test_it_finds_the_astronauts_face(demo, backend):
    faces = detect_faces(load_image(demo / "astronaut.jpg").rgb, backend)
    assert len(faces) == 1
    x, y, w, h = faces[0].box
    assert 150 < x + w / 2 < 300 and 60 < y + h / 2 < 180   # her face, not the flag or suit


@pytest.mark.skipif("yunet" not in available_backends(), reason="counts are YuNet's; pip install yuface")
@pytest.mark.parametrize("name, expected", [
    ("sports_day_group.jpg", 6),
    ("cameraman.jpg", 1),
    ("whiteboard_class_list.png", 0),
    ("poster_phone.png", 0),
])
def test_it_counts_the_faces_in_the_demo_pictures(demo, name, expected):
    assert len(detect_faces(load_image(demo / name).rgb)) == expected


def test_it_finds_no_face_in_a_blank_image():
    assert detect_faces(np.full((300, 400, 3), 127, np.uint8)) == []


def test_it_sorts_faces_largest_first(demo):
    faces = detect_faces(load_image(demo / "sports_day_group.jpg").rgb)
    areas = [f.area for f in faces]
    assert areas == sorted(areas, reverse=True)
