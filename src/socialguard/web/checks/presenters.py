"""Findings made ready for a template: rule title, clause link, fixes, highlighted pieces."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from django.urls import reverse

from socialguard.policy import load_policy
from socialguard.web.checks import fixes, highlight


@lru_cache(maxsize=1)
def _policy():
    return load_policy()


def rule_title(rule: str) -> str:
    spec = _policy().rules.get(rule)
    return spec.title if spec else rule


def clause_url(clause: str | None) -> str:
    """The policy page's anchor for a clause (/policy/#clause-1-5), as the policies app makes it."""
    from socialguard.web.policies import services as policies
    return policies.clause_url(clause) if clause else reverse("policies:show")


@dataclass
class ShownFinding:
    index: int
    data: dict[str, Any]
    title: str
    clause_url: str
    fixes: list[fixes.Fix]
    pk: int | None = None
    override: Any = None

    def __getattr__(self, key: str) -> Any:  # rule, clause, severity... straight from data
        try:
            return self.__dict__["data"][key]
        except KeyError:
            raise AttributeError(key) from None

    @property
    def confidence_pct(self) -> int:
        return round(float(self.data.get("confidence") or 0) * 100)


def shown(findings: list[Any], school: Any = None) -> list[ShownFinding]:
    """Findings (CheckFinding rows or contract dicts) for display."""
    phone = getattr(school, "office_phone", "") or ""
    email = getattr(school, "office_email", "") or ""
    out = []
    for i, f in enumerate(findings):
        d = f.to_dict() if hasattr(f, "to_dict") else dict(f)
        out.append(ShownFinding(i, d, rule_title(d["rule"]), clause_url(d.get("clause")),
                                fixes.fixes_for(d, office_phone=phone, office_email=email),
                                pk=getattr(f, "pk", None)))
    return out


def pieces(text: str, findings: list[ShownFinding]) -> list[highlight.Piece]:
    out = highlight.pieces(text, [f.data for f in findings])
    for p in out:
        p.label = "; ".join(f"{findings[i].title} ({findings[i].severity})" for i in p.findings)
    return out
