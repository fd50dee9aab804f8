"""Finding the school's people (the roster) in a post's text.

``roster_mentions(inp)`` lists every place the text names someone on the roster: by full
name, first or preferred name, a common diminutive (Alexander -> Alfie), a misspelling,
or, for children, by surname plus a child word ("the Denny girl"). Several detectors
share it, so the work is done once per post (``inp.cache["mentions"]``) and the indexes
once per school (kept on the ``SchoolContext``).

Matching runs on the folded view of the text, so zero-width characters, homoglyphs and
fullwidth letters cannot hide a name, and offsets are mapped back to the original text.

Overlapping mentions with the same span and different people mean the name is ambiguous
(two pupils called Imogen); a consumer decides what that means for its rule.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources import files
from typing import TYPE_CHECKING

import yaml
from rapidfuzz import process
from rapidfuzz.distance import OSA

from socialguard.analysis.post import Person, SchoolContext

if TYPE_CHECKING:  # pragma: no cover
    from socialguard.analysis.detectors.base import CheckInput

KINDS = ("full", "first", "preferred", "nickname", "fuzzy", "surname")
TITLES = frozenset({"mr", "mrs", "miss", "ms", "mx", "dr", "sir", "prof", "madam", "mister"})

# Capitalised words that often stand where a surname could, and never are one here.
_NOT_SURNAME = frozenset("""
year years reception nursery class form set group and or but so the a an i we you he she they
it my our your his her their is was has had loved got did does thank thanks well done happy
congratulations congrats today yesterday tomorrow tonight monday tuesday wednesday thursday
friday saturday sunday january february march april may june july august september october
november december mr mrs miss ms dr sir lol omg haha ok okay yes no not love from with in at on
of for to by star week term team who whose what when where why how this that these those just
also too very all some any every each both only even still again never always please sorry
amazing brilliant fantastic great good proud awesome super best cup
""".split())

# After a sentence-initial common-word name, these mean the word, not the person.
_WORD_FOLLOWERS = frozenset("""
term terms fair fete holiday holidays hols camp concert show festival trip sports half school
club uniform time break party day days fayre event events reading timetable you i we
they he she it the a an this that your my our his her their me us them there here of to
period garden gardens ball season collection range sale edition anyone before after
everyone someone somebody all any parents children pupils families staff kids people these those
""".split())

_TOKEN = re.compile(r"[a-z0-9@$]+(?:['’\-][a-z0-9@$]+)*")
_HASHTAG = re.compile(r"#([a-z0-9]{4,})")
_CAMEL = re.compile(r"[A-Z][a-z]+")
_SPACED = re.compile(r"(?<![a-z])(?:[a-z][ .\-_*·•]{1,2}){2,}[a-z](?![a-z])")
_LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "8": "b",
                       "9": "g", "@": "a", "$": "s"})
_LEET_CHARS = frozenset("01345789@$")
# e-mail addresses and links: a name inside them ("rosie.tyrell88@...") is not a mention
_MASK = re.compile(r"(?<![a-z0-9._%+-])[a-z0-9._%+-]+@[a-z0-9-]+\.[a-z0-9.-]+|https?://\S+|www\.\S+"
                   r"|(?<![\w.-])[\w-]+(?:\.[\w-]+)*\.(?:com|co\.uk|org|org\.uk|net|uk|example|io)\b(?:/\S*)?")
_MASK_HINTS = ("@", "http", "www.", ".com", ".co", ".org", ".net", ".uk", ".example", ".io")
# "'Matilda' the musical": a name used as the title of a work
_TITLE_AFTER = re.compile(r"^['’\"”]?\s*(?:the\s+)?(?:musical|film|movie|book|books|novel|song|show|play|"
                          r"series|album|game|character|cartoon|story|stories)\b")
_SENTENCE_END = set(".!?\n:;\"“”([{|#")


@dataclass(frozen=True)
class Mention:
    """One place ``person`` is named: ``text[start:end]`` of the ORIGINAL post text."""

    person: Person
    start: int
    end: int
    kind: str
    score: float


@dataclass(slots=True)
class _Tok:
    key: str          # folded, de-leeted, possessive stripped
    fs: int           # folded start / end
    fe: int
    cap: bool         # capitalised (or all caps, or a handle) in the original
    initial: bool     # first word of a sentence
    poss: bool = False        # ended in 's
    plural_poss: bool = False  # ended in s'


@dataclass
class _Index:
    single: dict[str, list[tuple[Person, str]]] = field(default_factory=dict)
    full: dict[str, list[tuple[tuple[str, ...], Person]]] = field(default_factory=dict)
    surname: dict[str, list[Person]] = field(default_factory=dict)
    surname_first: dict[str, list[tuple[tuple[str, ...], Person]]] = field(default_factory=dict)
    fuzzy_names: list[str] = field(default_factory=list)
    fuzzy_memo: dict[str, str | None] = field(default_factory=dict)
    school_words: frozenset[str] = frozenset()
    interesting: frozenset[str] = frozenset()  # every key that can start a mention


@lru_cache(maxsize=1)
def name_data() -> dict:
    """The nickname table, common-word names and child words (package data)."""
    text = files("socialguard.analysis").joinpath("data/nicknames.yaml").read_text(encoding="utf-8")
    raw = yaml.safe_load(text) or {}
    nick: dict[str, set[str]] = {}
    for formal, shorts in (raw.get("nicknames") or {}).items():
        nick.setdefault(_fold_name(str(formal)), set()).update(_fold_name(str(s)) for s in shorts or [])
    return {
        "nicknames": nick,
        "common": frozenset(_fold_name(str(w)) for w in raw.get("common_words") or []),
        "child": frozenset(str(w).lower() for w in raw.get("child_words") or []),
    }


def _fold_name(s: str) -> str:
    from socialguard.analysis.text import fold
    return fold(s.strip()).text.replace("’", "'")


def _name_tokens(s: str) -> tuple[str, ...]:
    return tuple(m.group().replace("’", "'") for m in _TOKEN.finditer(_fold_name(s)))


def nicknames_of(first: str) -> set[str]:
    """Diminutives of a first name (folded), e.g. 'alexander' -> {'alfie', 'alex', ...}."""
    return set(name_data()["nicknames"].get(_fold_name(first), ()))


def _build(school: SchoolContext) -> _Index:
    idx = _Index()
    fuzzy: set[str] = set()

    def add_single(key: str, person: Person, kind: str) -> None:
        lst = idx.single.setdefault(key, [])
        if not any(p is person for p, _ in lst):
            lst.append((person, kind))
        if "-" in key:  # "ellie-rose" is also written "ellierose" in handles
            add_single(key.replace("-", ""), person, kind)

    for p in school.people:
        given: list[tuple[tuple[str, ...], str]] = []
        first = _name_tokens(p.first_name)
        if first:
            given.append((first, "first"))
        if p.preferred_name:
            pref = _name_tokens(p.preferred_name)
            if pref and pref != first:
                given.append((pref, "preferred"))
        for base in {p.first_name, p.preferred_name} - {""}:
            for nick in nicknames_of(base):
                t = _name_tokens(nick)
                if t and all(t != g for g, _ in given):
                    given.append((t, "nickname"))
        last = _name_tokens(p.last_name)
        for toks, kind in list(given):
            if len(toks) == 1 and "-" in toks[0]:  # "Lily-Mae" is also written "Lily Mae"
                given.append((tuple(toks[0].split("-")), kind))
        for toks, kind in given:
            if len(toks) == 1:
                add_single(toks[0], p, kind)
                if len(toks[0]) >= 5 and toks[0].isalpha():
                    fuzzy.add(toks[0])
            else:  # a given name of several words matches as a whole
                idx.full.setdefault(toks[0], []).append((toks, p, kind))
            if last:
                seq = toks + last
                idx.full.setdefault(seq[0], []).append((seq, p, "full"))
                if "-" in last[0]:  # "Smith-Jones" written "Smith Jones"
                    seq2 = toks + tuple(last[0].split("-")) + last[1:]
                    idx.full.setdefault(seq2[0], []).append((seq2, p, "full"))
        if last:
            idx.surname.setdefault(last[-1], []).append(p)
            if len(last) > 1:
                idx.surname_first.setdefault(last[0], []).append((last, p))
    idx.fuzzy_names = sorted(fuzzy)
    idx.interesting = frozenset(idx.single) | frozenset(idx.full) | frozenset(idx.surname) \
        | frozenset(idx.surname_first) | frozenset(k[:-1] for k in idx.surname) | TITLES | {"the"}
    words: set[str] = set()
    for n in [school.name, *school.aliases]:
        words.update(_name_tokens(n.lstrip("@")))
    idx.school_words = frozenset(words)
    return idx


def school_index(school: SchoolContext) -> _Index:
    """The name index of ``school``, built once and kept on the context object."""
    key = (id(school.people), len(school.people))
    cached = school.__dict__.get("_socialguard_name_index")
    if cached is not None and cached[0] == key:
        return cached[1]
    idx = _build(school)
    school.__dict__["_socialguard_name_index"] = (key, idx)
    return idx


def _tokens(folded: str, original: str, index: tuple[int, ...]) -> list[_Tok]:
    toks: list[_Tok] = []
    masked = [(m.start(), m.end()) for m in _MASK.finditer(folded)] \
        if any(k in folded for k in _MASK_HINTS) else []
    mask_starts = [a for a, _ in masked]
    for m in _TOKEN.finditer(folded):
        raw = m.group()
        if raw.isdigit():
            continue
        fs, fe = m.start(), m.end()
        if masked:
            k = bisect_right(mask_starts, fs) - 1
            if k >= 0 and fs < masked[k][1]:
                continue
        handle = False
        if raw[0] in "@$":
            handle = raw[0] == "@"
            raw = raw.lstrip("@$")
            fs = fe - len(raw)
            if not raw:
                continue
        key = raw
        poss = plural_poss = False
        if not key.isalpha():  # digits, apostrophes or hyphens inside
            if not any(c.isalpha() for c in key):
                continue
            if "’" in key:
                key = key.replace("’", "'")
            stem = key.rstrip("0123456789")
            if stem != key and stem.isalpha() and len(stem) > 1:
                key = stem  # a handle's number: "@alfie2016"
            elif not _LEET_CHARS.isdisjoint(key):
                key = key.translate(_LEET)
            if key.endswith("'s") and len(key) > 2:
                key, fe, poss = key[:-2], fe - 2, True
            elif key.endswith("s'"):
                key, fe, plural_poss = key[:-1], fe - 1, True
        # all-caps words start with a capital too, so the first letter decides
        cap = handle or original[index[fs]].isupper()
        toks.append(_Tok(key, fs, fe, cap, _is_initial(folded, fs) if cap else False, poss, plural_poss))
    # "a l f i e": spaced-out letters joined into one more token
    for m in _SPACED.finditer(folded):
        key = "".join(c for c in m.group() if c.isalpha())
        o = original[index[m.start()]]
        toks.append(_Tok(key, m.start(), m.end(), o.isupper(), _is_initial(folded, m.start())))
    # "#WellDoneAlfie": the capitalised words inside a CamelCase hashtag, one token each
    if "#" in folded:
        for m in _HASHTAG.finditer(folded):
            fs, fe = m.start(1), m.end(1)
            if index[fe - 1] - index[fs] != fe - fs - 1:
                continue  # folding changed its length: offsets would not line up
            parts = list(_CAMEL.finditer(original, index[fs], index[fe - 1] + 1))
            if len(parts) < 2:
                continue
            for part in parts:
                ps = fs + part.start() - index[fs]
                toks.append(_Tok(part.group().lower(), ps, ps + len(part.group()), True, False))
    toks.sort(key=lambda t: (t.fs, -t.fe))
    return toks


def _is_initial(folded: str, fs: int) -> bool:
    j = fs - 1
    while j >= 0 and folded[j] in " \t'\"‘“*_":
        j -= 1
    if j < 0:
        return True
    c = folded[j]
    return c in _SENTENCE_END or not c.isascii()  # after an emoji a new "sentence" starts


def _adjacent(folded: str, a: _Tok, b: _Tok) -> bool:
    gap = folded[a.fe:b.fs]
    if a.poss or a.plural_poss:
        return False
    return 0 < len(gap) <= 2 and gap.strip() == ""


def _span(nt, fs: int, fe: int) -> tuple[int, int]:
    return nt.span(fs, fe)


def roster_mentions(inp: CheckInput) -> list[Mention]:
    """Every mention of a roster person in the post (cached per post)."""
    cached = inp.cache.get("mentions")
    if cached is not None:
        return cached
    out: list[Mention] = []
    if inp.school is not None and inp.school.people and inp.post.text:
        out = find_mentions(inp.text.folded, inp.school)
    inp.cache["mentions"] = out
    return out


def find_mentions(nt, school: SchoolContext) -> list[Mention]:
    """Mentions in a folded ``NormText`` (see ``roster_mentions``)."""
    idx = school_index(school)
    data = name_data()
    common, child = data["common"], data["child"]
    folded, original = nt.text, nt.original
    toks = _tokens(folded, original, nt.index)
    shouting = _all_caps(original)
    out: list[Mention] = []
    used_until = -1  # folded offset covered by a longer match

    def emit(person: Person, fs: int, fe: int, kind: str, score: float) -> None:
        a, b = _span(nt, fs, fe)
        out.append(Mention(person, a, b, kind, score))

    n = len(toks)
    interesting = idx.interesting
    for i, t in enumerate(toks):
        if t.fs < used_until:
            continue
        if t.key not in interesting and not (t.cap and len(t.key) >= 5):
            continue  # fast path: most words are nobody's name
        prev = toks[i - 1] if i > 0 and toks[i - 1].fe <= t.fs else None
        nxt = toks[i + 1] if i + 1 < n and toks[i + 1].fs >= t.fe else None
        after_title = prev is not None and prev.key.rstrip(".") in TITLES and _adjacent_gap(folded, prev, t)

        # Full names: "Dylan Evans", "Alfie Hughes", "Kasia Nowak"
        best = 0
        full_hits: list[tuple[Person, str]] = []
        for seq, person, fkind in idx.full.get(t.key, ()):
            k = len(seq)
            chunk = toks[i:i + k]
            if len(chunk) == k and tuple(c.key for c in chunk) == seq and all(
                    _adjacent(folded, chunk[j], chunk[j + 1]) for j in range(k - 1)):
                if not (chunk[0].cap or chunk[-1].cap) and seq[0] in common:
                    continue
                if k > best:
                    best = k
                    full_hits = [(person, fkind)]
                elif k == best:
                    full_hits.append((person, fkind))
        if best:
            for person, fkind in full_hits:
                emit(person, t.fs, toks[i + best - 1].fe, fkind, 1.0 if fkind == "full" else 0.8)
            used_until = toks[i + best - 1].fe
            continue

        # Adults by title and surname: "Mrs Nair", "Mr O'Brien"
        if after_title:
            people = _surname_people(idx, toks, i, folded)
            for person in people:
                if person.role != "pupil":
                    emit(person, prev.fs, t.fe, "surname", 0.9)
            # "Mrs Hughes's son": the child of that family
            if t.poss and nxt is not None and nxt.key in child:
                for person in people:
                    if person.role == "pupil":
                        emit(person, prev.fs, nxt.fe, "surname", 0.7)
                used_until = nxt.fe
            continue

        # Children by surname and a child word: "the Denny girl", "The Kemps' son"
        if t.cap and prev is not None and prev.key == "the":
            sur = idx.surname.get(t.key) or (idx.surname.get(t.key[:-1]) if t.key.endswith("s") else None)
            if sur and nxt is not None and nxt.key.rstrip("s") in child | {c.rstrip("s") for c in child}:
                for person in sur:
                    if person.role == "pupil":
                        emit(person, prev.fs, nxt.fe, "surname", 0.75)
                used_until = nxt.fe
                continue

        # First, preferred and nick names
        cands = idx.single.get(t.key)
        kind_fuzzy = False
        if not cands and t.cap and len(t.key) >= 5 and t.key.isalpha() \
                and t.key not in common and t.key not in _NOT_SURNAME and t.key not in idx.school_words \
                and t.key not in idx.surname:
            next_is_word = nxt is not None and nxt.cap and _adjacent(folded, t, nxt)
            target = _fuzzy(idx, t.key)
            if target and next_is_word:
                # "Kasper Nowak": a misspelt first name, confirmed by the surname
                sure = [p for p, _k in idx.single[target] if _name_tokens(p.last_name)[:1] == (nxt.key,)]
                for p in sure:
                    emit(p, t.fs, nxt.fe, "fuzzy", 0.85)
                if sure:
                    used_until = nxt.fe
                    continue
            proper_phrase = next_is_word or (
                prev is not None and prev.cap and not prev.initial and _adjacent(folded, prev, t))
            if target and not t.initial and not proper_phrase:
                cands = idx.single.get(target)
                kind_fuzzy = True
        if not cands:
            continue
        nxt2 = toks[i + 2] if i + 2 < n else None
        if t.key in common and not _used_as_name(t, prev, nxt, folded, nxt2):
            continue
        if _TITLE_AFTER.match(folded[t.fe:t.fe + 20]):
            continue
        score_base = 0.8 if t.cap else 0.55
        end = t.fe
        pick = cands
        # "Noah F", "Ayla K." : an initial narrows it down, or shows it is someone else
        initial_next = nxt is not None and len(nxt.key) == 1 and nxt.cap and _adjacent(folded, t, nxt) and (
            nxt.key not in ("i", "a") or folded[nxt.fe:nxt.fe + 1] == ".")  # "Alfie I think ..." is not "Alfie I."
        if initial_next:
            pick = [(p, k) for p, k in cands if _fold_name(p.last_name)[:1] == nxt.key]
            if pick:
                end = nxt.fe
                score_base += 0.1
            else:
                continue
        elif nxt is not None and nxt.cap and _adjacent(folded, t, nxt) and nxt.key not in _NOT_SURNAME \
                and nxt.key not in idx.single and len(nxt.key) > 1 and not t.poss \
                and not shouting:
            # "Ella Smith": a first name with a surname that is not theirs is someone else,
            # unless it is a misspelling of theirs ("Dylan Evens")
            close = [(p, k) for p, k in cands
                     if OSA.distance(_fold_name(p.last_name), nxt.key) <= (1 if len(nxt.key) < 6 else 2)]
            if close:
                for p, _k in close:
                    emit(p, t.fs, nxt.fe, "fuzzy", 0.85)
                used_until = nxt.fe
                continue
            if nxt.key not in common:
                continue
        if any(k != "nickname" for _p, k in pick):
            pick = [(p, k) for p, k in pick if k != "nickname"]  # a pupil really called Millie beats Amelia
        for person, kind in pick:
            if after_title:
                continue
            if kind_fuzzy:
                emit(person, t.fs, end, "fuzzy", 0.6 if t.cap else 0.4)
            else:
                emit(person, t.fs, end, kind, score_base if kind != "nickname" else score_base - 0.05)
        if end != t.fe:
            used_until = end
    out.sort(key=lambda m: (m.start, -m.end, m.person.id))
    return out


def _adjacent_gap(folded: str, a: _Tok, b: _Tok) -> bool:
    gap = folded[a.fe:b.fs]
    return 0 < len(gap) <= 2 and gap.strip(" .") == ""


def _all_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) > 12 and sum(c.isupper() for c in letters) > 0.8 * len(letters)


def _surname_people(idx: _Index, toks: list[_Tok], i: int, folded: str) -> list[Person]:
    t = toks[i]
    found = list(idx.surname.get(t.key, ()))
    for seq, p in idx.surname_first.get(t.key, ()):
        chunk = toks[i:i + len(seq)]
        if tuple(c.key for c in chunk) == seq:
            found.append(p)
    return found


_SEASONS = frozenset({"summer", "autumn", "winter", "spring"})
_SEASON_VERBS = frozenset({"is", "was", "has", "will", "starts", "begins", "ends", "brings", "s"})
_WORD_PRECEDERS = frozenset("""
this last next the a an every in of during over early late by with visit visiting near
""".split())


def _used_as_name(t: _Tok, prev: _Tok | None, nxt: _Tok | None, folded: str,
                  nxt2: _Tok | None = None) -> bool:
    """A common-word name ('Grace', 'Will', 'Summer') counts only when it reads as a name."""
    if not t.cap:
        return False
    if prev is not None and prev.key in _WORD_PRECEDERS:
        return False
    # "May 5th", "5 June": a date
    if re.match(r"\s*\d", folded[t.fe:t.fe + 3]) or re.search(r"\d(?:st|nd|rd|th)?\s*$", folded[max(0, t.fs - 6):t.fs]):
        return False
    if t.poss:
        return True
    if nxt is not None and (nxt.key in _WORD_FOLLOWERS or (t.key in _SEASONS and nxt.key in _SEASON_VERBS)):
        return False
    # "Grace and kindness ..." is the word; "Grace and Olivia ..." may be a name
    if nxt is not None and nxt.key in ("and", "or") and nxt2 is not None and not nxt2.cap:
        return False
    return True


def _fuzzy(idx: _Index, key: str) -> str | None:
    if key in idx.fuzzy_memo:
        return idx.fuzzy_memo[key]
    limit = 1 if len(key) < 8 else 2
    choices = [n for n in idx.fuzzy_names if n[0] == key[0] and abs(len(n) - len(key)) <= limit]
    hit = process.extractOne(key, choices, scorer=OSA.distance, score_cutoff=limit) if choices else None
    result = hit[0] if hit else None
    if len(idx.fuzzy_memo) < 50_000:
        idx.fuzzy_memo[key] = result
    return result


def pupil_mentions(inp: CheckInput) -> list[Mention]:
    """Mentions of pupils only (current and past)."""
    return [m for m in roster_mentions(inp) if m.person.role == "pupil"]


def author_is(person: Person, inp: CheckInput) -> bool:
    """Whether the post's author is ``person`` (by roster match or by name)."""
    ap = inp.author_person
    if ap is not None:
        return ap.id == person.id
    name = inp.post.author.name
    if not name:
        return False
    key = _name_tokens(name)
    return key in {_name_tokens(person.full_name), _name_tokens(f"{person.first_name} {person.last_name}")}


def own_children(inp: CheckInput) -> set[str]:
    """Ids of the author's own children, from every roster row that has the author's name
    (a member of staff may also be a parent at the school)."""
    ids: set[str] = set()
    if inp.author_person is not None:
        ids.update(inp.author_person.child_ids)
    school = inp.school
    if school is not None and inp.post.author.name:
        for role in ("parent", "staff", "governor", "trustee"):
            p = school.find_person(inp.post.author.name, (role,))
            if p is not None:
                ids.update(p.child_ids)
    return ids


__all__ = ["own_children", "Mention", "KINDS", "roster_mentions", "pupil_mentions", "author_is", "find_mentions",
           "nicknames_of", "school_index", "name_data"]
