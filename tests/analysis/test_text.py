import re

import pytest

from socialguard.analysis.text import PostText, deleet, fold


@pytest.mark.parametrize(
    ("original", "word", "evidence"),
    [
        ("you are a l\u200bo\u200bs\u200be\u200br", "loser", "l\u200bo\u200bs\u200be\u200br"),
        ("Y\u043eu idiot", "you", "Y\u043eu"),                      # Cyrillic o
        ("\uff29\uff24\uff29\uff2f\uff34", "idiot", "\uff29\uff24\uff29\uff2f\uff34"),  # fullwidth
        ("st\u00fcpid", "stupid", "st\u00fcpid"),                   # accent
        ("stu\u0308pid", "stupid", "stu\u0308pid"),                 # combining accent
        ("what a l0s3r", "loser", "l0s3r"),                         # leetspeak
        ("you b i t c h", "bitch", "b i t c h"),                    # spaced letters
        ("s.l.a.g", "slag", "s.l.a.g"),
        ("fuuuuck off", "fuuck", "fuuuuck"),                        # stretched
        ("id\u03b9\u03bft", "idiot", "id\u03b9\u03bft"),  # Greek look-alikes
    ],
)
def test_it_finds_hidden_words_and_maps_them_back_to_the_original(original, word, evidence):
    view = PostText(original).plain
    m = re.search(word, view.text)
    assert m, view.text
    assert view.evidence(m.start(), m.end()) == evidence


@pytest.mark.parametrize("text", ["07700 900123", "10:40-12:00", "Year 6, 2026", "£5 on 12/11"])
def test_it_keeps_numbers_that_are_not_leetspeak(text):
    assert fold(text).text == text.lower()
    assert deleet(fold(text)).text == text.lower().replace("£", "£")


def test_it_keeps_ordinary_words_double_letters_punctuation_and_handles():
    assert PostText("Good sheep, Aaron!").plain.text == "good sheep, aaron!"
    assert PostText("Thanks @OakfieldPrimary!!").plain.text == "thanks @oakfieldprimary!!"


def test_spans_of_an_empty_match_are_empty():
    view = PostText("abc").plain
    assert view.span(1, 1) == (1, 1)


def test_every_normalised_character_maps_inside_the_original():
    s = "Ｈｉ \u200d J\u0430ne 0n 07700 900123 ☺️ s p a c e d"
    view = PostText(s).plain
    assert len(view.index) == len(view.text)
    assert all(0 <= i < len(s) for i in view.index)
    assert list(view.index) == sorted(view.index)


@pytest.mark.parametrize("text", [
    "Great match today. Well done team!",
    "First line\nY0u are a l0$er. Second bit",
    "Z\u200bero width. s.l.a.g here. Ｆｕｌｌ width.",
])
def test_slice_views_match_normalising_the_piece(text):
    full = PostText(text)
    for start in range(len(text)):
        for end in (len(text), text.find(".", start) + 1 or len(text)):
            if end <= start:
                continue
            piece = full.slice(start, end)
            assert piece.original == text[start:end]
            alone = PostText(text[start:end])
            # cut on word boundaries the slice is what normalising the piece gives
            if (start == 0 or text[start - 1] in " \n") and (end == len(text) or text[end] in " \n."):
                assert piece.plain.text == alone.plain.text
            # evidence found in the piece's views points into the piece's own text
            k = piece.plain.text.find("loser")
            if k >= 0:
                assert piece.plain.evidence(k, k + 5) == "l0$er"
