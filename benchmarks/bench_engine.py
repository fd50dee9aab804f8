"""How fast the check engine is: generated posts against a generated roster, on one core.

    .venv/bin/python benchmarks/bench_engine.py                 # 10,000 posts, 600 pupils
    .venv/bin/python benchmarks/bench_engine.py --rules all     # the learned rules too
    .venv/bin/python benchmarks/bench_engine.py --by-detector   # where the time goes

Prints posts/s for the engine alone and for the whole `scan` path (read JSON lines, check,
write JSON lines), and the peak memory. The default rules are the fact-based ones; the
seven learned harm rules are measured with the classifiers. Target: >= 2,000 posts/s.
"""

from __future__ import annotations

import os

# One core, one thread: set before numpy/onnxruntime are imported by any detector.
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "ORT_NUM_THREADS"):
    os.environ.setdefault(_var, "1")
os.environ.setdefault("ORT_DISABLE_TELEMETRY", "1")

import argparse  # noqa: E402
import csv  # noqa: E402
import datetime as dt  # noqa: E402
import io  # noqa: E402
import json  # noqa: E402
import random  # noqa: E402
import resource  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
import tracemalloc  # noqa: E402
from collections import defaultdict  # noqa: E402
from pathlib import Path  # noqa: E402

import yaml  # noqa: E402

from socialguard.analysis.pipeline import Engine  # noqa: E402
from socialguard.analysis.post import PEOPLE_HEADER, Post, load_context  # noqa: E402
from socialguard.analysis.registry import RULES  # noqa: E402
from socialguard.cli.common import FACT_RULES  # noqa: E402
from socialguard.cli.reading import iter_posts  # noqa: E402
from socialguard.cli.scanning import scan_items  # noqa: E402
from socialguard.cli.writers import JsonlWriter  # noqa: E402
from socialguard.policy import load_policy  # noqa: E402

FIRST = ("Amara Bertie Cerys Dilan Esme Fergus Gwen Hamish Isla Jago Lowenna Milo Nia Otto Pippa "
         "Quinn Rafe Seren Tiago Uma Vinnie Xander Yara Zeke Aurelia Bram Clemmie Elodie Finlay "
         "Greta Hugo Ines Jonah Kezia Lorcan Mabli Nico Orla Percy Rosa Sami Tilly Verity Wilf "
         "Yusuf Zinnia Anouk Bodhi Calla Dara Effie Felix Hattie Ilya Juno Lyra Mateo Noor "
         "Ottilie Reuben Saffi Teddy Ayla Cosmo Delphine Ezra Freya Gideon Hana Idris Jude").split()
LAST = ("Ashdown Brackenridge Cotterell Dunmore Elsworth Fennimore Gallantree Harrowby Inchbald "
        "Jessamy Kettleborough Lanyon Marchbank Nettlefold Ormerod Penhallow Quilliam Rowntree "
        "Sallowfield Tregothnan Underhay Valance Wethered Yarwood Zouche Abernethy Blakiston "
        "Chalcraft Dymoke Eardley Frobisher Gisborne Hathersage Ibbotson Jolliffe Kilburn Loveday "
        "Mountfort Norcott Oxenham Pargeter Rendle Stroud Tolhurst Venning").split()
CLEAN = [
    "What a fantastic sports day! Thank you to all the families who came to cheer everyone on.",
    "Reminder that school closes at 1.30pm on Friday for the end of term. Have a lovely break.",
    "Our Year {y} class have been learning about the water cycle this week and made rain gauges.",
    "The PTA cake sale raised over £400 for the library. Thank you for your generosity!",
    "Parents' evening booking is now open on the website and by letter.",
    "Absolutely buzzing after that match, what a game! Off for a curry now.",
    "Does anyone know if the swimming pool in town is open on bank holidays?",
    "Lovely crisp walk along the river this morning with the dog.",
    "Anti-bullying week starts on Monday: if anyone is unkind to you online, tell an adult.",
    "Year {y} are absolutely killing it at times tables this week, so proud of them all.",
]
PHONE = [
    "Selling a kids' bike, barely used, text me on 07700 900{n:03d} if interested.",
    "Lost cat near the park! Please call 01632 960{n:03d} or +44 7700 900{n:03d} if you see her.",
    "For the lift share rota ring 07700-900-{n:03d} after 6pm.",
    "Admissions questions? Call the office on 01632 960400 or email office@bench-primary.example.",
]
NAMES = [
    "Well done to {first} {last} in Year {y} for a brilliant maths test!",
    "Congratulations to {first} from Year {y} who won the poster competition.",
    "{first} {last} was star of the week for helping others at lunch.",
    "Huge thanks to {first}'s mum for running the book stall.",
    "Great to see {first} and friends at the museum trip today.",
]
TIMES = [
    "Coffee number three and it's not even break time.",
    "Quick scroll while the class are doing silent reading.",
    "Can't believe how cold it is today, brrr.",
    "Anyone watching the match tonight?",
]
OTHER = [
    "Party at ours, 14 Larkspur Close, IP98 7XQ, Saturday at 3pm, all welcome!",
    "Email me at someone.{n}@example.net for the recipe.",
    "Sign up for after-school football club using the form below; places close Friday.",
    "School trip to the aquarium on {d} December: comment below to book a place.",
]


