#!/usr/bin/env python3
"""Score the whole engine, rule by rule, on the labelled synthetic school posts in
../shared/data (school-posts, school-posts-varied): post-level precision, recall and F1
per rule, and decision accuracy, on one split at a time.

    python scripts/evaluate_rules.py --split dev
    python scripts/evaluate_rules.py --split train --rules personal-data --errors 20

Development uses the train split; dev is for checking, never for fitting.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

from socialguard.analysis.pipeline import Engine
from socialguard.analysis.post import Post, load_context
from socialguard.analysis.registry import RULES

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
SETS = ("school-posts", "school-posts-varied")


def load(dataset: str, split: str | None):
    root = DATA / dataset
    posts = [json.loads(x) for x in (root / "posts.jsonl").read_text().splitlines() if x.strip()]
    labels = [json.loads(x) for x in (root / "labels.jsonl").read_text().splitlines() if x.strip()]
    for p, lab in zip(posts, labels, strict=True):
        assert p["id"] == lab["id"]
        if split in (None, "all") or lab["split"] == split:
            yield root / lab.get("school", "brackenfield"), p, lab


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--split", default="train", choices=["train", "dev", "all"])
    ap.add_argument("--dataset", choices=SETS, action="append")
    ap.add_argument("--rules", help="comma-separated rule ids to score (default: all)")
    ap.add_argument("--errors", type=int, default=0, help="print up to N misses and false alarms per rule")
    ap.add_argument("--json", help="write the figures as JSON to this file")
    args = ap.parse_args(argv)
    rules = args.rules.split(",") if args.rules else list(RULES)
    engine = Engine()
    contexts: dict[Path, object] = {}
    counts = {r: Counter() for r in rules}
    errors: dict[str, list[str]] = defaultdict(list)
    decisions = Counter()
    n = 0
    t0 = time.perf_counter()
    for dataset in args.dataset or SETS:
        for ctx_dir, raw, lab in load(dataset, args.split):
            if ctx_dir not in contexts:
                contexts[ctx_dir] = load_context(ctx_dir)
            post = Post.from_dict(raw)
            res = engine.check(post, contexts[ctx_dir])
            n += 1
            decisions[(lab["decision"], res.decision)] += 1
            got = {f.rule for f in res.findings}
            want = set(lab["rules"])
            for r in rules:
                if r in got and r in want:
                    counts[r]["tp"] += 1
                elif r in got:
                    counts[r]["fp"] += 1
                    ev = [f.evidence for f in res.findings if f.rule == r]
                    errors[r].append(f"FP {raw['id']}: {raw['text'][:160]!r} -> {ev} | {lab['note'][:120]}")
                elif r in want:
                    counts[r]["fn"] += 1
                    errors[r].append(f"FN {raw['id']}: {raw['text'][:160]!r} | {lab['note'][:120]}")
    secs = time.perf_counter() - t0
    print(f"{n} posts, split={args.split}, {secs:.1f} s\n")
    print(f"| rule | P | R | F1 | TP | FP | FN |\n|---|---|---|---|---|---|---|")
    f1s = []
    out = {}
    for r in rules:
        c = counts[r]
        p, rc, f = prf(c["tp"], c["fp"], c["fn"])
        f1s.append(f)
        out[r] = {"precision": p, "recall": rc, "f1": f, **c}
        print(f"| {r} | {p:.2f} | {rc:.2f} | {f:.2f} | {c['tp']} | {c['fp']} | {c['fn']} |")
    acc = sum(v for (a, b), v in decisions.items() if a == b) / max(n, 1)
    print(f"\nmacro F1 {sum(f1s) / len(f1s):.3f}; decision accuracy {acc:.3f}")
    allow_fp = sum(v for (a, b), v in decisions.items() if a == "allow" and b != "allow")
    allow_n = sum(v for (a, b), v in decisions.items() if a == "allow")
    print(f"false alarms on allowed posts: {allow_fp}/{allow_n} = {allow_fp / max(allow_n, 1):.3f}")
    if args.errors:
        for r in rules:
            for line in errors[r][: args.errors]:
                print(f"[{r}] {line}")
    if args.json:
        Path(args.json).write_text(json.dumps({"split": args.split, "rules": out,
                                               "decision_accuracy": acc}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
