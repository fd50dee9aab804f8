"""`socialguard check`: one post, a readable report of what breaks the policy and why."""

from __future__ import annotations

import argparse
import dataclasses
import json
from typing import Any

from socialguard.analysis.post import ACCOUNTS, AUTHOR_ROLES, PLATFORMS, Author, Post, parse_time
from socialguard.cli import common
from socialguard.cli.common import (
    add_context_args, add_encoding_arg, add_engine_args, check_encoding, load_policy_arg,
    load_school, parse_rules,
)
from socialguard.cli.reading import read_one_post
from socialguard.cli.render import emit, report_markdown, report_text
from socialguard.errors import SocialguardError

NAME = "check"
HELP = "check one post (a JSON file, '-' for stdin, or --text) and explain the findings"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("post", nargs="?", metavar="POST.json",
                   help="the post as a JSON object ('-' reads stdin); or use --text")
    p.add_argument("--text", help="the post's text, instead of a JSON file")
    add_context_args(p)
    p.add_argument("--role", choices=AUTHOR_ROLES, help="the author's role")
    p.add_argument("--name", help="the author's name (matched against people.csv)")
    p.add_argument("--account", choices=ACCOUNTS, help="official (school) or personal account")
    p.add_argument("--platform", choices=PLATFORMS, help="where it is posted")
    p.add_argument("--at", metavar="ISO", help="when it is posted, e.g. 2026-11-24T10:15:00Z")
    p.add_argument("--format", choices=("text", "json", "markdown"), default="text",
                   help="text (default; colour in a terminal), json (the contract's output) "
                        "or markdown")
    p.add_argument("--fail-on", choices=("block", "review"),
                   help="exit with status 3 when the decision is at or above this")
    add_engine_args(p)
    add_encoding_arg(p)


def _build_post(args: argparse.Namespace, io: Any, encoding: str | None) -> Post:
    if args.text is not None and args.post is not None:
        raise SocialguardError("give a post file or --text, not both", field="--text")
    if args.text is not None:
        post = Post.from_dict({"id": "text", "text": args.text})
    elif args.post is not None:
        post = read_one_post(args.post, stdin=io.stdin, encoding=encoding)
    else:
        raise SocialguardError("nothing to check: give a post file (or '-' for stdin) or --text",
                               hint='e.g. socialguard check --text "See you at sports day!"')
    changes: dict[str, Any] = {}
    if args.at is not None:
        try:
            changes["posted_at"] = parse_time(args.at)
        except ValueError:
            raise SocialguardError(f"must be an ISO 8601 time like 2026-11-24T10:15:00Z; "
                                   f"got {args.at!r}", field="--at") from None
    if args.account:
        changes["account"] = args.account
    if args.platform:
        changes["platform"] = args.platform
    if args.role or args.name:
        role = "parent" if args.role == "carer" else args.role
        changes["author"] = Author(role=role or post.author.role,
                                   name=args.name or post.author.name, handle=post.author.handle)
    return dataclasses.replace(post, **changes) if changes else post


def run(args: argparse.Namespace, io: Any) -> int:
    from socialguard.cli.main import ExitStatus

    encoding = check_encoding(args.encoding)
    rules = parse_rules(args.rules)
    policy = load_policy_arg(args.policy)
    school = load_school(args.context, encoding, stderr=io.stderr)
    post = _build_post(args, io, encoding)
    result = common.make_engine(policy, rules).check(post, school)
    if args.format == "json":
        io.stdout.write(json.dumps(result.to_dict(), ensure_ascii=False, indent=2) + "\n")
    elif args.format == "markdown":
        io.stdout.write(report_markdown(result, post, policy))
    else:
        emit(io.stdout, report_text(result, post, policy), tty=io.is_tty)
    if args.fail_on and (result.decision == "block"
                         or (args.fail_on == "review" and result.decision == "review")):
        return ExitStatus.FAIL_ON
    return ExitStatus.OK
