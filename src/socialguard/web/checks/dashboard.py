"""A school's week in numbers, and the geometry of its charts (drawn as inline SVG)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import Count
from django.utils import timezone

from socialguard.web.checks.models import CheckFinding, CheckRun, Draft, PublishedPost
from socialguard.web.checks.presenters import rule_title

SEVERITY_ORDER = ("block", "review", "advice")
DECISION_ORDER = ("block", "review", "allow")


@dataclass
class Bar:
    label: str
    title: str
    total: int
    segments: list[dict[str, Any]]   # {"key", "count", "x", "width"} or {"key","count","y","height"}
    y: float = 0
    x: float = 0


LABEL_W = 220  # room for rule titles left of the bars


def _hbars(rows: list[tuple[str, str, dict[str, int]]], keys: tuple[str, ...], *,
           width: int = 420, bar_h: int = 22, gap: int = 8) -> dict[str, Any]:
    """Horizontal stacked bars: (label, title, {key: count}) rows."""
    top = max((sum(c.values()) for _, _, c in rows), default=0) or 1
    bars = []
    for i, (label, title, counts) in enumerate(rows):
        x = 0.0
        segs = []
        for k in keys:
            n = counts.get(k, 0)
            if n:
                w = width * n / top
                segs.append({"key": k, "count": n, "x": round(LABEL_W + x, 1), "width": round(w, 1)})
                x += w
        bars.append(Bar(label, title, sum(counts.values()), segs, y=i * (bar_h + gap)))
    return {"bars": bars, "width": width + LABEL_W + 20, "label_x": LABEL_W - 10, "bar_h": bar_h,
            "height": max(1, len(rows)) * (bar_h + gap), "keys": keys}


def _columns(days: list[tuple[dt.date, dict[str, int]]], keys: tuple[str, ...], *,
             height: int = 140, col_w: int = 22, gap: int = 8) -> dict[str, Any]:
    top = max((sum(c.values()) for _, c in days), default=0) or 1
    bars = []
    for i, (day, counts) in enumerate(days):
        y = float(height)
        segs = []
        for k in keys:
            n = counts.get(k, 0)
            if n:
                h = height * n / top
                y -= h
                segs.append({"key": k, "count": n, "y": round(y, 1), "height": round(h, 1)})
        bars.append(Bar(day.strftime("%d"), day.strftime("%a %d %b"), sum(counts.values()), segs,
                        x=i * (col_w + gap)))
    return {"bars": bars, "height": height, "col_w": col_w, "top": top,
            "width": max(1, len(days)) * (col_w + gap), "keys": keys}


def summary(school: Any, now: dt.datetime | None = None) -> dict[str, Any]:
    now = now or timezone.now()
    week_ago = now - dt.timedelta(days=7)
    runs = CheckRun.objects.filter(school=school)
    week = runs.filter(created_at__gte=week_ago)
    decisions = dict(week.values_list("decision").annotate(n=Count("id")).values_list("decision", "n"))

    by_rule: dict[str, dict[str, int]] = {}
    for rule, sev, n in (CheckFinding.objects.filter(run__school=school, run__created_at__gte=week_ago)
                         .values_list("rule", "severity").annotate(n=Count("id"))
                         .values_list("rule", "severity", "n")):
        by_rule.setdefault(rule, {})[sev] = n
    rule_rows = sorted(((r, rule_title(r), c) for r, c in by_rule.items()),
                       key=lambda t: (-sum(t[2].values()), t[0]))

    tz = timezone.get_current_timezone()
    today = now.astimezone(tz).date()
    first = today - dt.timedelta(days=13)
    per_day: dict[dt.date, dict[str, int]] = {first + dt.timedelta(days=i): {} for i in range(14)}
    start = dt.datetime.combine(first, dt.time.min, tzinfo=tz)
    for created, decision in runs.filter(created_at__gte=start).values_list("created_at", "decision"):
        day = created.astimezone(tz).date()
        if day in per_day:
            per_day[day][decision] = per_day[day].get(decision, 0) + 1

    waiting = Draft.objects.filter(school=school, status="pending").select_related("author")
    return {
        "checks_week": week.count(),
        "decisions": [(d, decisions.get(d, 0)) for d in DECISION_ORDER],
        "rules_chart": _hbars(rule_rows, SEVERITY_ORDER),
        "days_chart": _columns(sorted(per_day.items()), DECISION_ORDER),
        "drafts_waiting": list(waiting[:20]),
        "drafts_waiting_count": waiting.count(),
        "published_week": PublishedPost.objects.filter(school=school, published_at__gte=week_ago).count(),
    }
