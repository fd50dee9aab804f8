"""Delete logged checks older than N days (data retention), keeping those of drafts."""

from __future__ import annotations

import datetime as dt

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from socialguard.web.checks.models import CheckRun


class Command(BaseCommand):
    help = ("Delete Check-page and API check runs (with the text people pasted) older than "
            "--days; a draft's checks are part of its record and are kept.")

    def add_arguments(self, parser) -> None:
        parser.add_argument("--days", type=int, default=90, help="keep this many days (default 90)")
        parser.add_argument("--dry-run", action="store_true", help="only say how many would go")

    def handle(self, *args, days: int, dry_run: bool, **opts) -> None:
        if days < 1:
            raise CommandError(f"--days must be at least 1; got {days}")
        cutoff = timezone.now() - dt.timedelta(days=days)
        old = CheckRun.objects.filter(created_at__lt=cutoff, draft_version__isnull=True)
        n = old.count()
        if not dry_run:
            old.delete()
        self.stdout.write(f"{'would delete' if dry_run else 'deleted'} {n} check run(s) older than "
                          f"{cutoff:%Y-%m-%d}")
