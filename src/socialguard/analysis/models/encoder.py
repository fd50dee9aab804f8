"""MiniLM sentence embeddings with onnxruntime + tokenizers (no torch at run time).

The int8 model and its tokenizer ship inside the package (``models/data/``); nothing is
downloaded. Texts are sorted by length before batching so short posts are not padded to
the longest one (when batching is asked for).
"""

from __future__ import annotations

import os
import threading
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

os.environ.setdefault("ORT_DISABLE_TELEMETRY", "1")  # must be set before importing onnxruntime

import numpy as np  # noqa: E402

if TYPE_CHECKING:  # pragma: no cover
    from tokenizers import Encoding

MAX_TOKENS = 256
DIM = 384
LAYERS = 3  # of MiniLM-L6's six: see train_encoder and MODEL_CARD.md
ENCODER_FILE = f"minilm-l{LAYERS}-int8.onnx"


def data_path(name: str) -> Path:
    """A file shipped in ``socialguard/analysis/models/data``."""
    return Path(str(resources.files("socialguard.analysis.models") / "data" / name))


class Encoder:
    """Mean-pooled, L2-normalised MiniLM embeddings."""

    def __init__(self, model: str | Path, tokenizer: str | Path, *, threads: int = 1) -> None:
        import onnxruntime as ort
        from tokenizers import Tokenizer

        opts = ort.SessionOptions()
        opts.intra_op_num_threads = threads
        opts.inter_op_num_threads = 1
        opts.log_severity_level = 3
        self.session = ort.InferenceSession(str(model), opts, providers=["CPUExecutionProvider"])
        self.tokenizer = Tokenizer.from_file(str(tokenizer))
        self.tokenizer.enable_truncation(MAX_TOKENS)
        self.tokenizer.no_padding()
        self._inputs = {i.name for i in self.session.get_inputs()}
        self._lock = threading.Lock()

    def embed(self, texts: list[str], *, batch_size: int = 1) -> np.ndarray:
        """(len(texts), 384) float32; empty text gives the embedding of ''.

        The int8 model quantises activations per call, over the whole batch, so a text's
        embedding would depend on its batch-mates; one text per call keeps results
        deterministic, and costs little here because short texts are not padded.
        """
        return self._run(texts, batch_size, None)

    def embed_tokens(self, texts: list[str]) -> tuple[np.ndarray, list[TokenStates]]:
        """``embed`` plus each text's token states, so spans of it (its sentences) can be
        pooled later without running the model again."""
        states: list[TokenStates] = [None] * len(texts)  # type: ignore[list-item]
        return self._run(texts, 1, states), states

    def _run(self, texts: list[str], batch_size: int, states: list | None) -> np.ndarray:
        out = np.zeros((len(texts), DIM), dtype=np.float32)
        if not texts:
            return out
        enc = self.tokenizer.encode_batch([t or "" for t in texts])
        if batch_size == 1:
            self._run_one_by_one(enc, out, states)
        else:  # only ``embed`` asks for padded batches, and it keeps no token states
            self._run_padded(enc, out, batch_size)
        return out

    def _hidden(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        feed = {"input_ids": ids, "attention_mask": mask}
        if "token_type_ids" in self._inputs:
            feed["token_type_ids"] = np.zeros_like(ids)
        with self._lock:
            return self.session.run(None, feed)[0]

    def _run_one_by_one(self, enc: list, out: np.ndarray, states: list | None) -> None:
        # the common case (deterministic scans): nothing is padded, so the mean needs no mask
        for i, e in enumerate(enc):
            ids = np.array(e.ids, dtype=np.int64)[None]
            hidden = self._hidden(ids, np.ones_like(ids))[0]
            v = hidden.mean(0)
            out[i] = v / max(float(np.sqrt(v @ v)), 1e-9)
            if states is not None:
                states[i] = TokenStates(hidden, e)

    def _run_padded(self, enc: list, out: np.ndarray, batch_size: int) -> None:
        order = sorted(range(len(enc)), key=lambda i: len(enc[i].ids))
        for k in range(0, len(order), batch_size):
            idx = order[k:k + batch_size]
            width = max(len(enc[i].ids) for i in idx)
            ids = np.zeros((len(idx), width), dtype=np.int64)
            mask = np.zeros((len(idx), width), dtype=np.int64)
            for r, i in enumerate(idx):
                e = enc[i].ids
                ids[r, :len(e)] = e
                mask[r, :len(e)] = 1
            hidden = self._hidden(ids, mask)
            m = mask[..., None].astype(np.float32)
            pooled = (hidden * m).sum(1) / np.maximum(m.sum(1), 1.0)
            pooled /= np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-9)
            out[idx] = pooled


class TokenStates:
    """One text's last hidden states, with each token's character offsets in the text."""

    def __init__(self, hidden: np.ndarray, encoding: "Encoding") -> None:
        self.hidden = hidden
        self._encoding = encoding  # a tokenizers Encoding; its offsets are read on first pool()
        self._arrays: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None

    def _offsets(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        # most posts are never split into sentences: build the arrays only for those that are
        if self._arrays is None:
            off = np.array(self._encoding.offsets, dtype=np.int64).reshape(-1, 2)
            self._arrays = (off[:, 0], off[:, 1], np.array(self._encoding.special_tokens_mask, dtype=bool))
            self._encoding = None
        return self._arrays

    def pool(self, start: int, end: int) -> np.ndarray | None:
        """Mean-pooled, normalised embedding of the tokens inside text[start:end], with the
        [CLS]/[SEP] states the whole-text embedding also averages in; None if no token."""
        starts, ends, special = self._offsets()
        inside = ~special & (starts >= start) & (ends <= end)
        if not inside.any():
            return None
        v = self.hidden[inside | special].mean(0)
        return v / max(float(np.linalg.norm(v)), 1e-9)


@lru_cache(maxsize=1)
def default_encoder() -> Encoder:
    """The shipped int8 encoder (the lower layers of MiniLM), loaded once per process."""
    threads = int(os.environ.get("SOCIALGUARD_ENCODER_THREADS", "1"))
    return Encoder(data_path(ENCODER_FILE), data_path("minilm-tokenizer.json"),
                   threads=threads)
