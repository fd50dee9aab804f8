"""Fixtures for the web app's tests: a trust, two schools, one user per role.

- ``school``: Oakfield Primary (the people of tests/factories.py, consent included)
- ``other_school``: Birchwood Primary, same trust, a few pupils of its own
- ``users``: role -> User holding that role at ``school`` (``trust_exec`` holds it for the
  whole trust, so at ``other_school`` too); the parent is linked to pupil P1 (Alfie Hughes)
- ``other_head``: the head of ``other_school`` only
- ``client_as(role_or_user)``: a test client logged in as that user
"""

from __future__ import annotations

import os
import tempfile

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "socialguard.web.settings")
os.environ.setdefault("SG_DATA_DIR", tempfile.mkdtemp(prefix="sg-web-test-"))
os.environ.setdefault("SG_SECRET_KEY", "test-only-secret-key-not-used-anywhere-else-0123456789")

import django  # noqa: E402

django.setup()

import pytest  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.core.cache import cache  # noqa: E402
from django.test import Client  # noqa: E402

import factories  # noqa: E402  (tests/factories.py, on sys.path via tests/conftest.py)
from socialguard.web.accounts.models import Membership  # noqa: E402
from socialguard.web.accounts.roles import ROLES, TRUST_EXEC  # noqa: E402
from socialguard.web.schools.models import Person, School, Trust  # noqa: E402

PASSWORD = "correct horse battery staple"


@pytest.fixture(autouse=True)
def _fast_and_clean(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    cache.clear()  # login throttling counts live in the cache
    yield
    cache.clear()


def make_school(trust: Trust, slug: str, people: list | None = None, **overrides) -> School:
    """A School row from tests/factories.school(): same settings, same people.

    Its terms lie in the past, so checks made "now" never fall in a lesson: a run of the
    suite during a school day must give the same decisions as one at night.
    """
    overrides.setdefault("term_dates", [["2000-01-04", "2000-01-05"]])
    ctx = factories.school(**overrides, people=people)
    s = School.objects.create(
        trust=trust, slug=slug, name=ctx.name, aliases=ctx.aliases, timezone=ctx.timezone,
        lesson_times={d: [f"{a:%H:%M}-{b:%H:%M}" for a, b in sp] for d, sp in ctx.lesson_times.items()},
        term_dates=[[a.isoformat(), b.isoformat()] for a, b in ctx.term_dates],
        approved_channels=ctx.approved_channels, alternative_channels=ctx.alternative_channels,
        official_accounts=ctx.official_accounts, office_phone=ctx.office_phone,
        office_email=ctx.office_email, min_platform_age=ctx.min_platform_age)
    rows = {}
    for p in ctx.people:
        rows[p.id] = Person.objects.create(
            school=s, external_id=p.id, role=p.role, first_name=p.first_name,
            last_name=p.last_name, preferred_name=p.preferred_name, dob=p.date_of_birth,
            year_group=p.year_group, left_on=p.left_on, photo_consent=p.photo_consent,
            name_consent=p.name_consent)
    for p in ctx.people:
        if p.child_ids:
            rows[p.id].children.set([rows[c] for c in p.child_ids])
    return s


@pytest.fixture
def trust(db) -> Trust:
    return Trust.objects.create(name="ASSET Education", slug="asset")


@pytest.fixture
def school(trust) -> School:
    return make_school(trust, "oakfield")


@pytest.fixture
def other_school(trust) -> School:
    return make_school(trust, "birchwood", name="Birchwood Primary School",
                       aliases=["Birchwood"], official_accounts=["@BirchwoodPrimary"],
                       people=[factories.person("B1", "pupil", "Noah", "Green", year_group="3",
                                                photo_consent=True, name_consent=False)])


def make_user(username: str, **kw):
    return get_user_model().objects.create_user(username=username, password=PASSWORD,
                                                email=f"{username}@example.org", **kw)


@pytest.fixture
def users(trust, school, other_school) -> dict:
    out = {}
    for role in ROLES:
        u = make_user(role, first_name=role.replace("_", " ").title(), last_name="Tester")
        if role == TRUST_EXEC:
            Membership.objects.create(user=u, trust=trust, role=role)
        else:
            m = Membership.objects.create(user=u, school=school, role=role)
            if role == "parent":
                m.children.set([school.people.get(external_id="P1")])
        out[role] = u
    return out


@pytest.fixture(name="make_user")
def make_user_fixture(db):
    """``make_user(username, **fields)``: a user with no role (password PASSWORD)."""
    return make_user


@pytest.fixture
def other_head(other_school):
    u = make_user("other_head")
    Membership.objects.create(user=u, school=other_school, role="head")
    return u


@pytest.fixture
def client_as(users):
    def login(who) -> Client:
        user = users[who] if isinstance(who, str) else who
        c = Client()
        c.force_login(user)
        return c
    return login
