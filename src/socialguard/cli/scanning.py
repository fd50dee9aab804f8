"""The scan loop shared by `scan` and `demo`: items in, one output per item, in order.

Posts go through the engine in fixed-size chunks, so memory is bounded by the chunk even
when a file is mostly bad lines; errors keep their place in the output.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from socialguard.analysis.pipeline import Engine
from socialguard.analysis.post import SchoolContext
from socialguard.cli.reading import Item

CHUNK = 256
MAX_WARNINGS = 20


@dataclass
class Tally:
    posts: int = 0
    errors: int = 0
    decisions: Counter = field(default_factory=Counter)
    rules: Counter = field(default_factory=Counter)

    def reached(self, threshold: str | None) -> bool:
        if threshold == "block":
            return self.decisions["block"] > 0
        if threshold == "review":
            return self.decisions["block"] + self.decisions["review"] > 0
        return False

    def summary(self) -> str:
        if not self.posts and not self.errors:
            return "0 posts scanned (the input has no posts)"
        d = self.decisions
        s = (f"{self.posts} post{'s' if self.posts != 1 else ''} scanned: {d['block']} block, "
             f"{d['review']} review, {d['allow']} allow")
        if self.errors:
            s += f"; {self.errors} unreadable line{'s' if self.errors != 1 else ''}"
        return s


def scan_items(items: Iterable[Item], engine: Engine, school: SchoolContext | None
               ) -> Iterator[tuple[Item, dict[str, Any]]]:
    """(item, contract dict) for every item, in input order."""
    it = iter(items)
    while chunk := list(islice(it, CHUNK)):
        results = iter(engine.check_many([i.post for i in chunk if i.post is not None], school))
        for item in chunk:
            if item.post is None:
                yield item, {"id": item.id, "error": item.error}
            else:
                yield item, next(results).to_dict()


def run_scan(items: Iterable[Item], engine: Engine, school: SchoolContext | None,
             write: Callable[[dict[str, Any]], None], *,
             warn: Callable[[str], None] | None = None,
             on_item: Callable[[Item], None] | None = None) -> Tally:
    """Scan, write each result as it comes, warn about each bad line; return the tally."""
    tally = Tally()
    for item, out in scan_items(items, engine, school):
        if "error" in out:
            tally.errors += 1
            if warn is not None:
                if tally.errors <= MAX_WARNINGS:
                    warn(str(out["error"]))
                elif tally.errors == MAX_WARNINGS + 1:
                    warn("more unreadable lines follow; see the output for each")
        else:
            tally.posts += 1
            tally.decisions[out["decision"]] += 1
            tally.rules.update({f["rule"] for f in out["findings"]})
        write(out)
        if on_item is not None:
            on_item(item)
    return tally
