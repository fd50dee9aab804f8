"""The policy as people read it: the guidance for one role, as plain text or Markdown.

Pure functions from a ``Policy`` to a string, so the CLI, the web app and letters can
all show exactly the same words.
"""

from __future__ import annotations

import textwrap

from socialguard.policy.model import AUDIENCES, Clause, Policy, Statement

# What a reader types (a person's role) -> the audience name the policy uses.
ROLE_TO_AUDIENCE = {
    "staff": "staff", "governor": "governors", "trustee": "trustees", "pupil": "pupils",
    "parent": "parents", "carer": "parents", "family": "parents", "dsl": "dsl",
    "head": "dsl", **{a: a for a in AUDIENCES},
}
ROLES = ("staff", "governor", "trustee", "pupil", "parent", "dsl")

AUDIENCE_LABEL = {
    "staff": "staff", "governors": "governors", "trustees": "trustees", "pupils": "pupils",
    "parents": "parents, carers and families", "dsl": "the DSL and head teacher",
}
# How each kind of statement reads, in a list of guidance.
KIND_LABEL = {
    "must": "Must", "must-not": "Must not", "should": "Should", "should-not": "Should not",
    "advised": "Advised", "info": "", "procedure": "Procedure",
}


def audience_for(role: str | None) -> str | None:
    """The policy audience for a role name; None means everyone. Raises ValueError."""
    if role is None:
        return None
    aud = ROLE_TO_AUDIENCE.get(role.strip().lower())
    if aud is None:
        raise ValueError(f"role must be one of {', '.join(ROLES)}; got {role!r}")
    return aud


def _statements(clause: Clause, audience: str | None) -> list[Statement]:
    return [s for s in clause.statements
            if audience is None or not s.audiences or audience in s.audiences]


def _clauses(policy: Policy, audience: str | None) -> list[Clause]:
    return list(policy.clauses) if audience is None else policy.for_audience(audience)


def _rules_by_clause(policy: Policy) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for rid, spec in policy.rules.items():
        for cid in spec.clauses:
            out.setdefault(cid, []).append(rid)
    return out


def _meta_line(policy: Policy) -> str:
    bits = [f"{policy.owner} {policy.title}".strip(), f"version {policy.version}"]
    if policy.type:
        bits.append(policy.type)
    if policy.approved_on:
        approved = f"approved {policy.approved_on.isoformat()}"
        if policy.approval_level:
            approved += f" ({policy.approval_level})"
        bits.append(approved)
    if policy.author:
        bits.append(f"author {policy.author}")
    return " · ".join(bits)


def _who(audience: str | None) -> str:
    return "everyone" if audience is None else AUDIENCE_LABEL.get(audience, audience)


def render_text(policy: Policy, role: str | None = None, *, width: int = 88) -> str:
    """The guidance for ``role`` (every clause when None) as wrapped plain text."""
    audience = audience_for(role)
    checked = _rules_by_clause(policy)
    out = [_meta_line(policy), f"Guidance for {_who(audience)}", ""]
    for c in _clauses(policy, audience):
        out.append(f"{c.id}  {c.title}")
        out.append("-" * min(width, len(c.id) + 2 + len(c.title)))
        if c.text:
            out.append(textwrap.fill(c.text, width=width))
        stmts = _statements(c, audience)
        if stmts:
            out.append("")
        for s in stmts:
            label = KIND_LABEL.get(s.kind, s.kind)
            lead = f"  - {label.upper()}: " if label else "  - "
            out.append(textwrap.fill(s.text, width=width, initial_indent=lead,
                                     subsequent_indent=" " * len(lead)))
        if c.related_policies:
            out.append("")
            out.append(textwrap.fill("Related policies: " + "; ".join(c.related_policies),
                                     width=width))
        if checked.get(c.id):
            out.append("")
            out.append(textwrap.fill("Checked by: " + ", ".join(checked[c.id]), width=width))
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def render_markdown(policy: Policy, role: str | None = None) -> str:
    """The guidance for ``role`` (every clause when None) as Markdown."""
    audience = audience_for(role)
    checked = _rules_by_clause(policy)
    out = [f"# {policy.title}: guidance for {_who(audience)}", "", f"*{_meta_line(policy)}*", ""]
    for c in _clauses(policy, audience):
        out += [f"## {c.id} {c.title}", ""]
        if c.text:
            out += [c.text, ""]
        stmts = _statements(c, audience)
        for s in stmts:
            label = KIND_LABEL.get(s.kind, s.kind)
            out.append(f"- **{label}:** {s.text}" if label else f"- {s.text}")
        if stmts:
            out.append("")
        if c.related_policies:
            out += ["Related policies: " + "; ".join(c.related_policies), ""]
        if checked.get(c.id):
            out += ["Checked by: " + ", ".join(f"`{r}`" for r in checked[c.id]), ""]
    return "\n".join(out).rstrip() + "\n"


def render_rules(policy: Policy) -> list[dict[str, str]]:
    """One row per rule: id, title, clauses, default severity and overrides by audience."""
    rows = []
    for rid, spec in policy.rules.items():
        sev = dict(spec.severity)
        default = sev.pop("default", "review")
        rows.append({
            "rule": rid, "title": spec.title, "clauses": ", ".join(spec.clauses),
            "severity": default,
            "overrides": ", ".join(f"{k}: {v}" for k, v in sev.items()),
        })
    return rows
