"""The shared check of the harm detectors' case tables (one row: text, fields, wanted span)."""

from __future__ import annotations

from typing import Any

import factories
from socialguard.analysis.finding import Finding
from socialguard.analysis.pipeline import Engine


def expect_finding(engine: Engine, rule: str, text: str, fields: dict[str, Any],
                   want: str | None, clauses: tuple[str, ...] = ("1.5",)) -> Finding | None:
    """The rule's first finding on the post; None when the row wants none (and none came).

    A wanted finding must cite one of ``clauses`` and its span must hold ``want``.
    """
    result = engine.check(factories.post(text, **fields), factories.school())
    found = [f for f in result.findings if f.rule == rule]
    if want is None:
        assert found == [], found[0].evidence
        return None
    assert found, f"missed: {text}"
    f = found[0]
    assert f.clause in clauses
    assert want in text[f.start:f.end]
    return f
