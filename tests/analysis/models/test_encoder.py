"""Sentence evidence is pooled from the post's own encoder pass; it must stay a fair stand-in
for embedding the sentence alone."""

from __future__ import annotations

import numpy as np


def test_sentence_pooled_from_token_states_is_close_to_embedding_it_alone():
    from socialguard.analysis.models.encoder import default_encoder
    enc = default_encoder()
    text = "Lovely assembly this morning. That teacher is a disgrace and should be sacked."
    emb, states = enc.embed_tokens([text])
    assert np.allclose(emb, enc.embed([text]))  # the same pass, the same embedding
    second = text.index("That")
    pooled = states[0].pool(second, len(text))
    alone = enc.embed([text[second:]])[0]
    first = enc.embed([text[:second].strip()])[0]
    assert pooled is not None and abs(np.linalg.norm(pooled) - 1) < 1e-5
    # nearer its own sentence than the other one
    assert pooled @ alone > pooled @ first
    assert states[0].pool(len(text), len(text)) is None


def test_a_texts_embedding_does_not_depend_on_its_batch_mates():
    # int8 activations are quantised per call: one text per call keeps scans deterministic
    from socialguard.analysis.models.encoder import default_encoder
    enc = default_encoder()
    text = "Mr Jones turned up drunk to the fair and should be sacked"
    alone = enc.embed([text])[0]
    mates = enc.embed(["Lovely trip!", text, "A much longer post about the Year 6 residential " * 5])
    assert np.array_equal(alone, mates[1])
    assert abs(np.linalg.norm(alone) - 1) < 1e-5
    # padded batches are an opt-in for speed; they stay close, not equal
    batched = enc.embed(["Lovely trip!", text], batch_size=2)[1]
    assert float(batched @ alone) > 0.98


def test_empty_text_has_a_finite_unit_embedding():
    from socialguard.analysis.models.encoder import default_encoder
    v = default_encoder().embed([""])[0]
    assert np.isfinite(v).all() and abs(np.linalg.norm(v) - 1) < 1e-5
