"""Text normalisation that keeps offsets into the original.

Zero-width characters, homoglyphs (Cyrillic/Greek look-alikes, fullwidth forms),
accents, leetspeak, stretched letters and spaced-out letters are all ways to hide a word
from a filter. Detectors match on the normalised views and report spans in the original,
so the evidence a teacher sees is exactly what was posted.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from dataclasses import dataclass
from functools import cached_property

# Look-alikes that NFKC leaves alone (it folds fullwidth and maths letters, not scripts).
_HOMOGLYPHS = {
    # Cyrillic
    "а": "a", "в": "b", "е": "e", "ё": "e", "к": "k", "м": "m", "н": "h", "о": "o", "р": "p",
    "с": "c", "т": "t", "у": "y", "х": "x", "ѕ": "s", "і": "i", "ї": "i", "ј": "j", "һ": "h",
    "ԁ": "d", "ԛ": "q", "ԝ": "w", "ɡ": "g", "ո": "n", "ս": "u",
    # Greek
    "α": "a", "β": "b", "γ": "y", "ε": "e", "η": "n", "ι": "i", "κ": "k", "ν": "v", "ο": "o",
    "ρ": "p", "τ": "t", "υ": "u", "χ": "x", "ω": "w", "ϲ": "c",
    # Latin oddities
    "ı": "i", "ł": "l", "ø": "o", "đ": "d", "ß": "ss", "æ": "ae", "œ": "oe",
    # Curly and modifier apostrophes (phones type these): "I’m 12" must read as "i'm 12"
    "\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u2032": "'", "\uff07": "'",
}
# Capitals that look like a different Latin capital than their lower case does ("Η" is an H,
# "η" an n): mapped before lower-casing.
_CAPITAL_HOMOGLYPHS = {
    "Α": "a", "Β": "b", "Ε": "e", "Ζ": "z", "Η": "h", "Ι": "i", "Κ": "k", "Μ": "m", "Ν": "n",
    "Ο": "o", "Ρ": "p", "Τ": "t", "Υ": "y", "Χ": "x",
    "А": "a", "В": "b", "Е": "e", "К": "k", "М": "m", "Н": "h", "О": "o", "Р": "p", "С": "c",
    "Т": "t", "Х": "x", "Ѕ": "s", "І": "i", "Ј": "j",
}
_LEET = {"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "8": "b", "9": "g",
         "@": "a", "$": "s", "!": "i", "|": "l", "€": "e", "£": "l"}
_INVISIBLE_EXTRA = {"\u00ad", "\u034f", "\u115f", "\u1160", "\u3164", "\uffa0"}


def _is_invisible(ch: str) -> bool:
    if ch in _INVISIBLE_EXTRA:
        return True
    cat = unicodedata.category(ch)
    # Cf: zero-width space/joiners, bidi marks; Mn variation selectors ride on emoji.
    return cat == "Cf" or "\ufe00" <= ch <= "\ufe0f"


@dataclass(frozen=True)
class NormText:
    """A normalised view of ``original``; ``index[i]`` is the original offset of ``text[i]``."""

    original: str
    text: str
    index: tuple[int, ...]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original [start, end) for normalised [start, end)."""
        if start >= end or not self.index:
            o = self.index[start] if start < len(self.index) else len(self.original)
            return o, o
        a = self.index[start]
        b = self.index[end - 1] + 1
        # A folded character may stand for a surrogate-free cluster in the original
        # (e.g. 'a' + combining accent): widen to cover its marks.
        while b < len(self.original) and unicodedata.combining(self.original[b]):
            b += 1
        return a, b

    def evidence(self, start: int, end: int) -> str:
        a, b = self.span(start, end)
        return self.original[a:b]


def _rebuild(base: NormText, pieces: list[tuple[str, int]]) -> NormText:
    """pieces: (new characters, index into base.text they came from)."""
    chars: list[str] = []
    idx: list[int] = []
    for s, i in pieces:
        o = base.index[i]
        for c in s:
            chars.append(c)
            idx.append(o)
    return NormText(base.original, "".join(chars), tuple(idx))


def fold(text: str) -> NormText:
    """Lower case, no invisibles, no accents, homoglyphs and fullwidth forms mapped to ASCII."""
    if text.isascii():  # most posts: only lower-casing to do
        return NormText(text, text.lower(), tuple(range(len(text))))
    chars: list[str] = []
    idx: list[int] = []
    for i, ch in enumerate(text):
        if ord(ch) < 128:
            chars.append(ch.lower())
            idx.append(i)
            continue
        if _is_invisible(ch):
            continue
        if unicodedata.combining(ch):
            continue
        low = ch.lower()
        mapped = _CAPITAL_HOMOGLYPHS.get(ch) or _HOMOGLYPHS.get(low)
        if mapped is None:
            decomposed = unicodedata.normalize("NFKD", low)
            mapped = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
            mapped = _HOMOGLYPHS.get(mapped, mapped) if len(mapped) == 1 else mapped
            if not mapped:
                continue
        for c in mapped:
            chars.append(c)
            idx.append(i)
    return NormText(text, "".join(chars), tuple(idx))


