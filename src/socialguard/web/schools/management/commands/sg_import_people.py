"""``socialguard web sg_import_people SCHOOL FILE``: a roster CSV into a school, all or nothing."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from socialguard.web.schools import mis
from socialguard.web.schools.models import School
from socialguard.web.schools.services import ENCODINGS, ImportRefused, import_people


class Command(BaseCommand):
    help = "Import people from a SIMS/Arbor/Bromcom export or people.csv (all rows or none)."

    def add_arguments(self, parser):
        parser.add_argument("school", help="the school's slug")
        parser.add_argument("file", help="the CSV file")
        parser.add_argument("--format", choices=sorted(mis.FORMATS), help="default: detect")
        parser.add_argument("--encoding", choices=sorted(ENCODINGS), default="auto")
        parser.add_argument("--role", default="pupil", help="for rows without a role column")
        parser.add_argument("--dry-run", action="store_true", help="check and report only")
        parser.add_argument("--mark-leavers", action="store_true",
                            help="current pupils missing from the file have left (today)")

    def handle(self, *args, **o):
        try:
            school = School.objects.get(slug=o["school"])
        except School.DoesNotExist:
            raise CommandError(f"no school with slug {o['school']!r}") from None
        path = Path(o["file"])
        try:
            raw = path.read_bytes()
        except OSError as e:
            raise CommandError(f"{path}: cannot read: {e.strerror}") from None
        kw = {"encoding": o["encoding"], "default_role": o["role"],
              "leavers_left_on": timezone.localdate() if o["mark_leavers"] else None}
        try:
            rep = import_people(school, raw, o["format"], None, commit=not o["dry_run"], **kw)
        except ImportRefused:
            rep = import_people(school, raw, o["format"], None, commit=False, **kw)
        for w in rep.warnings:
            self.stderr.write(f"warning: {w}")
        for e in rep.errors:
            self.stderr.write(f"{path}:{e.line}: {e.field + ': ' if e.field else ''}{e.reason}")
        if rep.errors:
            raise CommandError(f"{len(rep.errors)} problem(s); nothing was imported")
        self.stdout.write(rep.summary)
