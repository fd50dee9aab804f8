"""Builders for test schools and posts, so tests never need ../shared."""

from __future__ import annotations

import datetime as dt
from typing import Any

from socialguard.analysis.post import Person, Post, SchoolContext, parse_time

LESSONS = ["08:50-10:20", "10:40-12:00", "13:00-15:15"]


def person(pid: str, role: str, first: str, last: str, **kw: Any) -> Person:
    for k in ("date_of_birth", "left_on"):
        if isinstance(kw.get(k), str):
            kw[k] = dt.date.fromisoformat(kw[k])
    if "child_ids" in kw and isinstance(kw["child_ids"], str):
        kw["child_ids"] = tuple(kw["child_ids"].split(";"))
    return Person(id=pid, role=role, first_name=first, last_name=last, **kw)


def default_people() -> list[Person]:
    return [
        person("P1", "pupil", "Alexander", "Hughes", preferred_name="Alfie", date_of_birth="2016-05-02",
               year_group="5", photo_consent=False, name_consent=False),
        person("P2", "pupil", "Olivia", "Brown", date_of_birth="2017-01-14", year_group="4",
               photo_consent=True, name_consent=True),
        person("P3", "pupil", "Kacper", "Nowak", date_of_birth="2015-03-09", year_group="6",
               photo_consent=True, name_consent=False),
        person("P4", "pupil", "Grace", "Okafor", date_of_birth="2009-10-01", year_group="",
               left_on="2026-07-22", photo_consent=True, name_consent=True),   # past pupil, 17
        person("P5", "pupil", "Tom", "Ellis", date_of_birth="1996-04-04", year_group="",
               left_on="2007-07-20", photo_consent=True, name_consent=True),   # past pupil, 30
        person("S1", "staff", "Jane", "Smith"),
        person("S2", "staff", "Mark", "Patel"),
        person("G1", "governor", "Helen", "Carter"),
        person("R1", "parent", "Sarah", "Hughes", child_ids="P1"),
        person("R2", "parent", "David", "Brown", child_ids="P2"),
    ]


def school(**overrides: Any) -> SchoolContext:
    data = {
        "name": "Oakfield Primary School",
        "aliases": ["Oakfield", "Oakfield Primary", "@OakfieldPrimary"],
        "trust": "ASSET Education",
        "timezone": "Europe/London",
        "lesson_times": {d: LESSONS for d in ("monday", "tuesday", "wednesday", "thursday", "friday")},
        "term_dates": [["2026-09-03", "2026-10-23"], ["2026-11-02", "2026-12-18"]],
        "approved_channels": ["classdojo", "tapestry", "facebook-group-moderated"],
        "alternative_channels": ["email", "letter", "website", "text-message"],
        "official_accounts": ["@OakfieldPrimary", "facebook.com/oakfieldprimary"],
        "office_phone": "01632 960 123",
        "office_email": "office@oakfield.sch.uk",
    }
    people = overrides.pop("people", None)
    data.update(overrides)
    return SchoolContext.from_dict(data, people=default_people() if people is None else people)


def post(text: str = "", **kw: Any) -> Post:
    """A post; ``role``/``name``/``handle`` build the author, ``at`` sets posted_at."""
    author = {k: kw.pop(k) for k in ("role", "name", "handle") if k in kw}
    data: dict[str, Any] = {"id": kw.pop("id", "t1"), "text": text, **kw}
    if author:
        data["author"] = author
    if "at" in data:
        data["posted_at"] = data.pop("at")
    p = Post.from_dict(data)
    if p.posted_at is None and "posted_at" in data:
        p.posted_at = parse_time(data["posted_at"])
    return p
