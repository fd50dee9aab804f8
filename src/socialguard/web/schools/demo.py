"""The demo trust: Oakfield Primary (the bundled demo school, imported through the same
services a real school uses) and Birchwood Primary (generated here), one user per role.

Every name is invented. Drafts come from the checks app when it provides
``socialguard.web.checks.demo.load_demo(school, users) -> str``.
"""

from __future__ import annotations

import importlib
import random
import secrets
from dataclasses import dataclass, field
from typing import Any

import yaml
from django.contrib.auth import get_user_model
from django.db import transaction

from socialguard.demo import school_dir
from socialguard.web.accounts.models import Membership
from socialguard.web.accounts.roles import ROLE_LABELS, ROLES, TRUST_EXEC
from socialguard.web.policies.services import ensure_initial_version
from socialguard.web.schools.models import Person, School, Trust
from socialguard.web.schools.services import import_people, import_school_yaml

TRUST_NAME = "ASSET Education"

BIRCHWOOD = {
    "name": "Birchwood Primary School",
    "aliases": ["Birchwood", "Birchwood Primary", "@BirchwoodPri"],
    "trust": TRUST_NAME,
    "timezone": "Europe/London",
    "lesson_times": {d: ["08:45-10:15", "10:35-12:05", "13:05-15:10"]
                     for d in ("monday", "tuesday", "wednesday", "thursday", "friday")},
    "term_dates": [["2026-09-03", "2026-10-23"], ["2026-11-02", "2026-12-18"],
                   ["2027-01-05", "2027-02-12"], ["2027-02-22", "2027-03-31"]],
    "approved_channels": ["classdojo", "facebook-group-moderated"],
    "alternative_channels": ["email", "letter", "website"],
    "official_accounts": ["@BirchwoodPri", "facebook.com/birchwoodprimary"],
    "office_phone": "01632 960777",
    "office_email": "office@birchwood-primary.example",
    "min_platform_age": 13,
}
_FIRST = ["Amara", "Ben", "Cerys", "Dev", "Elsie", "Finn", "Gita", "Harvey", "Isla", "Jonah",
          "Keira", "Leo", "Maisie", "Nico", "Orla", "Pavel", "Rosa", "Sami", "Tilly", "Umar"]
_LAST = ["Ashworth", "Bellamy", "Chowdhury", "Dunmore", "Eastwood", "Fairbairn", "Gallagher",
         "Hollis", "Ibekwe", "Jarvis", "Kowalczyk", "Lomax", "Mbeki", "Norwood", "Ostrowski"]


def birchwood_people_csv() -> str:
    """About 40 pupils, their parents, staff and governors; deterministic."""
    rng = random.Random(7)
    rows = ["id,role,first_name,last_name,preferred_name,date_of_birth,year_group,left_on,"
            "photo_consent,name_consent,child_ids"]
    for i in range(1, 41):
        year = rng.randint(1, 6)
        born = 2026 - 5 - year
        rows.append(f"B{i:03d},pupil,{rng.choice(_FIRST)},{rng.choice(_LAST)},,"
                    f"{born}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d},{year},,"
                    f"{rng.choice(['yes', 'yes', 'no', ''])},{rng.choice(['yes', 'no', 'no'])},")
    for i in range(1, 21):
        rows.append(f"BR{i:03d},parent,{rng.choice(_FIRST)},{rng.choice(_LAST)},,,,,,,B{i:03d}")
    for i, (f, l) in enumerate([("Hannah", "Okoro"), ("Simon", "Pryce"), ("Grace", "Lund"),
                                ("Tariq", "Hussain"), ("Nell", "Fraser"), ("Owen", "Caddick")], 1):
        rows.append(f"BS{i:03d},staff,{f},{l},,,,,,,")
    rows.append("BG001,governor,Margaret,Ellery,,,,,,,")
    rows.append("BG002,trustee,Kwame,Asante,,,,,,,")
    return "\n".join(rows) + "\n"


@dataclass
class DemoResult:
    password: str
    users: dict[str, Any]
    schools: list[School]
    notes: list[str] = field(default_factory=list)


def _user(username: str, password: str, **kw) -> Any:
    User = get_user_model()
    u, _ = User.objects.get_or_create(username=username, defaults=kw)
    for k, v in kw.items():
        setattr(u, k, v)
    u.set_password(password)
    u.save()
    return u


@transaction.atomic
def load_demo(password: str | None = None) -> DemoResult:
    """Create (or refresh) the demo trust, schools, people, users and policy version.

    Idempotent: a second run keeps the data and sets a new password for the demo users.
    """
    password = password or secrets.token_urlsafe(9)
    trust, _ = Trust.objects.get_or_create(slug="asset", defaults={"name": TRUST_NAME})
    notes: list[str] = []
    folder = school_dir()
    oak = School.objects.filter(slug="oakfield").first()
    if oak is None:
        oak, n = import_school_yaml((folder / "school.yaml").read_text(encoding="utf-8"),
                                    school=None, trust=trust)
        if oak.slug != "oakfield":
            oak.slug = "oakfield"
            oak.save(update_fields=["slug"])
        notes += n
        import_people(oak, (folder / "people.csv").read_bytes(), "people", None)
    birch = School.objects.filter(slug="birchwood").first()
    if birch is None:
        birch, n = import_school_yaml(yaml.safe_dump(BIRCHWOOD), trust=trust)
        if birch.slug != "birchwood":
            birch.slug = "birchwood"
            birch.save(update_fields=["slug"])
        notes += n
        import_people(birch, birchwood_people_csv().encode(), "people", None)
    ensure_initial_version(trust)

    users: dict[str, Any] = {}
    for role in ROLES:
        first, _, last = ROLE_LABELS[role].partition(" ")
        u = _user(role, password, first_name="Demo", last_name=ROLE_LABELS[role],
                  email=f"{role}@example.org",
                  is_staff=(role == TRUST_EXEC), is_superuser=(role == TRUST_EXEC))
        if role == TRUST_EXEC:
            Membership.objects.get_or_create(user=u, trust=trust, role=role)
        else:
            m, _ = Membership.objects.get_or_create(user=u, school=oak, role=role)
            if role == "parent":
                parent_row = oak.people.filter(role="parent", children__isnull=False).first()
                if parent_row:
                    m.children.set(parent_row.children.all())
        users[role] = u
    bh = _user("birchwood_head", password, first_name="Demo", last_name="Head (Birchwood)",
               email="birchwood_head@example.org")
    Membership.objects.get_or_create(user=bh, school=birch, role="head")
    users["birchwood_head"] = bh

    try:
        checks_demo = importlib.import_module("socialguard.web.checks.demo")
    except ModuleNotFoundError:
        checks_demo = None
    if checks_demo is not None and hasattr(checks_demo, "load_demo"):
        for s in (oak, birch):
            msg = checks_demo.load_demo(s, users)
            if msg:
                notes.append(str(msg))
    return DemoResult(password=password, users=users, schools=[oak, birch], notes=notes)


def people_count(school: School) -> int:
    return Person.objects.filter(school=school).count()
