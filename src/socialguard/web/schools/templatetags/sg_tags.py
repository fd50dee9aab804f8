"""Small template helpers (dictionary lookup, display of import values)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import template

register = template.Library()


@register.filter
def get(d: dict, key: str) -> Any:
    return d.get(key, "") if isinstance(d, dict) else ""


@register.filter
def cell(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, bool):
        return "yes" if v else "no"
    if isinstance(v, dt.date):
        return v.isoformat()
    if isinstance(v, tuple):
        return "; ".join(v)
    return str(v)
