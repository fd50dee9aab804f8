"""Train the seven harm heads and write ``data/harm_heads.npz``.

    .venv/bin/python -m socialguard.analysis.models.train_harms            # train + write (shipped settings)
    .venv/bin/python -m socialguard.analysis.models.train_harms --sweep    # compare settings on dev

What it does (about a minute on 2 cores):
1. Features for every school post (../shared/data: school-posts and school-posts-varied,
   train and dev splits; the repo's own written sets in ``training/data/``, all train) and
   for a sample of the public sets' *train* splits, made by the run-time code
   (``harm_model.make_unit``) with the shipped int8 encoder.
2. Per rule, a logistic regression on the school train rows, plus public rows at a small
   total weight (``--public-weight``; DESIGN.md: naive mixing of US tweets hurt). Public
   rows teach the discrimination head only what is hateful and what is not; "offensive"
   is not a school harm by itself, so it is no label for the other heads.
3. 5-fold cross-validation on the train split gives out-of-fold scores, on which Platt
   scaling and the rule's threshold (best F1) are fitted. The dev splits are only scored.
Public test splits and ETHOS (GPL-3.0) are never trained on.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import sys
import time
from pathlib import Path

import numpy as np

os.environ.setdefault("ORT_DISABLE_TELEMETRY", "1")

from socialguard.analysis.detectors.base import CheckInput  # noqa: E402
from socialguard.analysis.models.encoder import ENCODER_FILE, Encoder, data_path  # noqa: E402
from socialguard.analysis.models.harm_model import (  # noqa: E402
    CONTEXT_FEATURES, HARM_RULES, make_unit)
from socialguard.analysis.post import Post, load_context  # noqa: E402

ROOT = Path(__file__).resolve().parents[4]
DATA = Path(os.environ.get("SOCIALGUARD_DATA", ROOT.parent / "shared" / "data"))
SCHOOL_SETS = ("school-posts", "school-posts-varied")
NAN = float("nan")
SEED = 20261126
TFIDF_NGRAMS = (2, 5)


# ---------------------------------------------------------------- data

def school_rows(dataset: str):
    """(CheckInput, label dict) for every post of a school set."""
    root = DATA / dataset
    posts = [json.loads(x) for x in (root / "posts.jsonl").read_text().splitlines() if x.strip()]
    labels = [json.loads(x) for x in (root / "labels.jsonl").read_text().splitlines() if x.strip()]
    ctxs: dict[str, object] = {}
    for p, lab in zip(posts, labels, strict=True):
        folder = lab.get("school", "brackenfield")
        if folder not in ctxs:
            ctxs[folder] = load_context(root / folder)
        yield CheckInput(Post.from_dict(p), ctxs[folder]), lab


OWN = ROOT / "training" / "data"
# written sets measured and not (yet) trained on by the shipped heads: see training/README.md
CANDIDATES = ROOT / "training" / "candidates"


def own_sets(folder: Path = OWN) -> list[str]:
    """Our own individually written training sets (``training/data/<set>/``), all train split."""
    if not folder.is_dir():
        return []
    return sorted(d.name for d in folder.iterdir() if (d / "labels.jsonl").exists())


def candidate_sets(chosen: str) -> list[str]:
    """The candidate sets named in ``chosen`` (comma-separated), or all of them for "all"."""
    have = own_sets(CANDIDATES)
    if chosen == "all":
        return have
    names = [n.strip() for n in chosen.split(",") if n.strip()]
    unknown = sorted(set(names) - set(have))
    if unknown:
        raise SystemExit(f"train_harms: error: no candidate set {', '.join(unknown)} in {CANDIDATES}")
    return names


def own_rows(name: str, folder: Path = OWN):
    """(CheckInput, label dict) for every post of one of our own sets."""
    root = folder / name
    posts = [json.loads(x) for x in (root / "posts.jsonl").read_text().splitlines() if x.strip()]
    labels = [json.loads(x) for x in (root / "labels.jsonl").read_text().splitlines() if x.strip()]
    ctx = load_context(root / "school")
    for p, lab in zip(posts, labels, strict=True):
        if p["id"] != lab["id"]:
            raise ValueError(f"{root}: posts and labels out of step at {p['id']} / {lab['id']}")
        yield CheckInput(Post.from_dict(p), ctx), {**lab, "split": "train"}


def _vec(**on: float) -> list[float]:
    return [on.get(r, NAN) for r in HARM_RULES]


def hate_labels(kind: str) -> list[float]:
    """Rule labels for a public row graded hate / offensive / normal. Hate is discrimination;
    "offensive" is not a school harm by itself, so it says only "not discrimination"."""
    if kind == "hate":
        return _vec(discrimination=1)
    if kind == "offensive":
        return _vec(discrimination=0)
    return _vec(harassment=0, discrimination=0, disrepute=0)


def public_rows(per_source: int, rng: random.Random) -> list[tuple[str, str, list[float]]]:
    """(source, text, labels with NaN = 'says nothing about this rule') from public train splits."""
    out: list[tuple[str, str, list[float]]] = []
    clean = dict(harassment=0, discrimination=0, disrepute=0)

    def take(source: str, rows: list[tuple[str, list[float]]]) -> None:
        rng.shuffle(rows)
        out.extend((source, t, y) for t, y in rows[:per_source])

    # OLID (train file only; the test files are for measurement)
    rows = []
    with open(DATA / "olid" / "olid-training-v1.0.tsv", encoding="utf-8") as fh:
        next(fh)
        for line in fh:
            _id, tweet, a, b, c = line.rstrip("\n").split("\t")
            if a == "NOT":
                y = _vec(**clean)
            elif b == "UNT":
                y = _vec(harassment=0, discrimination=0, disrepute=1)
            elif c == "IND":
                y = _vec(harassment=1, discrimination=0)
            elif c == "GRP":
                y = _vec(discrimination=1)
            else:
                y = _vec(disrepute=1)
            rows.append((tweet.replace("@USER", "").replace("URL", "").strip(), y))
    take("olid", rows)

    # Davidson: no official split; a seeded 80/20 split, train part only
    rows = []
    with open(DATA / "davidson-hate-offensive" / "labeled_data.csv", encoding="utf-8") as fh:
        for k, r in enumerate(csv.DictReader(fh)):
            if random.Random(SEED + k).random() < 0.2:
                continue
            rows.append((r["tweet"], hate_labels(("hate", "offensive", "normal")[int(r["class"])])))
    take("davidson", rows)

    rows = []
    with open(DATA / "hatexplain" / "hatexplain_majority.csv", encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            if r["split"] != "train":
                continue
            rows.append((r["text"], hate_labels({"hatespeech": "hate"}.get(r["label"], r["label"]))))
    take("hatexplain", rows)

    t = (DATA / "tweeteval-hate" / "train_text.txt").read_text(encoding="utf-8").splitlines()
    lab = (DATA / "tweeteval-hate" / "train_labels.txt").read_text().split()
    take("tweeteval", [(x, _vec(discrimination=float(y))) for x, y in zip(t, lab)])

    rows = []
    with open(DATA / "edos-sexism" / "edos_labelled_aggregated.csv", encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            if r["split"] == "train":
                rows.append((r["text"].replace("[USER]", "").replace("[URL]", ""),
                             _vec(discrimination=float(r["label_sexist"] == "sexist"))))
    take("edos", rows)
    return out


# ---------------------------------------------------------------- features

def featurise(inputs: list[CheckInput], enc: Encoder) -> dict:
    units = [make_unit(inp, 0, len(inp.post.text)) for inp in inputs]
    texts = [u.model_text for u in units]
    return {"E": enc.embed(texts), "F": np.vstack([u.features for u in units]), "texts": texts}


# ---------------------------------------------------------------- fitting

def _fit(X, y, w, C, balance=0.5):
    from sklearn.linear_model import LogisticRegression
    m = LogisticRegression(C=C, max_iter=3000, solver="liblinear")
    pos = w[y == 1].sum()
    neg = w[y == 0].sum()
    ww = np.where(y == 1, w * (neg / max(pos, 1e-9)) ** balance, w)  # soft balancing
    m.fit(X, y, sample_weight=ww)
    return m


def _best_threshold(p: np.ndarray, y: np.ndarray, benign: np.ndarray | None = None,
                    max_fpr: float = 1.0) -> tuple[float, float]:
    """The threshold with the best F1 whose false-alarm rate on ``benign`` rows stays within
    ``max_fpr`` (the highest threshold tried, if none does)."""
    best = (0.9, -1.0)
    for t in np.arange(0.2, 0.91, 0.02):
        pred = p >= t
        if benign is not None and benign.any() and pred[benign].mean() > max_fpr:
            continue
        tp = (pred & (y == 1)).sum()
        fp = (pred & (y == 0)).sum()
        fn = (~pred & (y == 1)).sum()
        f = 2 * tp / max(2 * tp + fp + fn, 1)
        if f > best[1] + 1e-9:
            best = (float(t), float(f))
    return best


def _joint_thresholds(p: np.ndarray, Y: np.ndarray, benign: np.ndarray, start: list[float],
                      budget: float) -> list[float]:
    """Raise per-rule thresholds (from ``start``) until the share of benign rows flagged by any
    rule is within ``budget``, each step raising the rule that loses the least F1 per false
    alarm removed. A post-level budget: seven per-rule budgets add up."""
    thr = list(start)

    def f1(j: int, t: float) -> float:
        return prf(p[:, j] >= t, Y[:, j])[2]

    def fa(ts: list[float]) -> float:
        return float((p[benign] >= np.array(ts)).any(1).mean()) if benign.any() else 0.0

    cur = fa(thr)
    while cur > budget:
        best = None
        for j in range(p.shape[1]):
            if thr[j] >= 0.95:
                continue
            t2 = thr[:]
            drop = 0.0
            while drop <= 0 and t2[j] < 0.95:  # the smallest raise that removes a false alarm
                t2[j] = round(t2[j] + 0.02, 2)
                drop = cur - fa(t2)
            if drop <= 0:
                continue
            cost = (f1(j, thr[j]) - f1(j, t2[j])) / drop
            if best is None or cost < best[0]:
                best = (cost, j, t2)
        if best is None:
            break
        thr = best[2]
        cur = fa(thr)
    return thr


def _platt(z: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    from sklearn.linear_model import LogisticRegression
    m = LogisticRegression(C=100.0).fit(z.reshape(-1, 1), y)
    return float(m.coef_[0, 0]), float(m.intercept_[0])


def prf(pred: np.ndarray, y: np.ndarray) -> tuple[float, float, float]:
    tp = int((pred & (y == 1)).sum())
    fp = int((pred & (y == 0)).sum())
    fn = int((~pred & (y == 1)).sum())
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def train(cfg: dict, S: dict, P: dict | None, *, verbose: bool = True) -> dict:
    """Fit all heads with settings ``cfg``; returns weights and train-OOF / dev figures."""
    import scipy.sparse as sp
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.model_selection import StratifiedKFold
    mu = S["F"][S["train"]].mean(0)
    sd = S["F"][S["train"]].std(0) + 1e-3
    tr = np.where(S["train"])[0]
    dv = np.where(~S["train"])[0]
    n_dense = S["E"].shape[1] + S["F"].shape[1]
    vec = None
    if cfg["tfidf"]:
        vec = TfidfVectorizer(analyzer="char_wb", ngram_range=TFIDF_NGRAMS, min_df=2, sublinear_tf=True,
                              lowercase=False, dtype=np.float32)
        vec.fit([S["texts"][i] for i in tr])
    wvec = None
    if cfg.get("words"):
        wvec = TfidfVectorizer(analyzer="word", ngram_range=(1, 2), min_df=2, sublinear_tf=True,
                               lowercase=False, dtype=np.float32)
        wvec.fit([S["texts"][i] for i in tr])

    def matrix(D):
        dense = np.hstack([D["E"], (D["F"] - mu) / sd]).astype(np.float32)
        if vec is None:
            return sp.csr_matrix(dense)
        parts = [sp.csr_matrix(dense), vec.transform(D["texts"])]
        if wvec is not None:
            parts.append(wvec.transform(D["texts"]))
        return sp.hstack(parts).tocsr()

    Xs = matrix(S)
    w_school = np.where(S["varied"], cfg["varied_weight"], 1.0)
    if "own" in S:
        w_school = np.where(S["own"], cfg.get("own_weight", 1.0), w_school)
    Xp = matrix(P) if P is not None and cfg["public_weight"] > 0 else None
    W, B, A, Cc, T, report = [], [], [], [], [], {}
    dev_flags = np.zeros(len(dv), dtype=bool)
    dev_pred = np.zeros((len(dv), len(HARM_RULES)), dtype=bool)
    oof_all = np.zeros((len(tr), len(HARM_RULES)))
    dev_all = np.zeros((len(dv), len(HARM_RULES)))
    # the false-alarm budget is counted on the benign posts it is meant for: with
    # fpr_rows="shared", the shared sets' ordinary allowed posts, not our sets' hard
    # negatives, which are written to look like harm (they still shape the fit)
    fpr_benign = S["benign"] & ~S["own"] if cfg.get("fpr_rows") == "shared" and "own" in S else S["benign"]
    for j, rule in enumerate(HARM_RULES):
        y = S["Y"][:, j]
        Xtr, ytr, wtr = Xs[tr], y[tr], w_school[tr]
        if Xp is not None:
            keep = ~np.isnan(P["Y"][:, j])
            n_pub = keep.sum()
            if n_pub:
                total = wtr.sum() * cfg["public_weight"]
                Xtr = sp.vstack([Xtr, Xp[keep]]).tocsr()
                ytr = np.concatenate([ytr, P["Y"][keep, j]])
                wtr = np.concatenate([wtr, np.full(n_pub, total / n_pub)])
        n_school = len(tr)
        oof = np.zeros(n_school)
        skf = StratifiedKFold(5, shuffle=True, random_state=SEED)
        for a, b in skf.split(np.zeros(n_school), y[tr]):
            fit_idx = np.concatenate([a, np.arange(n_school, len(ytr))])
            m = _fit(Xtr[fit_idx], ytr[fit_idx], wtr[fit_idx], cfg["C"], cfg.get("balance", 0.5))
            oof[b] = m.decision_function(Xs[tr][b])
        pa, pc = _platt(oof, y[tr])
        oof_p = 1 / (1 + np.exp(-(pa * oof + pc)))
        # thresholds may be chosen on the individually written posts only ("varied"): the
        # templated set's near-duplicates make its out-of-fold scores optimistic
        rows = S["varied"][tr] if cfg.get("thr_rows") == "varied" else np.ones(len(tr), dtype=bool)
        _, f_oof = _best_threshold(oof_p, y[tr], fpr_benign[tr], cfg.get("max_fpr", 1.0))
        thr, _ = _best_threshold(oof_p[rows], y[tr][rows], fpr_benign[tr][rows], cfg.get("max_fpr", 1.0))
        m = _fit(Xtr, ytr, wtr, cfg["C"], cfg.get("balance", 0.5))
        z_dev = m.decision_function(Xs[dv])
        p_dev = 1 / (1 + np.exp(-(pa * z_dev + pc)))
        figs = {"oof_f1": f_oof, "threshold": thr}
        for name, mask in (("school-posts", ~S["varied"][dv]), ("school-posts-varied", S["varied"][dv])):
            p, r, f = prf(p_dev[mask] >= thr, y[dv][mask])
            figs[name] = (p, r, f)
        p, r, f = prf(p_dev >= thr, y[dv])
        figs["dev"] = (p, r, f)
        dev_flags |= p_dev >= thr
        dev_pred[:, j] = p_dev >= thr
        oof_all[:, j] = oof_p
        dev_all[:, j] = p_dev
        report[rule] = figs
        W.append(m.coef_[0])
        B.append(m.intercept_[0])
        A.append(pa)
        Cc.append(pc)
        T.append(thr)
        if verbose:
            print(f"  {rule:15s} thr {thr:.2f} oofF1 {f_oof:.3f} | dev P {p:.2f} R {r:.2f} F1 {f:.3f}"
                  f" | sp {figs['school-posts'][2]:.2f} varied {figs['school-posts-varied'][2]:.2f}")
    benign_tr = S["benign"][tr]
    if cfg.get("post_budget"):
        # one budget for the post (any rule), as the target is stated, instead of seven
        # per-rule budgets that add up: raise the thresholds that cost the least F1
        T = _joint_thresholds(oof_all, S["Y"][tr], benign_tr, list(T), cfg["post_budget"])
        dev_flags = np.zeros(len(dv), dtype=bool)
        for j, rule in enumerate(HARM_RULES):
            y = S["Y"][:, j]
            pred = dev_all[:, j] >= T[j]
            dev_pred[:, j] = pred
            dev_flags |= pred
            report[rule]["threshold"] = T[j]
            report[rule]["dev"] = prf(pred, y[dv])
            for name, mask in (("school-posts", ~S["varied"][dv]), ("school-posts-varied", S["varied"][dv])):
                report[rule][name] = prf(pred[mask], y[dv][mask])
            if verbose:
                print(f"  {rule:15s} thr {T[j]:.2f} (post budget) | dev F1 {report[rule]['dev'][2]:.3f}")
    if verbose:
        oof_fa = float((oof_all[benign_tr] >= np.array(T)).any(1).mean())
        print(f"  benign train posts flagged by any head out of fold: {oof_fa:.1%}")
    macro = np.mean([report[r]["dev"][2] for r in HARM_RULES])
    if verbose and dev_flags is not None:
        b = S["benign"][dv]
        print(f"  benign dev posts flagged by any head: {int(dev_flags[b].sum())}/{int(b.sum())}"
              f" = {dev_flags[b].mean():.1%}")
    if verbose:
        print(f"  macro dev F1 {macro:.3f}  (oof {np.mean([report[r]['oof_f1'] for r in HARM_RULES]):.3f})")
    Wall = np.array(W).T
    out = {"W": Wall[:n_dense], "b": np.array(B), "platt_a": np.array(A), "platt_c": np.array(Cc),
           "threshold": np.array(T), "mu": mu, "sd": sd, "report": report, "macro": macro,
           "dev_pred": dev_pred, "dv": dv, "tr": tr, "oof_p": oof_all, "dev_p": dev_all}
    if vec is not None:
        vocab = vec.get_feature_names_out()
        n_char = len(vocab)
        if wvec is not None:
            wv = wvec.get_feature_names_out()
            out.update(Ww=Wall[n_dense + n_char:], word_vocab=wv.astype(str),
                       word_idf=wvec.idf_.astype(np.float32))
        out.update(Wt=Wall[n_dense:n_dense + n_char], tfidf_vocab=vocab.astype(str), tfidf_idf=vec.idf_.astype(np.float32),
                   tfidf_ngrams=np.array(TFIDF_NGRAMS))
    return out


def cross_validate(cfg: dict, S: dict, policies: list[tuple[float, str]], folds: int = 3) -> dict:
    """Nested cross-validation on the train split only: each outer fold is predicted by heads
    fitted on the other folds, with Platt scaling and thresholds from their inner out-of-fold
    scores, exactly as ``train`` fits the shipped heads. Several threshold policies
    (max false-alarm rate, rows the threshold is chosen on) share one set of fits.
    Settings are compared on these figures, never on dev."""
    from sklearn.model_selection import KFold
    tr = np.where(S["train"])[0]
    sub = {k: (v[tr] if isinstance(v, np.ndarray) else [v[i] for i in tr])
           for k, v in S.items() if k in ("E", "F", "texts", "Y", "varied", "benign")}
    pred = {pol: np.zeros((len(tr), len(HARM_RULES)), dtype=bool) for pol in policies}
    for a, b in KFold(folds, shuffle=True, random_state=SEED + 1).split(tr):
        mask = np.zeros(len(tr), dtype=bool)
        mask[a] = True
        res = train(cfg, {**sub, "train": mask}, None, verbose=False)
        itr, idv = res["tr"], res["dv"]
        for fpr, rows_kind in policies:
            if fpr == "joint":  # ("joint", budget): per-rule 2 % first, then a post-level budget
                start = [_best_threshold(res["oof_p"][:, j], sub["Y"][itr][:, j], sub["benign"][itr], 0.02)[0]
                         for j in range(len(HARM_RULES))]
                ts = _joint_thresholds(res["oof_p"], sub["Y"][itr], sub["benign"][itr], start, rows_kind)
                pred[(fpr, rows_kind)][idv] = res["dev_p"] >= np.array(ts)
                continue
            rows = sub["varied"][itr] if rows_kind == "varied" else np.ones(len(itr), dtype=bool)
            for j in range(len(HARM_RULES)):
                thr, _ = _best_threshold(res["oof_p"][rows, j], sub["Y"][itr][rows, j],
                                         sub["benign"][itr][rows], fpr)
                pred[(fpr, rows_kind)][idv, j] = res["dev_p"][:, j] >= thr
    out = {}
    for pol, pr in pred.items():
        out[pol] = {}
        for name, rows in (("all", np.ones(len(tr), dtype=bool)), ("varied", sub["varied"])):
            f1 = [prf(pr[rows, j], sub["Y"][rows, j])[2] for j in range(len(HARM_RULES))]
            ben = sub["benign"] & rows
            out[pol][name] = {"macro": float(np.mean(f1)), "f1": dict(zip(HARM_RULES, f1)),
                              "benign_fpr": float(pr[ben].any(1).mean())}
    return out


def char_centroids(S: dict) -> np.ndarray:
    """Mean embedding of train posts per protected characteristic (school-posts-varied labels)."""
    from socialguard.analysis.lexicons import CHARACTERISTIC_IDS, CHARACTERISTICS
    out = np.zeros((len(CHARACTERISTICS), S["E"].shape[1]), dtype=np.float32)
    for k, ch in enumerate(CHARACTERISTICS):
        rows = [i for i, cs in enumerate(S["chars"]) if S["train"][i] and CHARACTERISTIC_IDS[ch] in cs]
        if rows:
            v = S["E"][rows].mean(0)
            out[k] = v / max(np.linalg.norm(v), 1e-9)
    return out


def build(args) -> tuple[dict, dict | None]:
    if args.encoder == "fp32":
        enc = Encoder(ROOT / "models-work" / "minilm-fp32.onnx", data_path("minilm-tokenizer.json"),
                      threads=args.threads)
    elif args.encoder.endswith(".onnx"):
        enc = Encoder(args.encoder, data_path("minilm-tokenizer.json"), threads=args.threads)
    else:
        enc = Encoder(data_path(ENCODER_FILE), data_path("minilm-tokenizer.json"),
                      threads=args.threads)
    cache = Path(args.cache) if args.cache else None
    if cache is not None and cache.exists() and args.public_per_source == 0:
        with np.load(cache, allow_pickle=False) as z:
            S = {k: z[k] for k in z.files}
        S["texts"] = [str(t) for t in S["texts"]]
        S["chars"] = json.loads(str(S["chars"]))
        print(f"school posts: {len(S['texts'])} from {cache}")
        return S, None
    t0 = time.time()
    inputs, Y, is_train, varied, ids, chars, benign, own = [], [], [], [], [], [], [], []
    sets = [(ds, school_rows(ds)) for ds in SCHOOL_SETS]
    if args.own_data:
        sets += [(f"own:{n}", own_rows(n)) for n in own_sets()]
    if getattr(args, "with_candidates", None):
        sets += [(f"own:{n}", own_rows(n, CANDIDATES)) for n in candidate_sets(args.with_candidates)]
    for ds, rows in sets:
        for inp, lab in rows:
            inputs.append(inp)
            Y.append([float(r in lab["rules"]) for r in HARM_RULES])
            is_train.append(lab["split"] == "train")
            varied.append(ds != "school-posts")  # individually written
            own.append(ds.startswith("own:"))
            ids.append(lab["id"])
            chars.append(lab.get("characteristics") or [])
            benign.append(lab["decision"] == "allow")
    S = featurise(inputs, enc)
    S.update(Y=np.array(Y), train=np.array(is_train), varied=np.array(varied), ids=ids, chars=chars,
             benign=np.array(benign), own=np.array(own))
    print(f"school posts: {len(inputs)} ({sum(is_train)} train) in {time.time() - t0:.0f} s")
    if cache is not None:
        cache.parent.mkdir(parents=True, exist_ok=True)
        np.savez(cache, **{k: v for k, v in S.items() if k not in ("texts", "chars", "ids")},
                 texts=np.array(S["texts"]), chars=np.array(json.dumps(S["chars"])))
    P = None
    if args.public_per_source > 0:
        t0 = time.time()
        rows = [r for r in public_rows(args.public_per_source, random.Random(SEED))
                if r[0] in args.public_sources.split(",")]
        pin = [CheckInput(Post(id=f"pub{i}", text=t), None) for i, (_, t, _) in enumerate(rows)]
        P = featurise(pin, enc)
        P.update(Y=np.array([y for _, _, y in rows]), source=[s for s, _, _ in rows])
        print(f"public rows: {len(rows)} in {time.time() - t0:.0f} s")
    return S, P


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sweep", action="store_true", help="compare settings on dev; write nothing")
    ap.add_argument("--cv", action="store_true",
                    help="compare settings by nested cross-validation on the train split; write nothing")
    ap.add_argument("--balance", type=float, default=0.5,
                    help="positive rows weighted by (negatives/positives)**balance")
    ap.add_argument("--cv-varied-weights", default="1,2,3", help="varied weights --cv compares")
    ap.add_argument("--cache", help="keep the school posts' features in this .npz (e.g. models-work/features.npz) "
                                    "so repeated runs skip the encoder; delete it when the encoder or features change")
    ap.add_argument("--thr-rows", choices=["all", "varied"], default="all",
                    help="train rows the thresholds are chosen on")
    ap.add_argument("--C", type=float, default=10.0)
    ap.add_argument("--public-weight", type=float, default=0.1,
                    help="total weight of public rows relative to the school train rows")
    ap.add_argument("--public-per-source", type=int, default=2000)
    ap.add_argument("--public-sources", default="davidson,hatexplain,edos",
                    help="public train sets to draw from (default: the permissively licensed ones, "
                         "MIT and CC0; olid and tweeteval state no licence)")
    ap.add_argument("--varied-weight", type=float, default=1.0,
                    help="weight of the individually written school-posts-varied rows (chosen by --cv)")
    ap.add_argument("--no-tfidf", action="store_true", help="embedding and context features only")
    ap.add_argument("--own-weight", type=float, default=1.0,
                    help="weight of the rows of our own written sets (training/data)")
    ap.add_argument("--no-words", dest="words", action="store_false",
                    help="leave out the word 1-2-gram tf-idf (kept beside the char n-grams by default)")
    ap.add_argument("--max-fpr", type=float, default=0.01,
                    help="per rule, the most out-of-fold false alarms on benign train posts a threshold may give")
    ap.add_argument("--fpr-rows", choices=["all", "shared"], default="all",
                    help="benign train posts the --max-fpr budget is counted on: all, or only the shared "
                         "sets' (not our own sets' hard negatives)")
    ap.add_argument("--post-budget", type=float, default=0.0,
                    help="after the per-rule thresholds, raise them until at most this share of benign "
                         "train posts is flagged by any rule out of fold (0 = off)")
    ap.add_argument("--encoder", default="int8",
                    help="int8 (shipped), fp32 (models-work/minilm-fp32.onnx) or the path of an .onnx encoder")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--with-candidates", nargs="?", const="all", metavar="SET,SET",
                    help="also train on candidate sets in training/candidates/ (measured, not shipped): "
                         "all of them, or those named")
    ap.add_argument("--no-own-data", dest="own_data", action="store_false",
                    help="leave out our own written sets in training/data/ (by default they are trained on)")
    ap.add_argument("--out", default=str(data_path("harm_heads.npz")))
    args = ap.parse_args(argv)
    if not DATA.is_dir():
        print(f"train_harms: error: no data folder at {DATA} (set SOCIALGUARD_DATA)", file=sys.stderr)
        return 2
    S, P = build(args)
    if args.cv:
        policies = [(f, r) for f in (0.005, 0.01, 0.02) for r in ("all", "varied")]
        policies += [("joint", b) for b in (0.03, 0.05, 0.07)]
        for vw in [float(x) for x in args.cv_varied_weights.split(",")]:
            cfg = {"C": args.C, "public_weight": 0.0, "varied_weight": vw, "tfidf": not args.no_tfidf,
                   "balance": args.balance}
            for (fpr, rows), r in cross_validate(cfg, S, policies).items():
                print(f"vw {vw} fpr {fpr} thr_rows {rows!s:6s} | all macro {r['all']['macro']:.3f} "
                      f"fa {r['all']['benign_fpr']:.1%} | varied macro {r['varied']['macro']:.3f} "
                      f"fa {r['varied']['benign_fpr']:.1%} | "
                      + " ".join(f"{k[:4]} {v:.2f}" for k, v in r["varied"]["f1"].items()), flush=True)
        return 0
    if args.sweep:
        for pw in ([0.0, 0.03, 0.1] if P is not None else [0.0]):
            for vw in (1.0, 2.0):
                for fpr in ((args.max_fpr,) if P is not None else (1.0, 0.02, 0.01, 0.005)):
                    cfg = {"C": args.C, "public_weight": pw, "varied_weight": vw,
                           "tfidf": not args.no_tfidf, "max_fpr": fpr}
                    print(cfg)
                    train(cfg, S, P)
        return 0
    cfg = {"C": args.C, "public_weight": args.public_weight, "varied_weight": args.varied_weight,
           "tfidf": not args.no_tfidf, "max_fpr": args.max_fpr, "thr_rows": args.thr_rows,
           "balance": args.balance, "words": args.words, "own_weight": args.own_weight,
           "fpr_rows": args.fpr_rows}
    if args.post_budget:
        cfg["post_budget"] = args.post_budget
    print(f"settings: {cfg}")
    res = train(cfg, S, P)
    extra = {k: res[k] for k in ("Wt", "tfidf_vocab", "tfidf_idf", "tfidf_ngrams", "Ww", "word_vocab",
                                 "word_idf") if k in res}
    extra["char_centroids"] = char_centroids(S)
    np.savez_compressed(
        args.out, rules=np.array(HARM_RULES), features=np.array(CONTEXT_FEATURES),
        W=res["W"].astype(np.float32), b=res["b"].astype(np.float32),
        mu=res["mu"].astype(np.float32), sd=res["sd"].astype(np.float32),
        platt_a=res["platt_a"].astype(np.float32), platt_c=res["platt_c"].astype(np.float32),
        threshold=res["threshold"].astype(np.float32),
        meta_settings=np.array(json.dumps(cfg)), meta_encoder=np.array(args.encoder), **extra,
        meta_trained_on=np.array("school-posts train, school-posts-varied train"
                                 + (f", our own sets ({', '.join(own_sets())})" if args.own_data else "")
                                 + (f", candidate sets ({', '.join(candidate_sets(args.with_candidates))})"
                                    if args.with_candidates else "")
                                 + (f", public train samples ({args.public_per_source} per source from "
                                    f"{args.public_sources}, total weight {args.public_weight})"
                                    if P is not None and args.public_weight > 0 else "")),
    )
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
