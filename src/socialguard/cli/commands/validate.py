"""`socialguard validate DIR`: load a school context folder and summarise what it says."""

from __future__ import annotations

import argparse
import datetime as dt
from collections import Counter
from pathlib import Path
from typing import Any

from socialguard.analysis.post import PERSON_ROLES, WEEKDAYS, SchoolContext
from socialguard.cli.common import add_encoding_arg, check_encoding, load_school
from socialguard.errors import SocialguardError

NAME = "validate"
HELP = "check a school context folder and summarise it (people, consent, lesson times)"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("dir", metavar="DIR", help="the school context folder")
    p.add_argument("--on", metavar="DATE", help="count ages on this day (default: today)")
    add_encoding_arg(p)


_PLURAL = {"pupil": "pupils", "staff": "staff", "governor": "governors", "trustee": "trustees",
           "parent": "parents"}


def _names(people, limit: int = 8) -> str:
    shown = ", ".join(f"{p.id} {p.full_name}" for p in people[:limit])
    return shown + (f", and {len(people) - limit} more" if len(people) > limit else "")


def problems(school: SchoolContext, day: dt.date) -> list[str]:
    """Things that load but look wrong: they weaken the checks, so say so."""
    out = []
    pupils = {p.id for p in school.people if p.role == "pupil"}
    for p in school.people:
        for c in p.child_ids:
            if c not in pupils:
                out.append(f"{p.id} {p.full_name}: child_ids has {c!r}, which is not a pupil "
                           "in people.csv")
        if p.role == "pupil" and p.date_of_birth and p.date_of_birth > day:
            out.append(f"{p.id} {p.full_name}: date_of_birth {p.date_of_birth} is in the future")
    no_dob = [p for p in school.pupils if p.is_current_pupil(day) and not p.date_of_birth]
    if no_dob:
        out.append(f"{len(no_dob)} current pupil(s) without date_of_birth, so the under-13 "
                   f"check cannot judge them: {_names(no_dob)}")
    return out


def summary(school: SchoolContext, day: dt.date) -> list[str]:
    roles = Counter(p.role for p in school.people)
    current = [p for p in school.pupils if p.is_current_pupil(day)]
    past = [p for p in school.pupils if p.is_past_pupil(day)]
    past_minor = [p for p in past if (p.age_on(day) is not None and p.age_on(day) < 18)]
    no_name = [p for p in current if p.name_consent is not True]
    no_photo = [p for p in current if p.photo_consent is not True]
    under = [p for p in current if p.age_on(day) is not None and p.age_on(day) < school.min_platform_age]
    lines = [
        f"{school.name}" + (f" ({school.trust})" if school.trust else "") + f", time zone {school.timezone}",
        f"people: {len(school.people)} ("
        + ", ".join(f"{roles[r]} {_PLURAL[r] if roles[r] != 1 else r}" for r in PERSON_ROLES
                    if roles[r]) + ")",
        f"pupils: {len(current)} current, {len(past)} past ({len(past_minor)} of them under 18 on {day})",
        f"pupils without name consent: {len(no_name)}" + (f" ({_names(no_name)})" if no_name else ""),
        f"pupils without photo consent: {len(no_photo)}" + (f" ({_names(no_photo)})" if no_photo else ""),
        f"pupils under {school.min_platform_age} (the platforms' minimum age): {len(under)}",
    ]
    if past_minor:
        lines.append(f"past pupils under 18: {_names(past_minor)}")
    if school.lesson_times:
        lines.append("lesson times:")
        for d in WEEKDAYS:
            spans = school.lesson_times.get(d)
            if spans:
                lines.append(f"  {d:<9} " + ", ".join(f"{a:%H:%M}-{b:%H:%M}" for a, b in spans))
    else:
        lines.append("lesson times: none (the lesson-time check will never fire)")
    if school.term_dates:
        lines.append("terms: " + "; ".join(f"{a} to {b}" for a, b in school.term_dates))
    else:
        lines.append("terms: none given (every week counts as term time)")
    lines.append("approved channels: " + (", ".join(school.approved_channels) or "none"))
    lines.append("alternative channels: " + (", ".join(school.alternative_channels) or "none"))
    lines.append("official accounts: " + (", ".join(school.official_accounts) or "none"))
    return lines


def run(args: argparse.Namespace, io: Any) -> int:
    from socialguard.cli.main import ExitStatus

    day = dt.date.today()
    if args.on:
        try:
            day = dt.date.fromisoformat(args.on)
        except ValueError:
            raise SocialguardError(f"must be a date like 2026-11-24; got {args.on!r}",
                                   field="--on") from None
    school = load_school(args.dir, check_encoding(args.encoding), stderr=io.stderr)
    for line in summary(school, day):
        print(line, file=io.stdout)
    found = problems(school, day)
    if not (Path(args.dir) / "people.csv").exists():
        found.insert(0, f"{Path(args.dir) / 'people.csv'} is missing, so no roster checks run")
    for p in found:
        print(f"socialguard: warning: {p}", file=io.stderr)
    print(f"OK: {args.dir} is a valid school context"
          + (f" ({len(found)} warning{'s' if len(found) != 1 else ''})" if found else ""),
          file=io.stdout)
    return ExitStatus.OK
