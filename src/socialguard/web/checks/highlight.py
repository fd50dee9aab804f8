"""Split a post's text into plain and marked pieces for inline highlighting.

The template renders the pieces with autoescaping on, so hostile post text (``<script>``)
stays text: nothing here builds HTML.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from socialguard.analysis.finding import worst


@dataclass
class Piece:
    text: str
    #: indexes (into the findings list) of the findings whose span covers this piece
    findings: list[int] = field(default_factory=list)
    severity: str | None = None
    label: str = ""  # what the marks mean, for a tooltip / screen reader

    @property
    def marked(self) -> bool:
        return bool(self.findings)

    @property
    def first(self) -> int | None:
        return self.findings[0] if self.findings else None


def _get(f: Any, key: str) -> Any:
    return f.get(key) if isinstance(f, dict) else getattr(f, key, None)


def pieces(text: str, findings: list[Any]) -> list[Piece]:
    """``text`` cut at every finding boundary; overlapping findings share a piece.

    ``findings`` are contract dicts or objects with start/end/severity; spans outside the
    text (a stale finding) are clipped, never trusted.
    """
    n = len(text)
    spans = []
    for i, f in enumerate(findings):
        s, e = _get(f, "start"), _get(f, "end")
        if s is None or e is None:
            continue
        s, e = max(0, min(int(s), n)), max(0, min(int(e), n))
        if s < e:
            spans.append((s, e, i))
    cuts = sorted({0, n, *(s for s, _, _ in spans), *(e for _, e, _ in spans)})
    out: list[Piece] = []
    for a, b in zip(cuts, cuts[1:]):
        covering = [i for s, e, i in spans if s <= a and b <= e]
        sev = worst([_get(findings[i], "severity") or "review" for i in covering])
        if out and not covering and not out[-1].findings:
            out[-1].text += text[a:b]
        else:
            out.append(Piece(text[a:b], covering, sev))
    return out
