"""Reports people read: one post's findings as terminal text (rich) or Markdown.

Colour only in a terminal; in a pipe the same words come out plain, so scripts and
e-mails get exactly what a person sees.
"""

from __future__ import annotations

import re
from typing import TextIO

from rich.console import Console
from rich.text import Text

from socialguard.analysis.finding import Finding, Result
from socialguard.analysis.post import Post
from socialguard.policy import Policy

_SPACES = re.compile(r"\s+")
DECISION_STYLE = {"block": "bold white on red", "review": "bold black on yellow",
                  "allow": "bold white on green"}
SEVERITY_STYLE = {"block": "bold red", "review": "yellow", "advice": "cyan"}
DECISION_WORDS = {"block": "BLOCK: do not post this as it is",
                  "review": "REVIEW: needs changes or a second look before posting",
                  "allow": "ALLOW: nothing in this post breaks the policy"}


def console_for(stream: TextIO, *, tty: bool) -> Console:
    return Console(file=stream, force_terminal=tty, no_color=not tty, highlight=False,
                   soft_wrap=not tty, emoji=False)


def emit(stream: TextIO, renderable: Text | str, *, tty: bool) -> None:
    """Print with colour on a terminal, as plain text otherwise."""
    if tty:
        console_for(stream, tty=True).print(renderable)
    else:
        print(renderable.plain if isinstance(renderable, Text) else renderable, file=stream)


def snippet(text: str, start: int | None, end: int | None, width: int = 40
            ) -> tuple[str, str, str] | None:
    """(before, evidence, after) around a span, on one line, with ellipses where cut."""
    if start is None or end is None or not (0 <= start <= end <= len(text)):
        return None
    a = max(0, start - width)
    b = min(len(text), end + width)
    before = ("…" if a > 0 else "") + text[a:start]
    after = text[end:b] + ("…" if b < len(text) else "")
    evidence = text[start:end]
    if len(evidence) > 200:
        evidence = evidence[:100] + "…" + evidence[-99:]

    def flat(s: str) -> str:
        return _SPACES.sub(" ", s)

    return flat(before).lstrip(), flat(evidence).strip(), flat(after).rstrip()


def _post_line(post: Post) -> str:
    bits = [f"post {post.id}"]
    who = " ".join(x for x in (post.author.role, post.author.name and f"({post.author.name})") if x)
    for x in (who, post.account and f"{post.account} account", post.platform,
              post.posted_at and post.posted_at.strftime("%Y-%m-%d %H:%M %Z")):
        if x:
            bits.append(x)
    return " · ".join(bits)


def _clause_title(policy: Policy, cid: str | None) -> str:
    clause = policy.clause(cid) if cid else None
    return f"{cid} {clause.title}" if clause else (cid or "?")


def report_text(result: Result, post: Post, policy: Policy) -> Text:
    """A readable report of one post's check."""
    t = Text()
    t.append(f" {result.decision.upper()} ", style=DECISION_STYLE[result.decision])
    t.append(" " + DECISION_WORDS[result.decision].split(": ", 1)[1] + "\n")
    t.append(_post_line(post) + "\n", style="dim")
    if not result.findings:
        return t
    t.append(f"\n{len(result.findings)} finding{'s' if len(result.findings) != 1 else ''}:\n")
    for i, f in enumerate(result.findings, 1):
        t.append(f"\n{i}. ")
        t.append(f.rule, style="bold")
        t.append(f"  clause {_clause_title(policy, f.clause)}  ")
        t.append(f.severity or "review", style=SEVERITY_STYLE.get(f.severity or "review", ""))
        t.append(f"  confidence {f.confidence:.2f}\n")
        snip = snippet(post.text, f.start, f.end)
        if snip:
            before, ev, after = snip
            t.append("   Evidence: ")
            t.append(before, style="dim")
            t.append("«", style="dim")
            t.append(ev, style="bold reverse red")
            t.append("»", style="dim")
            t.append(after + "\n", style="dim")
        elif f.evidence:
            t.append(f"   Evidence: {f.evidence}\n")
        t.append(f"   {f.message}\n")
        if f.remedy:
            t.append("   Remedy: ", style="bold")
            t.append(f.remedy + "\n")
        route = (f.detail or {}).get("route")
        if route:
            t.append("   Route: ", style="bold")
            t.append(str(route) + "\n")
    t.rstrip()
    return t


def _md_escape(s: str) -> str:
    for ch in "\\`*_[]<>|":
        s = s.replace(ch, "\\" + ch)
    return s


def report_markdown(result: Result, post: Post, policy: Policy) -> str:
    out = [f"## {DECISION_WORDS[result.decision].split(':')[0]}: "
           f"{DECISION_WORDS[result.decision].split(': ', 1)[1]}", "", f"*{_md_escape(_post_line(post))}*", ""]
    if not result.findings:
        return "\n".join(out).rstrip() + "\n"
    out += ["| # | rule | clause | severity | confidence |", "|---|---|---|---|---|"]
    for i, f in enumerate(result.findings, 1):
        out.append(f"| {i} | `{f.rule}` | {_md_escape(_clause_title(policy, f.clause))} | "
                   f"{f.severity} | {f.confidence:.2f} |")
    out.append("")
    for i, f in enumerate(result.findings, 1):
        out += [f"### {i}. `{f.rule}`: clause {_md_escape(_clause_title(policy, f.clause))}", ""]
        snip = snippet(post.text, f.start, f.end)
        if snip:
            before, ev, after = snip
            out += [f"> {_md_escape(before)}**{_md_escape(ev)}**{_md_escape(after)}", ""]
        elif f.evidence:
            out += [f"> {_md_escape(f.evidence)}", ""]
        out.append(f"- {_md_escape(f.message)}")
        if f.remedy:
            out.append(f"- **Remedy:** {_md_escape(f.remedy)}")
        route = (f.detail or {}).get("route")
        if route:
            out.append(f"- **Route:** {_md_escape(str(route))}")
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def finding_summary(f: Finding) -> str:
    """``rule (clause, severity)`` for tables."""
    return f"{f.rule} ({f.clause}, {f.severity})"
