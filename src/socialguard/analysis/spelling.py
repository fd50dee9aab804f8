"""Misspelt identity words, slurs and insults, spelt back ("wmoen", "mslms", "trnnies",
"ihatewomen" -> "women", "muslims", "trannies", "i hate women").

Leetspeak, look-alikes and spaced letters are undone by ``text.deleet``; this is the other
way people slip a word past a filter: a letter dropped or swapped, the vowels left out, or
the spaces taken away. Only words that matter to the harm detectors are restored (the
Equality Act group words, slurs, insults and swearing of ``lexicons``), and a variant that
is itself an English word is never touched ("cons" is not "coons"): the English words are
the whole words of the shipped MiniLM tokenizer's vocabulary.
"""

from __future__ import annotations

import re
from functools import lru_cache

_VOWELS = set("aeiou")
_WORD = re.compile(r"[a-z]+")


@lru_cache(maxsize=1)
def english() -> frozenset[str]:
    """Whole English words (the tokenizer's vocabulary, with plural -s forms)."""
    from socialguard.analysis.lexicons import _english_vocab
    words = _english_vocab()
    return frozenset(words | {w + "s" for w in words if len(w) > 2} | {"i", "a"})


def _targets() -> set[str]:
    from socialguard.analysis.lexicons import CUES, _read_tsv
    out = {t for t, _ in _read_tsv("slurs.txt")}
    for _, terms in _read_tsv("characteristics.txt"):
        out.update(terms.split("|"))
    out.update(CUES["insult"])
    out.update(CUES["profanity"])
    out.update(("muslims", "muslim", "jews", "jewish", "christians", "hindus", "sikhs", "immigrants",
                "migrants", "refugees", "foreigners", "women", "woman", "females", "lesbians", "gays",
                "homosexuals", "bisexuals", "transgender", "disabled", "pensioners", "travellers",
                "gypsies", "pakistanis", "africans", "asians", "romanians", "pregnant", "elderly",
                "scum", "vermin", "rats", "animals", "filth", "trash", "idiots", "morons", "freaks",
                "parasites", "disgusting", "worthless", "useless", "pathetic", "savages", "subhuman"))
    out |= {t + "s" for t in out if not t.endswith("s")}
    return {t for t in out if t.isalpha() and len(t) >= 4}


def _variants(term: str) -> set[str]:
    """Ways ``term`` is misspelt on purpose: every vowel left out, one inner letter left out,
    two neighbouring inner letters swapped. Short forms are left alone: three consonants
    ("slt", "fml") are more often an abbreviation than a disguise."""
    out = set()
    skeleton = term[0] + "".join(c for c in term[1:] if c not in _VOWELS)
    if len(skeleton) >= 4:
        out.add(skeleton)
    if len(term) >= 5:
        # from a short word only a vowel may go: "womn" is "women", "tash" is not "trash"
        out.update(term[:i] + term[i + 1:] for i in range(1, len(term) - 1)
                   if len(term) >= 6 or term[i] in _VOWELS)
        out.update(term[:i] + term[i + 1] + term[i] + term[i + 2:] for i in range(1, len(term) - 2))
    return {v for v in out if len(v) >= 4 and v != term and not term.startswith(v)}


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, str], frozenset[str], frozenset[str]]:
    words = english()
    targets = _targets()
    table: dict[str, str] = {}
    clash: set[str] = set()
    for t in sorted(targets):
        for v in _variants(t):
            if v in words or v in targets:
                continue
            if v in table and table[v] != t and table[v][:3] != t[:3]:
                clash.add(v)  # two unrelated words misspelt alike: guess neither
            table[v] = t
    for v in clash:
        del table[v]
    return table, frozenset(targets), words


def unmask(word: str) -> str | None:
    """The target word a word with masked letters stands for ("sc*m" -> "scum", "f**king"), when
    only one target fits (same length, same letters where they show, the first letter shown)."""
    _, targets, _ = _tables()
    if not word[:1].isalpha() or sum(c.isalpha() for c in word) < 2:
        return None
    fits = {t for t in _by_length().get(len(word), ())
            if all(c == "*" or c == tc for c, tc in zip(word, t))}
    return fits.pop() if len(fits) == 1 else None


@lru_cache(maxsize=1)
def _by_length() -> dict[int, tuple[str, ...]]:
    out: dict[int, list[str]] = {}
    for t in _tables()[1]:
        out.setdefault(len(t), []).append(t)
    return {k: tuple(v) for k, v in out.items()}


def respell(word: str) -> str | None:
    """The word ``word`` (lower case) stands for, or None if it stands for itself."""
    if "*" in word:
        return unmask(word)
    table, targets, words = _tables()
    if word in words or word in targets or len(word) < 3:
        return None
    hit = table.get(word)
    if hit is not None:
        return hit
    if 8 <= len(word) <= 40:
        return _split(word, targets, words)
    return None


def _split(word: str, targets: frozenset[str], words: frozenset[str]) -> str | None:
    """"ihatewomen" -> "i hate women": three or more run-together words, one a target word.
    Fewest pieces wins, so "womenarescum" is not "wo men are scum"."""
    n = len(word)
    best: list[list[str] | None] = [None] * (n + 1)
    best[0] = []
    for i in range(1, n + 1):
        for j in range(max(0, i - 20), i):
            prev = best[j]
            piece = word[j:i]
            if prev is None or not (piece in words or piece in targets):
                continue
            if len(piece) < 3 and not (piece in ("i", "a") and j == 0) and piece not in (
                    "me", "my", "we", "us", "to", "be", "go", "is", "am", "so", "no", "do", "it", "of", "in"):
                continue
            if best[i] is None or len(prev) + 1 < len(best[i]):
                best[i] = prev + [piece]
    parts = best[n]
    # three pieces at least: two are as often a compound or a surname ("blackboard", "Whitehurst")
    if not parts or len(parts) < 3 or not any(p in targets for p in parts):
        return None
    return " ".join(parts)
