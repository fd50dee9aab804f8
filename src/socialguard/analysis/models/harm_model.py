"""The harm model: MiniLM embedding + context + lexicon features, one linear head per rule.

The same code makes the features at training time (``train_harms``) and at run time, so
what a head was fitted on is exactly what it sees. Heads are plain numpy weights in
``data/harm_heads.npz`` (no pickle): ``score = sigmoid(a * (x @ w + b) + c)`` with the
Platt scaling ``a, c`` fitted on out-of-fold training scores, so the score is a
calibrated probability, and a per-rule threshold chosen on the same out-of-fold scores.

Long texts are cut into chunks of whole sentences (never silently truncated) and a post
scores the maximum over its chunks.
"""

from __future__ import annotations

import logging
import math
import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np

from socialguard.analysis.lexicons import find_all, looks_english, stock_image
from socialguard.analysis.models.encoder import Encoder, TokenStates, data_path, default_encoder
from socialguard.analysis.text import PostText

if TYPE_CHECKING:  # pragma: no cover
    from socialguard.analysis.detectors.base import CheckInput

log = logging.getLogger(__name__)

HARM_RULES = ("harassment", "discrimination", "disrepute", "grievance", "defamation",
              "confidential", "copyright")
CHUNK_CHARS = 1000
LEX_KINDS = ("profanity", "insult", "threat", "secrecy", "counter", "teaching", "idiom",
             "confidential", "copyright", "allegation", "complaint", "school_ref", "slur")
CONTEXT_FEATURES = (
    "role_staff", "role_governor", "role_pupil", "role_parent", "role_public", "role_unknown",
    "official", "mentions_pupil", "mentions_staff", "mentions_parent", "mentions_school",
    "titled_name", "has_images", "stock_image", "second_person", "quoted", "question",
    "log_chars", "characteristic", *(f"lex_{k}" for k in LEX_KINDS),
)

# a sentence ends at . ! ? followed by a space or the end (not inside "bbc.co.uk"), or a line end
_SENT = re.compile(r"(?:[^.!?\n]|[.!?]+(?=[^\s.!?]))+(?:[.!?]+(?=\s|$)|\n|$)")
_TITLED = re.compile(r"\b(?:Mr|Mrs|Miss|Ms|Mx|Dr|Sir)\.?\s+[A-Z][a-z'\-]+")
_SECOND = re.compile(r"(?<![a-z])(?:you|u|ur|your|youre|you're|yours)(?![a-z])")
_QUOTE = re.compile(r"[\"'‘’“”]")


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence or line, trimmed of surrounding space."""
    out = []
    for m in _SENT.finditer(text):
        a, b = m.start(), m.end()
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            out.append((a, b))
    return out or ([(0, len(text))] if text.strip() else [])


def chunks(text: str, size: int = CHUNK_CHARS) -> list[tuple[int, int]]:
    """Whole sentences packed into chunks of about ``size`` characters, covering the text."""
    if len(text) <= size:
        return [(0, len(text))]
    out: list[tuple[int, int]] = []
    start = end = None
    for a, b in sentences(text):
        while b - a > size:  # one enormous "sentence": cut it at spaces
            cut = text.rfind(" ", a, a + size)
            cut = cut if cut > a else a + size
            if start is not None:
                out.append((start, end))
                start = None
            out.append((a, cut))
            a = cut
        if start is None:
            start, end = a, b
        elif b - start > size:
            out.append((start, end))
            start, end = a, b
        else:
            end = b
    if start is not None:
        out.append((start, end))
    return out or [(0, len(text))]


_SCHOOL_WORDS: dict[int, tuple[object, tuple[str, ...]]] = {}


def _school_words(inp: "CheckInput") -> tuple[str, ...]:
    """The school's and trust's names, folded; computed once per school."""
    s = inp.school
    if s is None:
        return ()
    hit = _SCHOOL_WORDS.get(id(s))
    if hit is not None and hit[0] is s:
        return hit[1]
    names = {s.name, *s.aliases, s.trust}
    words = tuple(sorted({PostText(n).folded.text.lstrip("@") for n in names if n and len(n) > 3},
                         key=len, reverse=True))
    if len(_SCHOOL_WORDS) > 64:
        _SCHOOL_WORDS.clear()
    _SCHOOL_WORDS[id(s)] = (s, words)
    return words


@lru_cache(maxsize=64)
def _school_rx(words: tuple[str, ...]) -> re.Pattern[str] | None:
    if not words:
        return None
    return re.compile(r"@?(?<![a-z])(?:" + "|".join(re.escape(w) for w in words) + r")(?:'s)?(?![a-z])")


def mentions(inp: "CheckInput") -> list:
    """Roster mentions, via the shared names module (cached on the input)."""
    if "harm_mentions" in inp.cache:
        return inp.cache["harm_mentions"]
    found: list = []
    if inp.school is not None and inp.school.people:
        try:
            from socialguard.analysis.names import roster_mentions
            found = list(roster_mentions(inp))
        except Exception:  # names is another module's job; the heads still work without it
            log.debug("roster_mentions unavailable", exc_info=True)
    inp.cache["harm_mentions"] = found
    return found


@dataclass
class Unit:
    """A piece of a post the heads score: the whole post, a chunk or a sentence."""

    start: int
    end: int
    model_text: str
    features: np.ndarray
    lex: dict


def views(inp: "CheckInput", start: int, end: int) -> PostText:
    """The normalised views of ``inp.post.text[start:end]``: the post's own when it is the
    whole post, else cut from them (their hits and offsets are relative to the piece)."""
    return inp.text if (start, end) == (0, len(inp.post.text)) else inp.text.slice(start, end)


def _lex_within(lex: dict, pt: PostText, start: int, end: int) -> dict:
    """The hits of ``lex`` (found in the views of ``pt``) inside ``pt.original[start:end]``,
    re-based to that piece: a sentence's hits without matching the lexicons again."""
    bounds = {}
    for name in ("plain", "folded"):
        index = getattr(pt, name).index
        bounds[name] = (bisect_left(index, start), bisect_left(index, end))
    out: dict = {}
    for kind, hits in lex.items():
        keep = []
        for h in hits:
            a, b = bounds[h.view]
            if a <= h.start and h.end <= b:
                keep.append(replace(h, start=h.start - a, end=h.end - a))
        out[kind] = keep
    return out


