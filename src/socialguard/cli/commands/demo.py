"""`socialguard demo`: the demo web site; `--scan-only` scans the bundled demo posts against
the bundled demo school instead (the web part lives in serve.run_demo_site)."""

from __future__ import annotations

import argparse
import json
from collections import Counter
from typing import Any

from socialguard.analysis.registry import RULES, detector_classes
from socialguard.cli import common
from socialguard.cli.common import load_policy_arg, load_school
from socialguard.cli.reading import iter_posts
from socialguard.cli.scanning import run_scan
from socialguard.cli.writers import make_writer
from socialguard.demo import posts_path, school_dir

NAME = "demo"
HELP = ("start the demo web site (a demo trust, two schools, a user per role) on "
        "http://127.0.0.1:8000; --scan-only scans the bundled demo posts instead")


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--scan-only", action="store_true",
                   help="scan the bundled demo posts and print the findings; no web site")
    p.add_argument("--host", default="127.0.0.1", help="web site address (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=8000, help="web site port (default 8000)")
    p.add_argument("--format", choices=("table", "jsonl"), default="table",
                   help="table (default) or jsonl, the contract's output")
    p.add_argument("--policy", metavar="FILE", help="a trust's own policy YAML")


def _expected() -> dict[str, set[str]]:
    out = {}
    with open(posts_path(), encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            out[d["id"]] = set(d.get("expect", []))
    return out


def run(args: argparse.Namespace, io: Any) -> int:
    from socialguard.cli.main import ExitStatus

    if not args.scan_only:
        from socialguard.cli.commands.serve import run_demo_site

        return run_demo_site(args.host, args.port, io)
    policy = load_policy_arg(args.policy)
    school = load_school(str(school_dir()), stderr=io.stderr)
    engine = common.make_engine(policy, None)
    writer = make_writer(args.format, io.stdout, tty=io.is_tty)
    found: dict[str, set[str]] = {}

    def write(out: dict[str, Any]) -> None:
        found[out["id"]] = {f["rule"] for f in out.get("findings", [])}
        writer.write(out)

    tally = run_scan(iter_posts(str(posts_path())), engine, school, write)
    writer.close()
    report = io.stdout if args.format == "table" else io.stderr
    print("", file=report)
    print(f"{school.name}: {len(school.people)} people; {tally.summary()}", file=report)
    print(_agreement(found, _expected()), file=report)
    return ExitStatus.OK


def _agreement(found: dict[str, set[str]], expected: dict[str, set[str]]) -> str:
    """How the findings compare with the demo's own labels, rule by rule."""
    installed = {c.rule for c in detector_classes()}
    hit, want, extra = Counter(), Counter(), Counter()
    for pid, exp in expected.items():
        got = found.get(pid, set())
        for r in exp:
            want[r] += 1
            hit[r] += r in got
        for r in got - exp:
            extra[r] += 1
    lines = ["", f"{'rule':<20} {'expected':>8} {'found':>6} {'unexpected':>10}"]
    for r in RULES:
        note = "" if r in installed else "  (no detector installed yet)"
        lines.append(f"{r:<20} {want[r]:>8} {hit[r]:>6} {extra[r]:>10}{note}")
    lines.append(f"{'all':<20} {sum(want.values()):>8} {sum(hit.values()):>6} "
                 f"{sum(extra.values()):>10}")
    return "\n".join(lines)
