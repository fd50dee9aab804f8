"""``socialguard web sg_school_yaml export|import SCHOOL [FILE]``: the contract's school.yaml."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from socialguard.errors import ContextError
from socialguard.web.schools.models import School, Trust
from socialguard.web.schools.services import (
    export_people_csv, export_school_yaml, import_school_yaml,
)


class Command(BaseCommand):
    help = ("Export a school as a context folder (school.yaml + people.csv), or import a "
            "school.yaml into a school (created in --trust when the slug is new).")

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["export", "import"])
        parser.add_argument("school", help="the school's slug")
        parser.add_argument("path", help="export: a folder to write; import: the school.yaml")
        parser.add_argument("--trust", help="import: the trust's slug for a new school")

    def handle(self, *args, **o):
        school = School.objects.filter(slug=o["school"]).first()
        path = Path(o["path"])
        if o["action"] == "export":
            if school is None:
                raise CommandError(f"no school with slug {o['school']!r}")
            path.mkdir(parents=True, exist_ok=True)
            (path / "school.yaml").write_text(export_school_yaml(school), encoding="utf-8")
            (path / "people.csv").write_text(export_people_csv(school), encoding="utf-8")
            self.stdout.write(f"wrote {path / 'school.yaml'} and {path / 'people.csv'}")
            return
        trust = None
        if school is None:
            trust = Trust.objects.filter(slug=o["trust"] or "").first()
            if trust is None:
                raise CommandError("a new school needs --trust SLUG (an existing trust)")
        try:
            text = path.read_text(encoding="utf-8-sig")
            s, notes = import_school_yaml(text, school=school, trust=trust, source=str(path))
        except (OSError, UnicodeDecodeError) as e:
            raise CommandError(f"{path}: cannot read: {e}") from None
        except ContextError as e:
            raise CommandError(str(e)) from None
        if school is None and s.slug != o["school"]:
            s.slug = o["school"]
            s.save(update_fields=["slug"])
        for n in notes:
            self.stderr.write(f"warning: {n}")
        self.stdout.write(f"imported {s.name} ({s.slug})")
