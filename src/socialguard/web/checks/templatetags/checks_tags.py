"""The checks section's navigation, showing only what the user's role opens."""

from __future__ import annotations

from typing import Any

from django import template
from django.urls import NoReverseMatch, reverse

register = template.Library()

# (url name, label, roles that see it; None: everyone with a role here)
LINKS = [
    ("check_school", "Check a post", None),
    ("runs", "Check log", None),
    ("drafts", "Drafts", {"trust_exec", "head", "dsl", "comms", "teacher", "governor"}),
    ("approvals", "Approvals", {"trust_exec", "head", "dsl", "comms", "teacher", "governor"}),
    ("archive", "Published archive", {"trust_exec", "head", "dsl", "comms", "teacher", "governor"}),
    ("dashboard", "Dashboard", {"trust_exec", "head", "dsl", "comms", "governor"}),
    ("chain", "Approval chain", {"trust_exec", "head"}),
]


@register.inclusion_tag("checks/_nav.html", takes_context=True)
def checks_nav(context: Any, active: str) -> dict:
    request = context["request"]
    school = context["school"]
    roles = getattr(request, "roles", set())
    links = [(reverse(f"checks:{name}", kwargs={"school": school.slug}), label, name == active or (name == "check_school" and active == "check"))
             for name, label, who in LINKS if who is None or roles & who]
    try:
        links.append((reverse("api:tokens"), "API tokens", active == "tokens"))
    except NoReverseMatch:  # the API app is optional
        pass
    return {"links": links, "school": school}


@register.filter
def isotime(value: str) -> Any:
    """An ISO 8601 string (as kept in the archive's JSON) as a datetime for |date."""
    import datetime as dt
    try:
        return dt.datetime.fromisoformat(value)
    except (TypeError, ValueError):
        return value
