#!/usr/bin/env python3
"""Evaluate the seven harm detectors of clause 1.5 and write docs/evaluation.md.

    .venv/bin/python scripts/evaluate_harms.py                 # every post of every set
    .venv/bin/python scripts/evaluate_harms.py --public-max 300 --out /tmp/eval.md

Measured through the engine (the detectors, not the bare heads), on:
- the dev splits of school-posts and school-posts-varied (never trained on);
- the public sets' test splits (OLID, HateXplain, TweetEval, EDOS), Davidson's held-out
  20 % (seeded, as in train_harms) and ETHOS (GPL-3.0, never trained on), mapped to rules;
- the same school dev posts obfuscated by a seeded script (leetspeak, zero-width
  characters, homoglyphs, spaced letters, masked letters).
Also: per protected characteristic, a confusion table, false alarms on benign posts,
calibration (reliability table, Brier score), and published anchors for context.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import subprocess
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np

from socialguard.analysis.detectors.base import CheckInput
from socialguard.analysis.lexicons import CHARACTERISTIC_IDS, CHARACTERISTICS
from socialguard.analysis.models.harm_model import HARM_RULES, default_model
from socialguard.analysis.pipeline import Engine
from socialguard.analysis.post import Post, load_context

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
SEED = 20261126
RULES = list(HARM_RULES)


# ---------------------------------------------------------------- loading

def school_dev(dataset: str):
    root = DATA / dataset
    posts = [json.loads(x) for x in (root / "posts.jsonl").read_text().splitlines() if x.strip()]
    labels = [json.loads(x) for x in (root / "labels.jsonl").read_text().splitlines() if x.strip()]
    ctx = {}
    out = []
    for p, lab in zip(posts, labels, strict=True):
        if lab["split"] != "dev":
            continue
        folder = lab.get("school", "brackenfield")
        if folder not in ctx:
            ctx[folder] = load_context(root / folder)
        out.append((Post.from_dict(p), ctx[folder], lab))
    return out


def _sample(rows: list, n: int) -> list:
    rows = list(rows)
    random.Random(SEED).shuffle(rows)
    return rows[:n] if n else rows


def public_sets(n: int) -> dict[str, list[tuple[str, dict]]]:
    """name -> [(text, labels)] from test splits only."""
    sets: dict[str, list[tuple[str, dict]]] = {}
    a = {r[0]: r[1] for r in csv.reader(open(DATA / "olid/labels-levela.csv"))}
    b = {r[0]: r[1] for r in csv.reader(open(DATA / "olid/labels-levelb.csv"))}
    c = {r[0]: r[1] for r in csv.reader(open(DATA / "olid/labels-levelc.csv"))}
    rows = []
    with open(DATA / "olid/testset-levela.tsv", encoding="utf-8") as fh:
        next(fh)
        for line in fh:
            i, tweet = line.rstrip("\n").split("\t", 1)
            rows.append((tweet.replace("@USER", "").replace("URL", "").strip(),
                         {"abuse": a[i] == "OFF", "harassment": c.get(i) == "IND",
                          "discrimination": c.get(i) == "GRP", "untargeted": b.get(i) == "UNT"}))
    sets["OLID test"] = _sample(rows, n)
    rows = []
    for r in csv.DictReader(open(DATA / "hatexplain/hatexplain_majority.csv", encoding="utf-8")):
        if r["split"] == "test":
            rows.append((r["text"], {"discrimination": r["label"] == "hatespeech",
                                     "abuse": r["label"] in ("hatespeech", "offensive")}))
    sets["HateXplain test"] = _sample(rows, n)
    t = (DATA / "tweeteval-hate/test_text.txt").read_text(encoding="utf-8").splitlines()
    y = (DATA / "tweeteval-hate/test_labels.txt").read_text().split()
    sets["TweetEval hate test"] = _sample([(x, {"discrimination": v == "1", "abuse": v == "1"})
                                           for x, v in zip(t, y)], n)
    rows = []
    for r in csv.DictReader(open(DATA / "edos-sexism/edos_labelled_aggregated.csv", encoding="utf-8")):
        if r["split"] == "test":
            s = r["label_sexist"] == "sexist"
            rows.append((r["text"].replace("[USER]", "").replace("[URL]", ""),
                         {"discrimination": s, "abuse": s, "characteristic": "sex" if s else None}))
    sets["EDOS test"] = _sample(rows, n)
    rows = []
    for k, r in enumerate(csv.DictReader(open(DATA / "davidson-hate-offensive/labeled_data.csv", encoding="utf-8"))):
        if random.Random(SEED + k).random() < 0.2:  # the 20 % train_harms leaves out
            rows.append((r["tweet"], {"discrimination": r["class"] == "0", "abuse": r["class"] in ("0", "1")}))
    sets["Davidson held-out 20%"] = _sample(rows, n)
    rows = []
    multi = {}
    for r in csv.DictReader(open(DATA / "ethos/Ethos_Dataset_Multi_Label.csv", encoding="utf-8"), delimiter=";"):
        multi[r["comment"].strip()] = r
    cmap = {"gender": "sex", "race": "race", "national_origin": "race", "disability": "disability",
            "religion": "religion or belief", "sexual_orientation": "sexual orientation"}
    for r in csv.DictReader(open(DATA / "ethos/Ethos_Dataset_Binary.csv", encoding="utf-8"), delimiter=";"):
        hate = float(r["isHate"]) >= 0.5
        ch = None
        m = multi.get(r["comment"].strip())
        if hate and m:
            best = max(cmap, key=lambda k: float(m[k]))
            ch = cmap[best] if float(m[best]) >= 0.5 else None
        rows.append((r["comment"], {"discrimination": hate, "abuse": hate, "characteristic": ch}))
    sets["ETHOS (all, eval only)"] = _sample(rows, n)
    return sets


# ---------------------------------------------------------------- obfuscation

_LEET = {"a": "4", "e": "3", "i": "1", "o": "0", "s": "$"}
_HOMO = {"a": "\u0430", "e": "\u0435", "o": "\u043e", "p": "\u0440", "c": "\u0441"}


def obfuscate(text: str, rng: random.Random) -> str:
    """Hide about half of the longer words one of five ways."""
    out = []
    for w in text.split(" "):
        if len(w) >= 4 and w.isalpha() and rng.random() < 0.5:
            how = rng.randrange(5)
            if how == 0:
                w = "".join(_LEET.get(ch, ch) if ch.islower() else ch for ch in w)
            elif how == 1:
                w = "\u200b".join(w)
            elif how == 2:
                w = "".join(_HOMO.get(ch, ch) for ch in w)
            elif how == 3 and len(w) <= 6:
                w = " ".join(w)
            else:
                w = w[0] + "*" + w[2:]
        out.append(w)
    return " ".join(out)


# ---------------------------------------------------------------- scoring

def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def flagged_rules(res) -> dict[str, object]:
    return {f.rule: f for f in res.findings if f.rule in RULES and f.severity != "advice"}


def score_school(engine, rows):
    posts = [p for p, _, _ in rows]
    results = []
    # one school per batch: check_many takes a single school
    by_school: dict[int, list[int]] = defaultdict(list)
    for i, (_, s, _) in enumerate(rows):
        by_school[id(s)].append(i)
    res: dict[int, object] = {}
    for idx in by_school.values():
        school = rows[idx[0]][1]
        for i, r in zip(idx, engine.check_many([posts[i] for i in idx], school)):
            res[i] = r
    results = [res[i] for i in range(len(rows))]
    counts = {r: Counter() for r in RULES}
    confusion: dict[str, Counter] = defaultdict(Counter)
    benign = benign_fp = 0
    per_char = defaultdict(Counter)
    for (post, _, lab), r in zip(rows, results):
        got = flagged_rules(r)
        want = set(lab["rules"]) & set(RULES)
        for rule in RULES:
            key = "tp" if rule in got and rule in want else "fp" if rule in got else "fn" if rule in want else "tn"
            counts[rule][key] += 1
        for t in (want or {"(none)"}):
            for g in (set(got) or {"(none)"}):
                confusion[t][g] += 1
        if lab["decision"] == "allow":
            benign += 1
            benign_fp += bool(got)
        names = {v: k for k, v in CHARACTERISTIC_IDS.items()}
        for cid in lab.get("characteristics") or []:
            ch = names.get(cid, cid)
            f = got.get("discrimination")
            per_char[ch]["n"] += 1
            per_char[ch]["found"] += f is not None
            per_char[ch]["named"] += f is not None and f.detail.get("characteristic") == ch
    return counts, confusion, (benign_fp, benign), per_char


def rule_table(counts) -> tuple[list[str], float]:
    lines = ["| rule | P | R | F1 | TP | FP | FN |", "|---|---|---|---|---|---|---|"]
    f1s = []
    for rule in RULES:
        c = counts[rule]
        p, r, f = prf(c["tp"], c["fp"], c["fn"])
        f1s.append(f)
        lines.append(f"| {rule} | {p:.2f} | {r:.2f} | {f:.2f} | {c['tp']} | {c['fp']} | {c['fn']} |")
    macro = float(np.mean(f1s))
    lines.append(f"| **macro** | | | **{macro:.3f}** | | | |")
    return lines, macro


def score_public(engine, rows):
    posts = [Post(id=f"x{i}", text=t) for i, (t, _) in enumerate(rows)]
    res = list(engine.check_many(posts, None))
    c = defaultdict(Counter)
    char = Counter()
    for (_, lab), r in zip(rows, res):
        got = flagged_rules(r)
        pairs = {"discrimination": "discrimination" in got, "harassment": "harassment" in got,
                 "abuse": bool(set(got) & {"harassment", "discrimination", "disrepute"})}
        for k, g in pairs.items():
            if k not in lab:
                continue
            w = lab[k]
            c[k]["tp" if g and w else "fp" if g else "fn" if w else "tn"] += 1
        ch = lab.get("characteristic")
        if ch and "discrimination" in got:
            char["n"] += 1
            char["named"] += got["discrimination"].detail.get("characteristic") == ch
    return c, char


def calibration(rows) -> tuple[list[str], dict[str, float]]:
    model = default_model()
    inputs = [CheckInput(p, s) for p, s, _ in rows]
    model.prepare(inputs)
    probs = np.array([[inp.cache["harm"].prob(r) for r in RULES] for inp in inputs])
    ys = np.array([[r in lab["rules"] for r in RULES] for _, _, lab in rows], dtype=float)
    brier = {r: float(np.mean((probs[:, j] - ys[:, j]) ** 2)) for j, r in enumerate(RULES)}
    p, y = probs.ravel(), ys.ravel()
    lines = ["| confidence | posts x rules | mean confidence | observed rate |", "|---|---|---|---|"]
    edges = [0, 0.1, 0.2, 0.3, 0.5, 0.7, 0.9, 1.0001]
    for a, b in zip(edges, edges[1:]):
        m = (p >= a) & (p < b)
        if m.any():
            lines.append(f"| {a:.1f}–{min(b, 1):.1f} | {int(m.sum())} | {p[m].mean():.2f} | {y[m].mean():.2f} |")
    return lines, brier


HELDOUT_SUITES = {
    "functional-heldout.jsonl": (
        "About 400 cases in 26 functionalities, written by a helper session that saw neither the",
        "detectors nor our own suite; no school context. Its **dev** half was read for error analysis",
        "while the detectors' floors were improved; its **test** half was never read: that column is",
        "the independent figure."),
    "functional-heldout-2.jsonl": (
        "400 cases in 26 functionalities, written later by another helper session that read nothing",
        "of the repository (no detectors, no training data, no earlier suite; see its `.md`). It is all",
        "**test**: no case was read while the detectors were changed, so it measures generalisation."),
}


def heldout_suite(path: Path) -> list[str]:
    """A held-out functional suite (training/eval), written blind by a helper session: per
    split, P/R/F1 of harassment and discrimination and the share correct per functionality.
    Only a suite's dev split was ever read for error analysis."""
    if not path.exists():
        return []
    rows = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
    splits = [sp for sp in ("dev", "test") if any(r["split"] == sp for r in rows)]
    engine = Engine(rules={"harassment", "discrimination"})
    posts = [Post.from_dict({"id": r["id"], "text": r["text"], "author": {"role": r["author_role"]},
                             "account": "personal", "platform": "facebook"}) for r in rows]
    got = [{f.rule for f in res.findings if f.severity in ("review", "block")}
           for res in engine.check_many(posts)]
    md = [f"## Held-out functional suite (`training/eval/{path.name}`)", "",
          *HELDOUT_SUITES.get(path.name, ()),
          "\"Correct\" = flagged as harassment or discrimination exactly when the case is labelled with",
          "either; \"not flagged correctly\" is the same over the cases labelled with neither (counter-speech,",
          "neutral and positive identity mentions, negation, reporting, teaching, idioms...).", ""]
    by: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    prf: dict[str, dict[str, Counter]] = {sp: {r: Counter() for r in ("harassment", "discrimination")}
                                          for sp in splits}
    neg: dict[str, list[int]] = {sp: [0, 0] for sp in splits}
    for r, g in zip(rows, got):
        want = r["harassment"] or r["discrimination"]
        cell = by[r["functionality"]][r["split"]]
        cell[0] += want == bool(g)
        cell[1] += 1
        if not want:
            neg[r["split"]][0] += not g
            neg[r["split"]][1] += 1
        for rule in ("harassment", "discrimination"):
            prf[r["split"]][rule][("t" if r[rule] else "f") + ("p" if rule in g else "n")] += 1
    md += ["| split | rule | P | R | F1 |", "|---|---|---|---|---|"]
    for sp in splits:
        for rule, c in prf[sp].items():
            p = c["tp"] / max(c["tp"] + c["fp"], 1)
            rc = c["tp"] / max(c["tp"] + c["fn"], 1)
            md.append(f"| {sp} | {rule} | {p:.2f} | {rc:.2f} | {2 * p * rc / max(p + rc, 1e-9):.2f} |")
    md += ["", "| functionality | " + " | ".join(f"{sp} correct" for sp in splits) + " |",
           "|---|" + "---|" * len(splits)]
    tot = {sp: [0, 0] for sp in splits}
    for name in sorted(by):
        cells = []
        for sp in splits:
            a, n = by[name][sp]
            tot[sp][0] += a
            tot[sp][1] += n
            cells.append(f"{a}/{n}")
        md.append(f"| {name.replace('_', ' ')} | " + " | ".join(cells) + " |")
    md.append("| **all** | " + " | ".join(f"**{tot[sp][0] / tot[sp][1]:.1%}**" for sp in splits) + " |")
    md.append("| **not flagged correctly** | " + " | ".join(
        f"**{neg[sp][0]}/{neg[sp][1]} = {neg[sp][0] / max(neg[sp][1], 1):.1%}**" for sp in splits) + " |")
    return md + [""]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--public-max", type=int, default=0, help="posts per public set (0 = all)")
    ap.add_argument("--out", default=str(ROOT / "docs" / "evaluation.md"))
    ap.add_argument("--skip-end-to-end", action="store_true")
    args = ap.parse_args(argv)
    t0 = time.time()
    engine = Engine(rules=set(RULES))
    model = default_model()
    md: list[str] = []
    md += ["# Evaluation of the harm detectors (clause 1.5)", "",
           "Generated by `scripts/evaluate_harms.py`; do not edit by hand. Figures are for the shipped",
           "model (`socialguard/analysis/models/data/harm_heads.npz`, trained by `train_harms` on the",
           "*train* splits and on our own written sets in `training/data/`, never on a dev or test split;",
           "see `MODEL_CARD.md`) run through the engine, i.e. the detectors with their",
           "lexicon floors and vetoes, not the bare heads. A post counts as flagged for a rule when a finding",
           "of that rule has severity review or block. Thresholds per rule (chosen on out-of-fold train",
           "scores): " + ", ".join(f"{r} {model.threshold[r]:.2f}" for r in RULES) + ".", ""]

    sp = school_dev("school-posts")
    sv = school_dev("school-posts-varied")
    summary = {}
    per_char_all = defaultdict(Counter)
    for name, rows in (("school-posts dev", sp), ("school-posts-varied dev", sv), ("both school dev splits", sp + sv)):
        counts, confusion, (bfp, bn), per_char = score_school(engine, rows)
        lines, macro = rule_table(counts)
        summary[name] = (macro, bfp, bn)
        md += [f"## {name} ({len(rows)} posts)", "", *lines, "",
               f"False alarms on benign (allowed) posts: {bfp}/{bn} = {bfp / max(bn, 1):.1%} "
               "(any of the seven rules flagged).", ""]
        if name == "both school dev splits":
            md += ["### Confusion table (labelled rule × flagged rule, both dev splits)", "",
                   "Rows: a rule the post is labelled with (or none); columns: rules the engine flagged.", "",
                   "| labelled \\ flagged | " + " | ".join([*RULES, "(none)"]) + " |",
                   "|---|" + "---|" * (len(RULES) + 1)]
            for t in [*RULES, "(none)"]:
                md.append(f"| {t} | " + " | ".join(str(confusion[t][g]) for g in [*RULES, "(none)"]) + " |")
            md.append("")
        if name == "school-posts-varied dev":
            for ch, c in per_char.items():
                per_char_all[ch].update(c)

    md += ["## Discrimination per protected characteristic (school-posts-varied dev)", "",
           "| characteristic | posts | flagged as discrimination | characteristic named correctly |",
           "|---|---|---|---|"]
    for ch in CHARACTERISTICS:
        c = per_char_all.get(ch, Counter())
        if c["n"]:
            md.append(f"| {ch} | {c['n']} | {c['found']} ({c['found'] / c['n']:.0%}) | {c['named']} |")
    md += ["", "Only 1–3 dev posts per characteristic: read these as examples, not rates. The school-posts",
           "set has no per-post characteristic labels.", ""]

    # our own functional suite (tests/analysis/test_functional_harms.py), as rates
    sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "tests" / "analysis")]
    import test_functional_harms as F
    groups = {
        "hateful statements about a group → flagged": ([(t.format(g=g), F.PARENT) for g, _ in F.GROUPS for t in F.HATEFUL], True),
        "neutral mentions of identity groups → not flagged": ([(t.format(g=g), F.OFFICIAL) for g, _ in F.GROUPS for t in F.NEUTRAL]
                                                             + [(t, F.OFFICIAL) for t in F.OWN_IDENTITY], False),
        "counter-speech quoting hate → not flagged": ([(t.format(g=g), F.PARENT) for g, _ in F.GROUPS for t in F.COUNTER], False),
        "teaching about prejudice → not flagged": ([(t, F.OFFICIAL) for t in F.TEACHING], False),
        "slurs at a pupil → flagged": ([(t.format(s=x), F.PUPIL) for x in F.SLURS for t in F.SLUR_AT_PUPIL], True),
        "obfuscated slurs (5 ways) → flagged": ([(t.format(s=o), F.PUPIL) for x in F.SLURS for t in F.SLUR_AT_PUPIL[:1]
                                                  for o in F.obfuscations(x)], True),
        "profanity alone → not harassment/discrimination": ([(t, F.PARENT) for t in F.PROFANITY_ONLY], False),
    }
    md += ["## Functional suite (our own HateCheck-style templates, `tests/analysis/test_functional_harms.py`)", "",
           "Flagged = a harassment or discrimination finding. The tests hold each group to a floor;",
           "here are the rates. The detectors' lexicon floors and vetoes were written with this suite",
           "in view, so these rates show the suite passes, not how an independent suite would score.", "", "| functionality | cases | correct |", "|---|---|---|"]
    for name, (cases, want) in groups.items():
        rate, _ = F.share(cases, want)
        md.append(f"| {name} | {len(cases)} | {rate:.0%} |")
    idi = sum(not F.flagged(t, rules=F.HARM, **F.PARENT) for t in F.IDIOMS)
    thr = sum(F.flagged(t, rules={"harassment"}, **F.PUPIL) for t in F.THREATS)
    md += [f"| idioms (\"killing it\") → no harm rule at all | {len(F.IDIOMS)} | {idi / len(F.IDIOMS):.0%} |",
           f"| threats at named pupils → harassment | {len(F.THREATS)} | {thr / len(F.THREATS):.0%} |", ""]

    for suite in HELDOUT_SUITES:
        md += heldout_suite(ROOT / "training" / "eval" / suite)

    # obfuscation
    rng = random.Random(SEED)
    obf = [(Post.from_dict({**p.to_dict(), "text": obfuscate(p.text, rng)}), s, lab) for p, s, lab in sp + sv]
    counts_o, _, (bfp_o, bn_o), _ = score_school(engine, obf)
    lines_o, macro_o = rule_table(counts_o)
    md += ["## Effect of obfuscation (both school dev splits, obfuscated by script)", "",
           "About half of the words of four or more letters are hidden one of five ways (leetspeak,",
           "zero-width characters between letters, Cyrillic homoglyphs, spaced letters, a masked",
           f"letter), seeded. Macro F1 {summary['both school dev splits'][0]:.3f} plain → {macro_o:.3f} "
           f"obfuscated; false alarms {bfp_o}/{bn_o}.", "", *lines_o, ""]

    # calibration
    cal, brier = calibration(sp + sv)
    md += ["## Calibration (both school dev splits, the heads' calibrated probability)", "",
           "Platt scaling fitted on out-of-fold train scores. Reliability over all (post, rule) pairs:", "",
           *cal, "", "Brier score per rule: " + ", ".join(f"{r} {b:.3f}" for r, b in brier.items()) + ".", ""]

    # public sets
    md += ["## Public test sets, mapped to rules", "",
           (f"Up to {args.public_max} posts per set (seeded sample), no school context. " if args.public_max
            else "Every post of each set's test split, no school context. ")
           + "`abuse` = flagged as any of harassment, discrimination or disrepute, against the set's",
           "offensive-or-hateful label. These sets are US/international Twitter, Gab, Reddit and YouTube",
           "posts: a different domain from UK school posts, and the heads were tuned for school posts,",
           "so these figures show transfer, not the target.", "",
           "| set | posts | label → rule | P | R | F1 |", "|---|---|---|---|---|---|"]
    char_lines = []
    for name, rows in public_sets(args.public_max).items():
        c, char = score_public(engine, rows)
        for k in ("discrimination", "harassment", "abuse"):
            if c[k]:
                p, r, f = prf(c[k]["tp"], c[k]["fp"], c[k]["fn"])
                md.append(f"| {name} | {len(rows)} | {k} | {p:.2f} | {r:.2f} | {f:.2f} |")
        if char["n"]:
            char_lines.append(f"- {name}: of {char['n']} hateful posts flagged as discrimination with a "
                              f"labelled characteristic, {char['named']} ({char['named'] / char['n']:.0%}) "
                              "were given that characteristic.")
    md += ["", *char_lines, ""]

    md += ["## Published anchors (context only, not measured here)", "",
           "- Detoxify (Unitary; README of unitaryai/detoxify): mean ROC-AUC 98.64 for the `original`",
           "  model on the Jigsaw Toxic Comment Classification test set; 93.74 for `unbiased` on the",
           "  Jigsaw Unintended Bias benchmark (its bias-weighted AUC metric); 92.11 for `multilingual`.",
           "- Perspective API: Lees et al. (2022), *A New Generation of Perspective API* (KDD 2022),",
           "  report AUPRC per public benchmark; we could not check the figures offline, so none is quoted.",
           "- Llama Guard: Inan et al. (2023) report AUPRC on the OpenAI Moderation and ToxicChat sets;",
           "  the Llama Guard 2 and 3 model cards report F1 of roughly 0.9 on Meta's internal test sets",
           "  (from memory of the cards; check the source before citing).",
           "Those are other tasks and data (toxicity in Wikipedia and news comments, LLM prompt and",
           "response safety), not UK school posts, and none of them was run here, so they are context",
           "for the size of the numbers, not a comparison.", ""]

    if not args.skip_end_to_end:
        cmd = [sys.executable, str(ROOT / "scripts" / "evaluate_rules.py"), "--split", "dev", "--rules",
               ",".join(RULES)]
        out = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT).stdout
        md += ["## End to end (`scripts/evaluate_rules.py --split dev --rules <the seven>`)", "",
               "The whole engine (all detectors) on both dev splits, scored per rule:", "", out.strip(), ""]
    md += [f"_Run time {time.time() - t0:.0f} s on a shared 2-core machine._", ""]
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text("\n".join(md), encoding="utf-8")
    print("\n".join(md[:8]))
    for k, (m, bfp, bn) in summary.items():
        print(f"{k}: macro F1 {m:.3f}; benign false alarms {bfp}/{bn}")
    print(f"obfuscated: macro F1 {macro_o:.3f}")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
