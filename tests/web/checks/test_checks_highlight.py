import pytest

from socialguard.web.checks.highlight import pieces


def f(start, end, severity="block"):
    return {"start": start, "end": end, "severity": severity}


def test_it_cuts_the_text_at_each_finding_and_keeps_every_character():
    text = "Call 07700 900123 today"
    out = pieces(text, [f(5, 17)])
    assert [p.text for p in out] == ["Call ", "07700 900123", " today"]
    assert [p.findings for p in out] == [[], [0], []]
    assert "".join(p.text for p in out) == text


def test_overlapping_findings_share_a_piece_marked_with_the_worst_severity():
    out = pieces("abcdefghij", [f(2, 6, "review"), f(4, 8, "block")])
    assert [(p.text, p.findings, p.severity) for p in out] == [
        ("ab", [], None), ("cd", [0], "review"), ("ef", [0, 1], "block"),
        ("gh", [1], "block"), ("ij", [], None)]


@pytest.mark.parametrize("finding", [f(None, None), f(50, 60), f(4, 4), f(-3, 2)])
def test_it_ignores_or_clips_spans_that_are_missing_empty_or_outside_the_text(finding):
    out = pieces("hello", [finding])
    assert "".join(p.text for p in out) == "hello"
    marked = [p.text for p in out if p.marked]
    assert marked in ([], ["he"])


def test_an_empty_text_gives_no_pieces():
    assert pieces("", [f(0, 3)]) == []
