"""The policy model: clauses people read, rules the engine enforces.

Severity, clause and route can differ by audience: a key is a role (``parent``), an
account kind (``*/official``) or both (``staff/personal``); the most specific wins.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from socialguard.analysis.finding import Finding
    from socialguard.analysis.post import Post

AUDIENCES = ("staff", "governors", "trustees", "pupils", "parents", "dsl")
STATEMENT_KINDS = ("must", "must-not", "should", "should-not", "advised", "info", "procedure")
# A post's author role -> the policy audience whose guidance applies to it.
ROLE_AUDIENCE = {"staff": "staff", "governor": "governors", "trustee": "trustees",
                 "pupil": "pupils", "parent": "parents", "family": "parents"}


@dataclass(frozen=True)
class Statement:
    text: str
    kind: str = "info"
    audiences: tuple[str, ...] = ()


@dataclass(frozen=True)
class Clause:
    id: str
    title: str
    text: str
    audiences: tuple[str, ...]
    statements: tuple[Statement, ...] = ()
    related_policies: tuple[str, ...] = ()

    def applies_to(self, audience: str) -> bool:
        return not self.audiences or "all" in self.audiences or audience in self.audiences


def resolve(table: dict[str, str], role: str | None, account: str | None) -> str | None:
    """The most specific entry of a by-audience table for this author and account."""
    for key in (f"{role}/{account}", f"*/{account}", f"{role}", "default"):
        if key in table:
            return table[key]
    return None


@dataclass(frozen=True)
class RuleSpec:
    id: str
    title: str
    clauses: tuple[str, ...]
    clause: dict[str, str]
    severity: dict[str, str]
    message: str
    remedy: str
    route: dict[str, str] = field(default_factory=dict)

    def clause_for(self, role: str | None, account: str | None) -> str:
        return resolve(self.clause, role, account) or self.clauses[0]

    def severity_for(self, role: str | None, account: str | None) -> str:
        return resolve(self.severity, role, account) or "review"


@dataclass(frozen=True)
class Policy:
    id: str
    title: str
    owner: str
    version: str
    type: str
    author: str
    approved_on: dt.date | None
    approval_level: str
    review_due: dt.date | None
    clauses: tuple[Clause, ...]
    rules: dict[str, RuleSpec]
    source: str = ""

    def clause(self, cid: str) -> Clause | None:
        return next((c for c in self.clauses if c.id == cid), None)

    def for_audience(self, audience: str) -> list[Clause]:
        return [c for c in self.clauses if c.applies_to(audience)]

    def apply(self, f: "Finding", post: "Post") -> "Finding | None":
        """Fill in what the policy decides; None when this policy switches the rule off."""
        spec = self.rules.get(f.rule)
        if spec is None:
            return f
        role, account = post.author.role, post.account
        severity = f.severity or spec.severity_for(role, account)
        if severity == "off":
            return None
        detail = f.detail
        route = resolve(spec.route, role, account) if spec.route else None
        if route and "route" not in detail:
            detail = {**detail, "route": route}
        return replace(
            f,
            clause=f.clause or spec.clause_for(role, account),
            severity=severity,
            message=f.message or spec.message,
            remedy=f.remedy or spec.remedy,
            detail=detail,
        )
