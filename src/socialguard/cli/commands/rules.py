"""`socialguard rules`: which detectors run, in which order, from which module."""

from __future__ import annotations

import argparse
from typing import Any

from socialguard.analysis.registry import RULES, detector_classes

NAME = "rules"
HELP = "list the detectors that run, and the rule ids that have none yet"


def add_arguments(p: argparse.ArgumentParser) -> None:
    pass


def run(args: argparse.Namespace, io: Any) -> int:
    from socialguard.cli.main import ExitStatus

    classes = detector_classes()
    print(f"{'RULE':<20} {'ORDER':>5}  DETECTOR", file=io.stdout)
    for c in classes:
        print(f"{c.rule:<20} {c.order:>5}  {c.__module__}.{c.__name__}", file=io.stdout)
    missing = [r for r in RULES if r not in {c.rule for c in classes}]
    if missing:
        print(f"\nno detector yet: {', '.join(missing)}", file=io.stdout)
    return ExitStatus.OK
