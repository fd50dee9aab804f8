"""`socialguard serve`: migrate the database, then serve the web app on this machine.

This uses Django's own server, fine for one school on one laptop; behind a real web server
use a WSGI server on ``socialguard.web.wsgi`` (see the README).
"""

from __future__ import annotations

import argparse
import os
import socket
from typing import Any

from socialguard.errors import SocialguardError

NAME = "serve"
HELP = "migrate the database and serve the web app (default http://127.0.0.1:8000)"


def add_arguments(p: argparse.ArgumentParser) -> None:
    add_server_arguments(p)
    p.add_argument("--no-migrate", action="store_true", help="do not apply database migrations")


def add_server_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=8000, help="port (default 8000)")


def django_setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "socialguard.web.settings")
    import django

    django.setup()


def migrate(io: Any) -> None:
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0, stdout=io.stdout)


def serve(host: str, port: int, io: Any) -> None:
    from django.core.management import call_command

    print(f"Serving on http://{host}:{port}/ (Ctrl-C to stop)", file=io.stdout, flush=True)
    # --insecure serves the static files without DEBUG: one process, no web server needed.
    call_command("runserver", f"{host}:{port}" if ":" not in host else f"[{host}]:{port}",
                 use_reloader=False, insecure_serving=True, use_threading=True)


def require_free_port(host: str, port: int) -> None:
    """Say so before any set-up work when another program already listens on the port."""
    if not 0 < port < 65536:
        raise SocialguardError(f"--port must be between 1 and 65535; got {port}")
    try:
        with socket.create_server((host, port)):
            pass
    except OSError as e:
        raise SocialguardError(f"cannot listen on {host}:{port}: {e.strerror or e}",
                               hint=f"another program is using it; pass --port {port + 1}") from None


def run_demo_site(host: str, port: int, io: Any) -> int:
    """`socialguard demo`: a separate demo database, the demo trust loaded, then serve.

    The demo keeps its own data folder (SG_DATA_DIR, default ~/.local/share/socialguard/demo)
    so it never mixes with a real school's data, and plain-HTTP cookies on 127.0.0.1.
    """
    from pathlib import Path

    require_free_port(host, port)
    os.environ.setdefault("SG_DATA_DIR", str(Path.home() / ".local" / "share" / "socialguard" / "demo"))
    os.environ.setdefault("SG_SECURE_COOKIES", "0")
    django_setup()
    from django.core.management import call_command

    print("Preparing the demo database...", file=io.stdout, flush=True)
    migrate(io)
    call_command("sg_demo", stdout=io.stdout)
    print(f"Log in at http://{host}:{port}/ with one of the users above.", file=io.stdout, flush=True)
    serve(host, port, io)
    return 0


def run(args: argparse.Namespace, io: Any) -> int:
    require_free_port(args.host, args.port)
    django_setup()
    if not args.no_migrate:
        migrate(io)
    serve(args.host, args.port, io)
    return 0
