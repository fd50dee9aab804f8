import logging

import numpy as np
import pytest

from socialguard.analysis.images import ocr
from socialguard.analysis.images.load import load_image

needs_ocr = pytest.mark.skipif(not ocr.ocr_available(warn=False),
                               reason="Tesseract is not installed: apt-get install tesseract-ocr")


@needs_ocr
def test_it_reads_the_class_list_on_the_whiteboard(demo):
    t = ocr.read_text(load_image(demo / "whiteboard_class_list.png").rgb)
    assert "Tobias Wren" in t.text and "07700 900123" in t.text


@needs_ocr
def test_it_gives_the_box_around_the_words_of_a_span(demo):
    t = ocr.read_text(load_image(demo / "whiteboard_class_list.png").rgb)
    i = t.text.index("07700 900123")
    x, y, w, h = t.box_for(i, i + len("07700 900123"))
    line = [wd for wd in t.words if wd.text in ("Mrs", "late")]
    assert all(abs(wd.box[1] - y) < 10 for wd in line)     # on the "Mrs Smith" line
    assert 300 < w < 600 and 20 < h < 70
    assert t.box_for(len(t.text) + 5, len(t.text) + 9) is None


@needs_ocr
def test_it_reads_nothing_from_a_blank_picture():
    assert ocr.read_text(np.full((200, 300, 3), 255, np.uint8)).text == ""


def test_it_warns_once_with_the_install_command_when_tesseract_is_missing(monkeypatch, caplog):
    monkeypatch.setattr(ocr, "_engine", lambda: None)
    monkeypatch.setattr(ocr, "_warned", type(ocr._warned)())
    with caplog.at_level(logging.WARNING, logger="socialguard.images"):
        assert ocr.read_text(np.zeros((10, 10, 3), np.uint8)).text == ""
        assert not ocr.ocr_available()
    msgs = [r.getMessage() for r in caplog.records]
    assert len(msgs) == 1 and "apt-get install tesseract-ocr" in msgs[0]