_WORDISH = re.compile(r"[a-z0-9@$!|€£*]+")
_SPACED = re.compile(r"(?<![a-z])(?:[a-z][ .\-_*·•]{1,2}){2,}[a-z](?![a-z])")
_STRETCH = re.compile(r"([a-z])\1{2,}")


def deleet(base: NormText) -> NormText:
    """Undo leetspeak inside words that have letters, join spaced letters, shorten stretches.

    Only tokens that mix digits/symbols with letters are changed, so '07700 900123' and
    '10:40' keep their digits: the personal-data detectors use ``fold`` anyway.
    """
    step = base
    if _LEETY.search(base.text):  # else no word mixes letters with leet characters: nothing to map
        step = _unleet(base)

    # b i t c h -> bitch ; s.l.a.g -> slag
    t = step.text
    pieces = []
    pos = 0
    for m in _SPACED.finditer(t):
        pieces.extend((t[i], i) for i in range(pos, m.start()))
        pieces.extend((t[i], i) for i in range(m.start(), m.end()) if t[i].isalpha())
        pos = m.end()
    if pos:
        pieces.extend((t[i], i) for i in range(pos, len(t)))
        step = _rebuild(step, pieces)

    # fuuuuck -> fuuck (two kept: 'good', 'sheep' stay words)
    t = step.text
    if _STRETCH.search(t):
        pieces = []
        pos = 0
        for m in _STRETCH.finditer(t):
            pieces.extend((t[i], i) for i in range(pos, m.start()))
            pieces.extend([(t[m.start()], m.start()), (t[m.start()], m.start() + 1)])
            pos = m.end()
        pieces.extend((t[i], i) for i in range(pos, len(t)))
        step = _rebuild(step, pieces)
    return _respell(step)


# a word, or a word with letters masked ("sc*m"): a letter first, at most two letters hidden
_LETTERS = re.compile(r"(?<![@a-z0-9'*])(?:[a-z]{3,}|[a-z]+\*{1,2}[a-z*]*)(?![a-z0-9*])")


def _respell(base: NormText) -> NormText:
    """Misspelt group words, slurs and insults spelt back ("wmoen" -> "women", see
    ``spelling``); a restored word's letters all point into the misspelt one."""
    from socialguard.analysis.spelling import respell
    t = base.text
    pieces: list[tuple[str, int]] = []
    pos = 0
    for m in _LETTERS.finditer(t):
        word = respell(m.group())
        if word is None:
            continue
        pieces.extend((t[i], i) for i in range(pos, m.start()))
        last = m.end() - 1
        pieces.extend((c, min(m.start() + k, last)) for k, c in enumerate(word))
        pos = m.end()
    if not pieces:
        return base
    pieces.extend((t[i], i) for i in range(pos, len(t)))
    return _rebuild(base, pieces)


# a word with a letter and a leet character: the only case _unleet changes anything
_LEETY = re.compile(r"[a-z][a-z0-9@$!|€£*]*[0-9@$!|€£]|[0-9@$!|€£][a-z0-9@$!|€£*]*[a-z]")


def _unleet(base: NormText) -> NormText:
    t = base.text
    pieces: list[tuple[str, int]] = []
    pos = 0
    for m in _WORDISH.finditer(t):
        pieces.extend((t[i], i) for i in range(pos, m.start()))
        tok = m.group()
        # A trailing '!' or '|' is punctuation, and a leading '@' is a handle, not leetspeak.
        core_start = 1 if tok.startswith("@") else 0
        core_end = len(tok.rstrip("!|")) or len(tok)
        has_alpha = any(c.isalpha() for c in tok)
        leety = has_alpha and any(c in _LEET for c in tok) and not tok.isdigit()
        for k, c in enumerate(tok):
            mapped = _LEET.get(c, c) if leety and core_start <= k < core_end else c
            pieces.append((mapped, m.start() + k))
        pos = m.end()
    pieces.extend((t[i], i) for i in range(pos, len(t)))
    return _rebuild(base, pieces)


@dataclass(frozen=True)
class PostText:
    """The views of a post's text that detectors share, computed once per post."""

    original: str

    @cached_property
    def folded(self) -> NormText:
        return fold(self.original)

    @cached_property
    def plain(self) -> NormText:
        return deleet(self.folded)

    def slice(self, start: int, end: int) -> "PostText":
        """The views of ``original[start:end]``, cut from this text's views rather than
        normalised again (a chunk or sentence of a post costs nothing extra)."""
        sub = PostText(self.original[start:end])
        for name in ("folded", "plain"):
            view: NormText = getattr(self, name)
            a = bisect_left(view.index, start)
            b = bisect_left(view.index, end)
            sub.__dict__[name] = NormText(sub.original, view.text[a:b],
                                          tuple(i - start for i in view.index[a:b]))
        return sub
