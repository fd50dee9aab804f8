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
