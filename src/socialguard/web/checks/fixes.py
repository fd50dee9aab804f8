"""One-click fixes for findings whose remedy is mechanical.

A fix never analyses: it rewrites the exact span the engine reported (and only when that
span still holds the evidence), then the text is checked again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

# What kind of personal data a span holds, to label the button. The engine may say so in
# ``detail["kind"]``; when it does not, the evidence's shape decides the label only.
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_POSTCODE = re.compile(r"^[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}$", re.I)
_PHONE = re.compile(r"^\+?[\d\s().-]{9,}$")

LABELS = {
    "phone": "Remove the phone number",
    "email": "Remove the e-mail address",
    "postcode": "Remove the postcode",
    "address": "Remove the address",
    "date_of_birth": "Remove the date of birth",
}


@dataclass(frozen=True)
class Fix:
    code: str      # stable id posted by the button: "remove", "office-phone", "initials"
    label: str
    replacement: str


def _get(f: Any, key: str) -> Any:
    return f.get(key) if isinstance(f, dict) else getattr(f, key, None)


def data_kind(finding: Any) -> str:
    detail = _get(finding, "detail") or {}
    kind = str(detail.get("kind") or "").lower().replace("-", "_").replace(" ", "_")
    if kind:
        if "phone" in kind or "mobile" in kind:
            return "phone"
        if "mail" in kind:
            return "email"
        return kind
    ev = (_get(finding, "evidence") or "").strip()
    if _EMAIL.match(ev):
        return "email"
    if _POSTCODE.match(ev):
        return "postcode"
    if _PHONE.match(ev) and sum(c.isdigit() for c in ev) >= 9:
        return "phone"
    return "personal data"


def initials(name: str) -> str:
    """'Alfie Hughes' -> 'A.H.'; hyphenated and apostrophe names keep one letter per part."""
    parts = [p for p in re.split(r"[\s\-]+", name.strip()) if p]
    letters = [next((c for c in p if c.isalpha()), "") for p in parts]
    return "".join(f"{c.upper()}." for c in letters if c)


def fixes_for(finding: Any, *, office_phone: str = "", office_email: str = "") -> list[Fix]:
    """The mechanical fixes a finding allows (none for a finding without a text span)."""
    if _get(finding, "start") is None or _get(finding, "end") is None:
        return []
    rule = _get(finding, "rule")
    if rule == "personal-data":
        kind = data_kind(finding)
        out = [Fix("remove", LABELS.get(kind, f"Remove the {kind.replace('_', ' ')}"), "")]
        if kind == "phone" and office_phone:
            out.append(Fix("office-phone", "Use the school office's number", office_phone))
        if kind == "email" and office_email:
            out.append(Fix("office-email", "Use the school office's e-mail", office_email))
        return out
    if rule == "identifiable-pupil":
        ev = _get(finding, "evidence") or ""
        ini = initials(ev)
        return [Fix("initials", f"Use initials ({ini})", ini)] if ini else []
    return []


class StaleFix(ValueError):
    """The text no longer holds the finding's evidence at its span."""


def apply(text: str, finding: Any, fix: Fix) -> str:
    """``text`` with the finding's span replaced; removals tidy the space they leave."""
    s, e = int(_get(finding, "start")), int(_get(finding, "end"))
    ev = _get(finding, "evidence")
    if not (0 <= s < e <= len(text)) or (ev is not None and text[s:e] != ev):
        raise StaleFix("the text changed since it was checked; check it again")
    before, after = text[:s], text[e:]
    if fix.replacement:
        return before + fix.replacement + after
    # Removing leaves "call  today" or "call , or": close the gap to one space.
    before_t = before.rstrip(" \t")
    after_t = after.lstrip(" \t")
    if not before_t or before_t.endswith("\n") or not after_t or after_t[0] in ",.;:!?)\n":
        return before_t + after_t
    return before_t + " " + after_t


def apply_all(text: str, findings: list[Any], codes: dict[int, str] | None = None, *,
              office_phone: str = "", office_email: str = "") -> str:
    """Apply the first (or the chosen) fix of every fixable finding, right to left."""
    codes = codes or {}
    todo = []
    for i, f in enumerate(findings):
        options = fixes_for(f, office_phone=office_phone, office_email=office_email)
        if not options:
            continue
        fix = next((o for o in options if o.code == codes.get(i)), options[0])
        todo.append((int(_get(f, "start")), int(_get(f, "end")), f, fix))
    taken_from = len(text) + 1
    for s, e, f, fix in sorted(todo, key=lambda t: -t[0]):
        if e > taken_from:  # overlaps a span already rewritten
            continue
        text = apply(text, f, fix)
        taken_from = s
    return text
