"""Django's manage.py for socialguard; also ``socialguard web <command>``."""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "socialguard.web.settings")
    os.environ.setdefault("ORT_DISABLE_TELEMETRY", "1")
    from django.core.management import execute_from_command_line

    execute_from_command_line(argv if argv is not None else sys.argv)


if __name__ == "__main__":
    main()
