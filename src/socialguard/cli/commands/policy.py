"""`socialguard policy show|rules`: the policy people read, and how each rule enforces it."""

from __future__ import annotations

import argparse
from typing import Any

from socialguard.analysis.registry import detector_classes
from socialguard.cli.common import load_policy_arg
from socialguard.cli.render import emit
from socialguard.errors import SocialguardError
from socialguard.policy.render import ROLES, render_markdown, render_rules, render_text

NAME = "policy"
HELP = "show the policy guidance for a role, or list the rules that enforce it"


def add_arguments(p: argparse.ArgumentParser) -> None:
    sub = p.add_subparsers(dest="policy_command", metavar="show|rules")
    show = sub.add_parser("show", help="the guidance that applies to a role",
                          description="The guidance that applies to a role (every clause "
                                      "when no --role is given).")
    show.add_argument("--role", choices=ROLES, help="whose guidance to show (default: all)")
    show.add_argument("--format", choices=("text", "markdown"), default="text")
    show.add_argument("--policy", metavar="FILE", help="a trust's own policy YAML")
    rules = sub.add_parser("rules", help="rule ids with their clauses and default severities")
    rules.add_argument("--policy", metavar="FILE", help="a trust's own policy YAML")
    p.set_defaults(policy_command=None)


def run(args: argparse.Namespace, io: Any) -> int:
    from socialguard.cli.main import ExitStatus

    if args.policy_command is None:
        raise SocialguardError("say what to do: `socialguard policy show [--role staff]` or "
                               "`socialguard policy rules`", field="policy")
    policy = load_policy_arg(args.policy)
    if args.policy_command == "show":
        if args.format == "markdown":
            io.stdout.write(render_markdown(policy, args.role))
        elif io.is_tty:
            from rich.markdown import Markdown

            from socialguard.cli.render import console_for
            console_for(io.stdout, tty=True).print(Markdown(render_markdown(policy, args.role)))
        else:
            io.stdout.write(render_text(policy, args.role))
        return ExitStatus.OK
    installed = {c.rule for c in detector_classes()}
    rows = render_rules(policy)
    if io.is_tty:
        from rich.table import Table

        from socialguard.cli.render import console_for
        t = Table("rule", "clauses", "severity", "by audience", "detector", "title")
        for r in rows:
            t.add_row(r["rule"], r["clauses"], r["severity"], r["overrides"],
                      "yes" if r["rule"] in installed else "not yet", r["title"])
        console_for(io.stdout, tty=True).print(t)
    else:
        print(f"{'RULE':<20} {'CLAUSES':<14} {'SEVERITY':<8}  BY AUDIENCE", file=io.stdout)
        for r in rows:
            note = "" if r["rule"] in installed else "  [no detector installed yet]"
            emit(io.stdout, f"{r['rule']:<20} {r['clauses']:<14} {r['severity']:<8}  "
                            f"{r['overrides'] or '-'}{note}", tty=False)
    return ExitStatus.OK
