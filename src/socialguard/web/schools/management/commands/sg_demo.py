"""``manage.py sg_demo``: load the demo trust and print the demo users' password once."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from socialguard.web.accounts.roles import ROLE_LABELS
from socialguard.web.schools.demo import load_demo, people_count


class Command(BaseCommand):
    help = "Load the demo trust (two schools, people, consent, users per role)."

    def add_arguments(self, parser):
        parser.add_argument("--password", help="use this password instead of a random one")

    def handle(self, *args, **opts):
        res = load_demo(opts.get("password"))
        for s in res.schools:
            self.stdout.write(f"{s.name}: {people_count(s)} people")
        for n in res.notes:
            self.stdout.write(f"note: {n}")
        self.stdout.write("\nDemo users (all share this password, shown only now):")
        for name, u in res.users.items():
            label = ROLE_LABELS.get(name, "Head teacher of Birchwood only")
            self.stdout.write(f"  {u.username:<16} {label}")
        self.stdout.write(f"\n  password: {res.password}\n")
