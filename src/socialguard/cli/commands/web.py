"""`socialguard web ARGS...`: Django's manage.py for the web app (migrate, createsuperuser, ...)."""

from __future__ import annotations

import argparse
from typing import Any

NAME = "web"
HELP = "run a web app management command, e.g. `socialguard web migrate` or `web createsuperuser`"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("manage_args", nargs=argparse.REMAINDER, metavar="COMMAND [ARGS]",
                   help="a Django management command and its arguments (default: help)")


def run(args: argparse.Namespace, io: Any) -> int:
    from socialguard.web.manage import main as manage

    manage(["socialguard web", *(args.manage_args or ["help"])])
    return 0