def make_roster(folder: Path, pupils: int, rng: random.Random) -> list[tuple[str, str, str]]:
    folder.mkdir(parents=True, exist_ok=True)
    lessons = ["08:50-10:20", "10:40-12:00", "13:00-15:15"]
    school = {
        "name": "Bench Primary School", "aliases": ["Bench Primary", "@BenchPrimary"],
        "timezone": "Europe/London",
        "lesson_times": {d: lessons for d in ("monday", "tuesday", "wednesday", "thursday", "friday")},
        "term_dates": [["2026-09-03", "2026-10-23"], ["2026-11-02", "2026-12-18"]],
        "approved_channels": ["classdojo", "tapestry", "facebook-group-moderated"],
        "alternative_channels": ["email", "letter", "website", "text-message"],
        "official_accounts": ["@BenchPrimary"],
        "office_phone": "01632 960400", "office_email": "office@bench-primary.example",
    }
    (folder / "school.yaml").write_text(yaml.safe_dump(school), encoding="utf-8")
    rows, kids, used = [], [], set()
    while len(kids) < pupils:
        first, last = rng.choice(FIRST), rng.choice(LAST)
        if (first, last) in used and rng.random() < 0.9:
            continue
        used.add((first, last))
        y = rng.randrange(0, 7)
        dob = dt.date(2021 - y, 9, 1) + dt.timedelta(days=rng.randrange(365))
        pid = f"P{len(kids) + 1:04d}"
        kids.append((pid, first, last))
        rows.append([pid, "pupil", first, last, "", dob.isoformat(), "R" if y == 0 else str(y), "",
                     rng.choice(["yes"] * 8 + ["no", ""]), rng.choice(["yes"] * 7 + ["no", "no", ""]), ""])
    for i in range(60):
        rows.append([f"S{i:03d}", "staff", rng.choice(FIRST), rng.choice(LAST)] + [""] * 7)
    for i, (pid, _, last) in enumerate(kids[: pupils * 2 // 3]):
        rows.append([f"R{i:04d}", "parent", rng.choice(FIRST), last] + [""] * 6 + [pid])
    with open(folder / "people.csv", "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(PEOPLE_HEADER)
        w.writerows(rows)
    return kids


def make_posts(path: Path, n: int, kids, rng: random.Random) -> None:
    """A mix like a real feed: mostly clean, then numbers, names, lesson times, the rest."""
    base = dt.datetime(2026, 11, 2, tzinfo=dt.timezone.utc)
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(n):
            kind = rng.choices(("clean", "phone", "name", "time", "other"), (40, 15, 20, 15, 10))[0]
            _, first, last = rng.choice(kids)
            fill = {"y": rng.randrange(1, 7), "n": rng.randrange(1000), "first": first,
                    "last": last, "d": rng.randrange(1, 19)}
            pool = {"clean": CLEAN, "phone": PHONE, "name": NAMES, "time": TIMES, "other": OTHER}[kind]
            text = rng.choice(pool).format(**fill)
            if rng.random() < 0.3:  # some longer posts
                text += " " + rng.choice(CLEAN).format(**fill)
            when = base + dt.timedelta(days=rng.randrange(40), minutes=rng.randrange(7 * 60, 21 * 60))
            official = kind in ("name", "other") and rng.random() < 0.6
            role = "staff" if official or kind == "time" else rng.choice(("parent", "staff", "pupil", "public"))
            post = {"id": f"b{i}", "text": text, "author": {"role": role},
                    "account": "official" if official else "personal",
                    "platform": rng.choice(("facebook", "x", "instagram", "tiktok", "classdojo")),
                    "posted_at": when.isoformat().replace("+00:00", "Z")}
            if rng.random() < 0.1:
                post["interaction"] = {"with_role": rng.choice(("pupil", "parent"))}
            if kind == "other" and rng.random() < 0.5:
                post["context"] = {"shared_elsewhere": ["letter"]}
            fh.write(json.dumps(post) + "\n")


def time_detectors(engine: Engine) -> dict[str, float]:
    """Wrap each detector so its prepare/detect CPU time is added up by rule."""
    spent: dict[str, float] = defaultdict(float)
    for det in engine.detectors:
        for name in ("prepare", "detect"):
            fn = getattr(det, name)

            def timed(*a, _fn=fn, _rule=det.rule, **kw):
                t = time.process_time()
                try:
                    return _fn(*a, **kw)
                finally:
                    spent[_rule] += time.process_time() - t
            setattr(det, name, timed)
    return spent


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--posts", type=int, default=10_000)
    ap.add_argument("--pupils", type=int, default=600)
    ap.add_argument("--rules", default="facts",
                    help="'facts' (default: all but the seven learned rules), 'all', or a,b,c")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--by-detector", action="store_true", help="time each detector")
    ap.add_argument("--target", type=float, default=2000.0, help="posts/s to meet")
    args = ap.parse_args(argv)

    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    rules = (set(FACT_RULES) if args.rules == "facts" else None if args.rules == "all"
             else {r.strip() for r in args.rules.split(",")})
    if rules is not None and rules - set(RULES):
        ap.error(f"unknown rule ids: {', '.join(sorted(rules - set(RULES)))}")
    rng = random.Random(args.seed)

    with tempfile.TemporaryDirectory(prefix="sg-bench-") as tmp:
        tmp = Path(tmp)
        kids = make_roster(tmp / "school", args.pupils, rng)
        make_posts(tmp / "posts.jsonl", args.posts, kids, rng)
        t0 = time.perf_counter()
        school = load_context(tmp / "school")
        engine = Engine(load_policy(), rules=rules)
        setup = time.perf_counter() - t0
        with open(tmp / "posts.jsonl", encoding="utf-8") as fh:
            posts = [Post.from_dict(json.loads(line)) for line in fh]
        for _ in engine.check_many(posts[:200], school):  # warm caches and lazy models
            pass

        t0, c0 = time.perf_counter(), time.process_time()
        counts: dict[str, int] = defaultdict(int)
        for r in engine.check_many(posts, school):
            counts[r.decision] += 1
        engine_s, engine_cpu = time.perf_counter() - t0, time.process_time() - c0

        t0, c0 = time.perf_counter(), time.process_time()
        writer = JsonlWriter(io.StringIO())
        for _, out in scan_items(iter_posts(str(tmp / "posts.jsonl")), engine, school):
            writer.write(out)
            if writer.out.tell() > 1 << 20:  # keep the sink small: we time, not store
                writer.out.seek(0)
                writer.out.truncate()
        scan_s, scan_cpu = time.perf_counter() - t0, time.process_time() - c0

        tracemalloc.start()
        for _ in scan_items(iter_posts(str(tmp / "posts.jsonl")), engine, school):
            pass
        _, heap_peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()

        spent = None
        if args.by_detector:  # a separate pass: the timing wrappers cost time themselves
            spent = time_detectors(engine)
            for _ in engine.check_many(posts, school):
                pass

    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    active = sorted({d.rule for d in engine.detectors})
    n = len(posts)
    rate = n / engine_cpu  # CPU time: fair on a shared machine, where wall time waits for others
    print(f"detectors: {len(engine.detectors)} ({', '.join(active)})")
    print(f"roster: {args.pupils} pupils ({len(school.people)} people); posts: {n:,} "
          f"({counts['block']} block, {counts['review']} review, {counts['allow']} allow)")
    print(f"setup (load context, policy, detectors): {setup:.2f} s")
    print(f"engine: {rate:,.0f} posts/s by CPU time ({engine_cpu * 1000 / n:.3f} ms/post) on one "
          f"core; {n / engine_s:,.0f} posts/s by wall time")
    print(f"scan path (read JSON lines, check, write JSON lines): {n / scan_cpu:,.0f} posts/s "
          f"by CPU time; {n / scan_s:,.0f} posts/s by wall time")
    print(f"peak memory: {rss_mb:,.0f} MB RSS (process); scan heap peak {heap_peak / 2**20:.1f} MB "
          "(tracemalloc)")
    if spent is not None:
        total = sum(spent.values()) or 1
        print("time by detector (a separate, wrapped pass):")
        for rule, s in sorted(spent.items(), key=lambda kv: -kv[1]):
            print(f"  {rule:<20} {s * 1e6 / n:8.1f} µs/post  {100 * s / total:5.1f}%")
    ok = rate >= args.target
    print(f"target {args.target:,.0f} posts/s: {'met' if ok else 'NOT met'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