def make_unit(inp: "CheckInput", start: int, end: int, within: tuple[Unit, PostText] | None = None) -> Unit:
    """Model text and context features for ``inp.post.text[start:end]``. ``within``: the unit
    (and its text views) this piece lies in, whose lexicon hits it reuses."""
    raw = inp.post.text[start:end]
    pt = views(inp, start, end)
    plain = pt.plain.text
    rx = _school_rx(_school_words(inp))
    school_named = False
    model_text = plain
    if rx is not None:
        model_text, n = rx.subn("the school", plain)
        school_named = n > 0
    if within is not None:
        parent, parent_pt = within
        lex = _lex_within(parent.lex, parent_pt, start - parent.start, end - parent.start)
    else:
        lex = find_all(plain, pt.folded.text)
    post = inp.post
    role = post.author.role
    ment = [m for m in mentions(inp) if start <= m.start < end]
    kinds = {getattr(m.person, "role", "") for m in ment}
    author = inp.author_person
    kinds_other = {getattr(m.person, "role", "") for m in ment if m.person != author}
    del kinds
    f = {
        "role_staff": role == "staff",
        "role_governor": role in ("governor", "trustee"),
        "role_pupil": role == "pupil",
        "role_parent": role in ("parent", "family"),
        "role_public": role == "public",
        "role_unknown": role is None,
        "official": post.account == "official",
        "mentions_pupil": "pupil" in kinds_other,
        "mentions_staff": bool(kinds_other & {"staff", "governor", "trustee"}),
        "mentions_parent": "parent" in kinds_other,
        "mentions_school": school_named,
        "titled_name": bool(_TITLED.search(raw)),
        "has_images": bool(post.images),
        "stock_image": bool(stock_image(post.images)),
        "second_person": bool(_SECOND.search(plain)),
        "quoted": bool(_QUOTE.search(raw)),
        "question": "?" in raw,
        "log_chars": math.log1p(len(raw)) / 6.0,
        "characteristic": any(v for k, v in lex.items() if k.startswith("char:")),
    }
    for k in LEX_KINDS:
        f[f"lex_{k}"] = min(len(lex.get(k, ())), 3) / 3.0
    vec = np.array([float(f[n]) for n in CONTEXT_FEATURES], dtype=np.float32)
    return Unit(start, end, model_text, vec, lex)


