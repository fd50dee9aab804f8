"""Scan output formats, each written one post at a time so memory stays flat.

Every writer takes the contract's dict for a post (``Result.to_dict()`` or
``{"id", "error"}``) in input order.
"""

from __future__ import annotations

import csv
import json
from typing import Any, TextIO

from rich.text import Text

from socialguard.cli.render import DECISION_STYLE, console_for

FORMATS = ("jsonl", "json", "csv", "table")
CSV_COLUMNS = ("id", "decision", "rules", "clauses", "severities", "evidence", "messages", "error")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> str:
    """A CSV cell a spreadsheet will not run as a formula (OWASP CSV injection)."""
    s = "" if value is None else str(value)
    return "'" + s if s.startswith(_FORMULA_START) else s


class Writer:
    def __init__(self, out: TextIO, *, tty: bool = False) -> None:
        self.out = out
        self.tty = tty

    def write(self, item: dict[str, Any]) -> None:
        raise NotImplementedError

    def close(self) -> None:
        self.out.flush()


class JsonlWriter(Writer):
    def write(self, item: dict[str, Any]) -> None:
        self.out.write(json.dumps(item, ensure_ascii=False) + "\n")


class JsonWriter(Writer):
    """A JSON array streamed element by element."""

    def __init__(self, out: TextIO, **kw: Any) -> None:
        super().__init__(out, **kw)
        self.first = True

    def write(self, item: dict[str, Any]) -> None:
        self.out.write(("[\n  " if self.first else ",\n  ") + json.dumps(item, ensure_ascii=False))
        self.first = False

    def close(self) -> None:
        self.out.write("[]\n" if self.first else "\n]\n")
        super().close()


class CsvWriter(Writer):
    """One row per post; several findings are joined with ' | ' in each column."""

    def __init__(self, out: TextIO, **kw: Any) -> None:
        super().__init__(out, **kw)
        self.csv = csv.writer(out, lineterminator="\r\n")
        self.csv.writerow(CSV_COLUMNS)

    def write(self, item: dict[str, Any]) -> None:
        fs = item.get("findings") or []

        def col(key: str) -> str:
            return " | ".join("" if f.get(key) is None else str(f[key]) for f in fs)

        row = [item.get("id"), item.get("decision", ""), col("rule"), col("clause"),
               col("severity"), col("evidence"), col("message"), item.get("error", "")]
        self.csv.writerow([safe_cell(c) for c in row])


class TableWriter(Writer):
    """Aligned rows as they come: colour in a terminal, plain text in a pipe."""

    ID_WIDTH = 14

    def __init__(self, out: TextIO, **kw: Any) -> None:
        super().__init__(out, **kw)
        self.console = console_for(out, tty=self.tty) if self.tty else None
        self._line(Text(f"{'ID':<{self.ID_WIDTH}}  {'DECISION':<8}  FINDINGS", style="bold"))

    def _line(self, t: Text) -> None:
        if self.console is not None:
            self.console.print(t, overflow="ellipsis", no_wrap=True)
        else:
            self.out.write(t.plain + "\n")

    def write(self, item: dict[str, Any]) -> None:
        pid = str(item.get("id"))
        if len(pid) > self.ID_WIDTH:
            pid = pid[: self.ID_WIDTH - 1] + "…"
        t = Text(f"{pid:<{self.ID_WIDTH}}  ")
        if "error" in item:
            t.append(f"{'error':<8}", style="bold magenta")
            t.append("  " + str(item["error"]))
        else:
            d = item["decision"]
            t.append(f"{d:<8}", style=DECISION_STYLE.get(d, "") if d != "allow" else "green")
            parts = []
            for f in item["findings"]:
                ev = f.get("evidence")
                ev = " ".join(str(ev).split()) if ev else ""
                if len(ev) > 30:
                    ev = ev[:29] + "…"
                parts.append(f"{f['rule']} {f['clause']}" + (f' "{ev}"' if ev else ""))
            t.append("  " + ("; ".join(parts) if parts else "-"))
        self._line(t)


def make_writer(fmt: str, out: TextIO, *, tty: bool = False) -> Writer:
    return {"jsonl": JsonlWriter, "json": JsonWriter, "csv": CsvWriter,
            "table": TableWriter}[fmt](out, tty=tty)
