"""Options and loaders that several commands share: --context, --policy, --rules, --encoding.

Every check of a user's argument happens here, once, and fails with a SocialguardError
that names the option or file, so commands can trust what they get.
"""

from __future__ import annotations

import argparse
import codecs
import warnings
from pathlib import Path

from socialguard.analysis.pipeline import Engine
from socialguard.analysis.post import SchoolContext, load_context
from socialguard.analysis.registry import RULES
from socialguard.errors import ContextError, SocialguardError
from socialguard.policy import Policy, load_policy

# The rules decided by code from facts; the other seven are learned (classifiers issue).
LEARNED_RULES = ("disrepute", "confidential", "harassment", "defamation", "discrimination",
                 "copyright", "grievance")
FACT_RULES = tuple(r for r in RULES if r not in LEARNED_RULES)


def add_context_args(p: argparse.ArgumentParser, *, required: bool = False) -> None:
    p.add_argument("--context", metavar="DIR", required=required,
                   help="school context folder with school.yaml and people.csv "
                        "(see `socialguard init-school`)")


def add_engine_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--policy", metavar="FILE",
                   help="a trust's own policy YAML (default: the bundled ASSET policy)")
    p.add_argument("--rules", metavar="A,B",
                   help="check only these rule ids, comma-separated (default: all); "
                        "`socialguard policy rules` lists them")


def add_encoding_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument("--encoding", metavar="NAME",
                   help="text encoding of the input files (default: UTF-8, with or without "
                        "a byte-order mark); e.g. cp1252 for a Windows export")


def check_encoding(name: str | None) -> str | None:
    if name is None:
        return None
    try:
        return codecs.lookup(name).name
    except LookupError:
        raise SocialguardError(f"unknown encoding {name!r}; try utf-8 or cp1252",
                               field="--encoding") from None


def require_file(path: str | Path, what: str = "file") -> Path:
    """``path`` as a Path if it is a readable file; else a one-line error."""
    p = Path(path)
    if p.is_dir():
        raise SocialguardError(f"is a folder; expected a {what}", file=str(p))
    if not p.exists():
        raise SocialguardError(f"{what} not found", file=str(p))
    return p


def parse_rules(value: str | None) -> set[str] | None:
    if value is None:
        return None
    rules = {r.strip() for r in value.split(",") if r.strip()}
    if not rules:
        raise SocialguardError("give at least one rule id, e.g. --rules personal-data,lesson-time",
                               field="--rules")
    unknown = sorted(rules - set(RULES))
    if unknown:
        raise SocialguardError(
            f"unknown rule id{'s' if len(unknown) > 1 else ''} {', '.join(map(repr, unknown))}; "
            f"known: {', '.join(RULES)}", field="--rules")
    return rules


def load_school(folder: str | None, encoding: str | None = None, *,
                stderr=None) -> SchoolContext | None:
    """The school context, or None without --context. Warnings go to ``stderr``."""
    if folder is None:
        if stderr is not None:
            print("socialguard: note: no --context given, so the checks that need the school's "
                  "roster, timetable or channels find nothing", file=stderr)
        return None
    p = Path(folder)
    if p.exists() and not p.is_dir():
        raise ContextError("is a file; --context expects a folder with school.yaml and people.csv",
                           file=str(p))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        school = load_context(p, encoding=encoding)
    if stderr is not None:
        for w in caught:
            print(f"socialguard: warning: {w.message}", file=stderr)
    return school


def load_policy_arg(path: str | None) -> Policy:
    if path is None:
        return load_policy()
    return load_policy(require_file(path, "policy file"))


def make_engine(policy: Policy, rules: set[str] | None) -> Engine:
    """The engine a command runs; tests replace this to inject detectors."""
    return Engine(policy, rules=rules)