_WS = re.compile(r"\s\s+")


def char_ngrams(text: str, lo: int = 2, hi: int = 5) -> list[str]:
    """Character n-grams inside word boundaries, exactly as scikit-learn's ``char_wb``."""
    out: list[str] = []
    for w in _WS.sub(" ", text).split():
        w = f" {w} "
        n_w = len(w)
        for n in range(lo, hi + 1):
            offset = 0
            out.append(w[0:n])
            while offset + n < n_w:
                offset += 1
                out.append(w[offset:offset + n])
            if offset == 0:
                break
    return out


_WORD = re.compile(r"(?u)\b\w\w+\b")


def word_ngrams(text: str, lo: int = 1, hi: int = 2) -> list[str]:
    """Word n-grams exactly as scikit-learn's ``analyzer='word'`` (default token pattern)."""
    toks = _WORD.findall(text)
    out: list[str] = []
    for n in range(lo, hi + 1):
        out.extend(" ".join(toks[i:i + n]) for i in range(len(toks) - n + 1))
    return out


class Tfidf:
    """The run-time half of a fitted ``TfidfVectorizer(sublinear_tf=True)`` over char or word n-grams."""

    WORD_CACHE = 50_000

    def __init__(self, vocab: np.ndarray, idf: np.ndarray, lo: int, hi: int, analyzer: str = "char_wb") -> None:
        self.index = {str(t): i for i, t in enumerate(vocab)}
        self.idf = idf.astype(np.float32)
        self.lo, self.hi = lo, hi
        self.analyzer = analyzer
        self.grams = char_ngrams if analyzer == "char_wb" else word_ngrams
        self._word: dict[str, list[int]] = {}

    def _ids(self, text: str) -> list[int]:
        index = self.index
        if self.analyzer != "char_wb":
            return [i for i in map(index.get, self.grams(text, self.lo, self.hi)) if i is not None]
        # char_wb n-grams never cross a space, so a word's vocabulary ids are the same in
        # every post: look them up once per distinct word
        cache = self._word
        out: list[int] = []
        for w in text.split():
            ids = cache.get(w)
            if ids is None:
                ids = [i for i in map(index.get, char_ngrams(w, self.lo, self.hi)) if i is not None]
                if len(cache) >= self.WORD_CACHE:
                    cache.clear()
                cache[w] = ids
            out.extend(ids)
        return out

    def transform_many(self, texts: list[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(rows, indices, values) of the l2-normalised tf-idf vectors of ``texts``, row by
        row: ``transform`` for a whole batch in a few array operations, not a few per text."""
        ids = [self._ids(t) for t in texts]
        lens = np.fromiter(map(len, ids), dtype=np.int64, count=len(ids))
        flat = np.fromiter((i for row in ids for i in row), dtype=np.int64, count=int(lens.sum()))
        if not len(flat):
            return (np.zeros(0, dtype=np.int64),) * 2 + (np.zeros(0, dtype=np.float32),)
        n_vocab = len(self.idf)
        keys, tf = np.unique(np.repeat(np.arange(len(texts)), lens) * n_vocab + flat, return_counts=True)
        rows, idx = np.divmod(keys, n_vocab)
        val = (1.0 + np.log(tf.astype(np.float32))) * self.idf[idx]
        norm = np.sqrt(np.bincount(rows, weights=val * val, minlength=len(texts))).astype(np.float32)
        val /= np.maximum(norm[rows], 1e-12)
        return rows, idx, val

    def transform(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        """(indices, values) of the l2-normalised tf-idf vector of ``text``."""
        counts = Counter(self._ids(text))
        if not counts:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
        idx = np.fromiter(counts.keys(), dtype=np.int64, count=len(counts))
        tf = np.fromiter(counts.values(), dtype=np.float32, count=len(counts))
        val = (1.0 + np.log(tf)) * self.idf[idx]
        val /= max(float(np.linalg.norm(val)), 1e-12)
        return idx, val


class HarmModel:
    """Heads over [embedding, scaled context features, char n-gram tf-idf] for the harm rules."""

    def __init__(self, heads: dict[str, np.ndarray], encoder: Encoder) -> None:
        self.encoder = encoder
        self.encoder_dim = 384
        self.rules = tuple(str(r) for r in heads["rules"])
        if tuple(str(n) for n in heads["features"]) != CONTEXT_FEATURES:
            raise ValueError("harm_heads.npz was trained on other features; retrain it")
        self.W = heads["W"].astype(np.float32)           # (384 + k, n_rules)
        self.b = heads["b"].astype(np.float32)           # (n_rules,)
        self.mu = heads["mu"].astype(np.float32)         # context feature scaling
        self.sd = heads["sd"].astype(np.float32)
        self.platt_a = heads["platt_a"].astype(np.float32)
        self.platt_c = heads["platt_c"].astype(np.float32)
        self.threshold = {r: float(t) for r, t in zip(self.rules, heads["threshold"])}
        self.meta = {k: heads[k] for k in heads if k.startswith("meta_")}
        # mean embedding of training posts per protected characteristic (optional)
        self.centroids = heads["char_centroids"].astype(np.float32) if "char_centroids" in heads else None
        # sparse parts: (vectoriser, weights (vocab, n_rules)) for char and word n-grams
        self.sparse: list[tuple[Tfidf, np.ndarray]] = []
        if "tfidf_vocab" in heads:
            lo, hi = (int(x) for x in heads["tfidf_ngrams"])
            self.sparse.append((Tfidf(heads["tfidf_vocab"], heads["tfidf_idf"], lo, hi),
                                heads["Wt"].astype(np.float32)))
        if "word_vocab" in heads:
            self.sparse.append((Tfidf(heads["word_vocab"], heads["word_idf"], 1, 2, analyzer="word"),
                                heads["Ww"].astype(np.float32)))

    @classmethod
    def load(cls, path=None, encoder: Encoder | None = None) -> "HarmModel":
        with np.load(path or data_path("harm_heads.npz"), allow_pickle=False) as z:
            heads = {k: z[k] for k in z.files}
        return cls(heads, encoder or default_encoder())

    def matrix(self, emb: np.ndarray, feats: np.ndarray) -> np.ndarray:
        return np.hstack([emb, (feats - self.mu) / self.sd]).astype(np.float32)

    def probabilities(self, X: np.ndarray, texts: list[str] | None = None) -> np.ndarray:
        z = X @ self.W + self.b
        if texts is not None:
            for vec, weights in self.sparse:
                rows, idx, val = vec.transform_many(texts)
                if len(rows):
                    # rows come sorted: sum each row's run of weighted n-grams
                    starts = np.flatnonzero(np.r_[True, rows[1:] != rows[:-1]])
                    z[rows[starts]] += np.add.reduceat(val[:, None] * weights[idx], starts, axis=0)
        return 1.0 / (1.0 + np.exp(-(self.platt_a * z + self.platt_c)))

    def score_units(self, units: list[Unit]) -> np.ndarray:
        return self.score_units_emb(units)[0]

    def score_units_emb(self, units: list[Unit]) -> tuple[np.ndarray, np.ndarray, list[TokenStates]]:
        """Probabilities and embeddings per unit, and each unit's token states (for
        sentence evidence)."""
        if not units:
            return (np.zeros((0, len(self.rules)), dtype=np.float32),
                    np.zeros((0, self.encoder_dim), dtype=np.float32), [])
        texts = [u.model_text for u in units]
        emb, states = self.encoder.embed_tokens(texts)
        feats = np.vstack([u.features for u in units])
        return self.probabilities(self.matrix(emb, feats), texts), emb, states

    def prepare(self, inputs: list["CheckInput"]) -> None:
        """Score every post in a batch at once; results go to ``inp.cache['harm']``."""
        todo = [inp for inp in inputs if "harm" not in inp.cache]
        if not todo:
            return
        units: list[Unit] = []
        owner: list[int] = []
        for k, inp in enumerate(todo):
            text = inp.post.text
            if not text.strip():
                inp.cache["harm"] = HarmScores(self, inp, [], np.zeros((0, len(self.rules))))
                continue
            for a, b in chunks(text):
                units.append(make_unit(inp, a, b))
                owner.append(k)
        probs, emb, states = self.score_units_emb(units)
        per: dict[int, list[int]] = {}
        for i, k in enumerate(owner):
            per.setdefault(k, []).append(i)
        for k, idx in per.items():
            todo[k].cache["harm"] = HarmScores(self, todo[k], [units[i] for i in idx], probs[idx],
                                               emb[idx], [states[i] for i in idx])

    def scores(self, inp: "CheckInput") -> "HarmScores":
        if "harm" not in inp.cache:
            self.prepare([inp])
        return inp.cache["harm"]


class HarmScores:
    """One post's scores: per rule, the best chunk, and (on demand) the best sentence."""

    def __init__(self, model: HarmModel, inp: "CheckInput", units: list[Unit], probs: np.ndarray,
                 emb: np.ndarray | None = None, states: list[TokenStates] | None = None):
        self.model, self.inp, self.units, self.probs = model, inp, units, probs
        self.emb, self.states = emb, states
        self._sentences: tuple[list[Unit], np.ndarray] | None = None
        self.english = looks_english(inp.text.plain.text) if units else None

    def prob(self, rule: str) -> float:
        if not len(self.units):
            return 0.0
        return float(self.probs[:, self.model.rules.index(rule)].max())

    def unit_lex(self) -> dict:
        out: dict = {}
        for u in self.units:
            for k, v in u.lex.items():
                out.setdefault(k, []).extend((u.start, h) for h in v)
        return out

    def best_span(self, rule: str) -> tuple[int, int] | None:
        """The sentence that scores highest for ``rule`` (the whole text if it is one sentence),
        each sentence scored by the heads on its own embedding and features."""
        if not self.units:
            return None
        if self._sentences is None:
            self._sentences = self._score_sentences()
        spans, probs = self._sentences
        if not spans:
            return None
        if len(spans) == 1:
            return spans[0]
        return spans[int(probs[:, self.model.rules.index(rule)].argmax())]

    def _score_sentences(self) -> tuple[list[tuple[int, int]], np.ndarray]:
        text = self.inp.post.text
        pieces = [(k, u, a, b) for k, u in enumerate(self.units) for a, b in sentences(text[u.start:u.end])]
        spans = [(u.start + a, u.start + b) for _, u, a, b in pieces]
        if len(pieces) <= 1:  # one sentence is its own evidence: nothing to score
            return spans, np.zeros((len(spans), len(self.model.rules)))
        sents: list[Unit] = []
        emb: list[np.ndarray | None] = []
        last, cursor = -1, 0
        for k, u, a, b in pieces:
            if k != last:
                last, cursor = k, 0
                states = self.states[k] if self.states else None
                unit_views = views(self.inp, u.start, u.end)
            s = make_unit(self.inp, u.start + a, u.start + b, within=(u, unit_views))
            sents.append(s)
            # each sentence gets its own embedding, pooled from the chunk's token states
            # over the sentence's tokens (no second pass of the encoder); with the chunk's
            # one embedding, the sentence with the most topic words won over the one that
            # says the harmful thing ("...maternity leave. They shouldn't hire women")
            at = u.model_text.find(s.model_text, cursor) if s.model_text else -1
            v = None
            if at >= 0 and states is not None:
                v = states.pool(at, at + len(s.model_text))
                cursor = at + len(s.model_text)
            emb.append(v)
        missing = [i for i, v in enumerate(emb) if v is None]
        if missing:  # a sentence the normaliser changed at its edges: embed it on its own
            for i, v in zip(missing, self.model.encoder.embed([sents[i].model_text for i in missing])):
                emb[i] = v
        feats = np.vstack([s.features for s in sents])
        probs = self.model.probabilities(self.model.matrix(np.vstack(emb), feats),
                                         [s.model_text for s in sents])
        return spans, probs


@lru_cache(maxsize=1)
def default_model() -> HarmModel:
    """The shipped heads and encoder, loaded once per process."""
    return HarmModel.load()
