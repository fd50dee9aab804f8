"""Entry point: turns user mistakes into one-line errors and exit codes, never tracebacks."""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import pkgutil
import sys
from dataclasses import dataclass, field
from enum import IntEnum
from typing import TextIO

from socialguard import __version__
from socialguard.cli import commands as _commands
from socialguard.errors import SocialguardError


class ExitStatus(IntEnum):
    OK = 0
    ERROR = 1          # our bug, or an unexpected failure
    USAGE = 2          # bad arguments or input the user can fix
    FAIL_ON = 3        # a scan found findings at or above --fail-on
    INTERRUPTED = 130


@dataclass
class IO:
    """Streams injected so tests can run commands in-process."""

    stdout: TextIO = field(default_factory=lambda: sys.stdout)
    stderr: TextIO = field(default_factory=lambda: sys.stderr)
    stdin: TextIO = field(default_factory=lambda: sys.stdin)

    @property
    def is_tty(self) -> bool:
        return hasattr(self.stdout, "isatty") and self.stdout.isatty()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="socialguard",
        description="Check social media posts against a school trust's Social Media Policy.",
    )
    parser.add_argument("--version", action="version", version=f"socialguard {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for mod in sorted(pkgutil.iter_modules(_commands.__path__), key=lambda m: m.name):
        if mod.name.startswith("_"):
            continue
        module = importlib.import_module(f"{_commands.__name__}.{mod.name}")
        p = sub.add_parser(module.NAME, help=module.HELP, description=module.HELP)
        module.add_arguments(p)
        p.set_defaults(_run=module.run)
    return parser


def main(argv: list[str] | None = None, io: IO | None = None) -> int:
    os.environ.setdefault("ORT_DISABLE_TELEMETRY", "1")
    if io is None:
        # A redirected stdout on Windows may be cp1252; posts are full of emoji.
        for stream in (sys.stdout, sys.stderr):
            if hasattr(stream, "reconfigure") and (stream.encoding or "").lower() not in ("utf-8", "utf8"):
                stream.reconfigure(errors="backslashreplace")
        io = IO()
    logging.basicConfig(level=logging.WARNING, format="socialguard: %(levelname)s: %(message)s",
                        stream=io.stderr)
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "_run", None):
        parser.print_help(io.stdout)
        return ExitStatus.USAGE
    try:
        return int(args._run(args, io))
    except SocialguardError as e:
        print(f"socialguard: error: {e}", file=io.stderr)
        if e.hint:
            print(f"hint: {e.hint}", file=io.stderr)
        return ExitStatus.USAGE
    except KeyboardInterrupt:
        print("socialguard: interrupted", file=io.stderr)
        return ExitStatus.INTERRUPTED
    except BrokenPipeError:
        return ExitStatus.OK
    except Exception:  # our bug: log it with a traceback, still one clear line first
        logging.getLogger("socialguard").exception("unexpected error (please report it)")
        return ExitStatus.ERROR


if __name__ == "__main__":
    sys.exit(main())
