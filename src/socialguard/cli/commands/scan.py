"""`socialguard scan POSTS.jsonl --context DIR`: check a file of posts, one result per post."""

from __future__ import annotations

import argparse
import contextlib
from pathlib import Path
from typing import Any

from socialguard.cli import common
from socialguard.cli.common import (
    add_context_args, add_encoding_arg, add_engine_args, check_encoding, load_policy_arg,
    load_school, parse_rules,
)
from socialguard.cli.reading import iter_posts
from socialguard.cli.scanning import run_scan
from socialguard.cli.writers import FORMATS, make_writer
from socialguard.errors import SocialguardError

NAME = "scan"
HELP = "check a file of posts (JSON lines) and write one result per post"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("posts", metavar="POSTS.jsonl", help="posts, one JSON object per line ('-' reads stdin)")
    add_context_args(p)
    p.add_argument("--format", choices=FORMATS, default="jsonl",
                   help="jsonl (default, the contract's output), json (an array), csv or table")
    p.add_argument("--output", "-o", metavar="FILE", help="write results here instead of stdout")
    p.add_argument("--fail-on", choices=("block", "review"),
                   help="exit with status 3 when any post is at or above this decision")
    add_engine_args(p)
    add_encoding_arg(p)


def _open_output(path: str | None, posts: str):
    if path is None:
        return contextlib.nullcontext(None)
    p = Path(path)
    if p.is_dir():
        raise SocialguardError("is a folder; --output expects a file name", file=path)
    if posts != "-" and p.exists() and p.resolve() == Path(posts).resolve():
        raise SocialguardError("--output would overwrite the posts file being scanned", file=path)
    if not p.parent.exists():
        raise SocialguardError("folder does not exist", file=str(p.parent), field="--output")
    try:
        return open(p, "w", encoding="utf-8", newline="")  # noqa: SIM115 - closed by `with`
    except OSError as e:
        raise SocialguardError(f"cannot write: {e.strerror}", file=path) from None


def _progress(io, args):
    """A progress bar on stderr, only when a person is watching stderr and not stdout."""
    tty_err = hasattr(io.stderr, "isatty") and io.stderr.isatty()
    if not tty_err or (args.output is None and io.is_tty):
        return None
    from rich.progress import (
        BarColumn, Progress, TaskProgressColumn, TextColumn, TimeElapsedColumn,
    )
    from socialguard.cli.render import console_for
    return Progress(TextColumn("scanning"), BarColumn(), TaskProgressColumn(),
                    TextColumn("{task.fields[posts]} posts"), TimeElapsedColumn(),
                    console=console_for(io.stderr, tty=True), transient=True)


def run(args: argparse.Namespace, io: Any) -> int:
    from socialguard.cli.main import ExitStatus

    encoding = check_encoding(args.encoding)
    rules = parse_rules(args.rules)
    policy = load_policy_arg(args.policy)
    school = load_school(args.context, encoding, stderr=io.stderr)
    opened: dict = {}
    items = iter_posts(args.posts, stdin=io.stdin, encoding=encoding, opened=opened)
    # Read the first item now, so a missing or binary file fails before any work or output.
    first = next(items, None)
    engine = common.make_engine(policy, rules)
    label = "<stdin>" if args.posts == "-" else args.posts

    def all_items():
        if first is not None:
            yield first
            yield from items

    def warn(msg: str) -> None:
        print(f"socialguard: warning: {label}: {msg}", file=io.stderr)

    progress = _progress(io, args)
    with _open_output(args.output, args.posts) as fh:
        out = fh if fh is not None else io.stdout
        writer = make_writer(args.format, out, tty=fh is None and io.is_tty)
        on_item = None
        if progress is not None:
            size = Path(args.posts).stat().st_size if args.posts != "-" else None
            task = progress.add_task("scan", total=size, posts=0)
            count = [0]

            def on_item(_item) -> None:
                count[0] += 1
                if count[0] % 100 == 0:
                    f = opened.get("file")
                    done = f.tell() if f is not None and not f.closed else None
                    progress.update(task, completed=done, posts=count[0])

            progress.start()
        try:
            tally = run_scan(all_items(), engine, school, writer.write, warn=warn, on_item=on_item)
        finally:
            if progress is not None:
                progress.stop()
        writer.close()
    print(f"socialguard: {tally.summary()}", file=io.stderr)
    if tally.reached(args.fail_on):
        return ExitStatus.FAIL_ON
    return ExitStatus.OK
