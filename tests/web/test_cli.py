"""`socialguard web` and `socialguard serve` from the command line."""

from __future__ import annotations

import io

import pytest

from socialguard.cli.main import IO, build_parser, main


def test_socialguard_web_runs_a_django_command(capsys):
    code = main(["web", "check"], IO(stdout=io.StringIO(), stderr=io.StringIO()))
    assert code == 0 and "System check identified no issues" in capsys.readouterr().out


def test_socialguard_web_passes_on_a_django_command_error(capsys):
    with pytest.raises(SystemExit) as e:
        main(["web", "no-such-command"], IO(stdout=io.StringIO(), stderr=io.StringIO()))
    assert e.value.code == 1 and "Unknown command" in capsys.readouterr().err


def test_serve_refuses_a_port_out_of_range(monkeypatch):
    from socialguard.cli.commands import serve
    err = io.StringIO()
    monkeypatch.setattr(serve, "migrate", lambda io: None)
    code = main(["serve", "--port", "70000", "--no-migrate"], IO(stdout=io.StringIO(), stderr=err))
    assert code == 2 and "--port must be between 1 and 65535" in err.getvalue()


def test_serve_has_host_and_port_options():
    args = build_parser().parse_args(["serve", "--host", "0.0.0.0", "--port", "9000"])
    assert (args.host, args.port) == ("0.0.0.0", 9000)
