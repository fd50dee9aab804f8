"""The run-time tf-idf reproduces scikit-learn's, so the heads see at run time exactly the
features they were fitted on (training uses TfidfVectorizer; run time has no scikit-learn)."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.feature_extraction.text import TfidfVectorizer

from socialguard.analysis.models.harm_model import Tfidf

TEXTS = [
    "mrs jones is a drunk and should be sacked",
    "well done to year 6 on a brilliant sports day!! 🎉",
    "not my photo, credit to the owner",
    "a  b   cc ddd, e-mail: office@school.example",
    "the the the school school",
    "",
    "émile's café in zürich — naïve",
]


@pytest.mark.parametrize("analyzer,ngrams", [("char_wb", (2, 5)), ("word", (1, 2))])
def test_matches_scikit_learn(analyzer, ngrams):
    vec = TfidfVectorizer(analyzer=analyzer, ngram_range=ngrams, sublinear_tf=True, lowercase=False,
                          dtype=np.float32).fit(TEXTS)
    ours = Tfidf(vec.get_feature_names_out(), vec.idf_, *ngrams, analyzer=analyzer)
    want = vec.transform(TEXTS).toarray()
    for k, text in enumerate(TEXTS):
        got = np.zeros(len(vec.idf_), dtype=np.float32)
        idx, val = ours.transform(text)
        got[idx] = val
        np.testing.assert_allclose(got, want[k], atol=1e-5, err_msg=text)
    assert want[0].any()  # the comparison is not between two empty vectors
    rows, idx, val = ours.transform_many(TEXTS)  # the batched form gives the same vectors
    got = np.zeros_like(want)
    got[rows, idx] = val
    np.testing.assert_allclose(got, want, atol=1e-5)


def test_unknown_words_give_an_empty_vector():
    vec = TfidfVectorizer(analyzer="word", sublinear_tf=True, lowercase=False).fit(TEXTS)
    idx, val = Tfidf(vec.get_feature_names_out(), vec.idf_, 1, 1, analyzer="word").transform("zzz qqq")
    assert len(idx) == 0 and len(val) == 0



def test_a_batch_of_unknown_words_gives_no_entries():
    vec = TfidfVectorizer(analyzer="word", sublinear_tf=True, lowercase=False).fit(TEXTS)
    rows, idx, val = Tfidf(vec.get_feature_names_out(), vec.idf_, 1, 1, analyzer="word").transform_many(
        ["zzz", "qqq yyy"])
    assert len(rows) == len(idx) == len(val) == 0
