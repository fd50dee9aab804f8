"""Who can reach every named URL: a role x URL matrix, generated from the URL conf.

Each app declares the expected access in ``socialguard/web/<app>/access.py`` (see
``socialguard/web/access.py`` for the format). A URL without a declaration fails here, so a
new page cannot ship without saying who may see it.
"""

from __future__ import annotations

import importlib
from types import SimpleNamespace

import pytest
from django.apps import apps
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from socialguard.web.accounts.roles import ROLES
from socialguard.web.policies.services import ensure_initial_version
from socialguard.web.accounts.models import Membership
from socialguard.web.schools.models import ImportBatch, Trust

SKIP_NAMESPACES = {"admin"}  # Django's admin has its own is_staff gate, tested below


def named_urls(resolver=None, ns: str = "") -> list[tuple[str, object]]:
    out = []
    for p in (resolver or get_resolver()).url_patterns:
        if isinstance(p, URLResolver):
            sub = f"{ns}{p.namespace}:" if p.namespace else ns
            if (p.namespace or "") in SKIP_NAMESPACES:
                continue
            out += named_urls(p, sub)
        elif isinstance(p, URLPattern) and p.name:
            out.append((ns + p.name, p))
    return out


def declared_access() -> tuple[dict[str, dict], list]:
    table: dict[str, dict] = {}
    setups = []
    modules = ["socialguard.web"] + [a.name for a in apps.get_app_configs()
                                     if a.name.startswith("socialguard.web.")]
    for m in modules:
        try:
            mod = importlib.import_module(m + ".access")
        except ModuleNotFoundError:
            continue
        table.update(getattr(mod, "ACCESS", {}))
        if hasattr(mod, "setup"):
            setups.append(mod.setup)
    return table, setups


URLS = dict(named_urls())
ACCESS, SETUPS = declared_access()


def test_every_named_url_declares_who_may_use_it():
    missing = sorted(set(URLS) - set(ACCESS))
    assert not missing, f"declare these in web/<app>/access.py: {missing}"


def test_every_declaration_names_a_real_url_and_real_roles():
    assert not sorted(set(ACCESS) - set(URLS)), "access.py names URLs that do not exist"
    for name, spec in ACCESS.items():
        assert set(spec["roles"]) <= set(ROLES), name


@pytest.fixture
def other_exec(db, make_user):
    trust = Trust.objects.create(name="Another Trust", slug="another")
    u = make_user("other_exec")
    Membership.objects.create(user=u, trust=trust, role="trust_exec")
    return u


@pytest.fixture
def f(school, other_school, users, other_head, other_exec):
    head = users["head"]
    ns = SimpleNamespace(
        school=school, other_school=other_school, users=users, other_head=other_head,
        other_exec=other_exec,
        pupil=school.people.get(external_id="P1"),
        batch=ImportBatch.objects.create(
            school=school, uploaded_by=head, filename="r.csv",
            content=b"id,role,first_name,last_name\nP9,pupil,Zara,Ali\n", mapping={}),
        policy_version=None)
    ns.policy_version = ensure_initial_version(school.trust)
    ns.policy_version.status = "draft"   # so approving it is a real action
    ns.policy_version.save()
    for setup in SETUPS:
        setup(ns)
    return ns


def _call(client: Client, spec: dict, url: str, f) -> int:
    method = spec.get("method", "get")
    data = spec.get("data", {})
    if callable(data):
        data = data(f)
    with transaction.atomic():   # each request's changes are undone, so each role sees the same
        resp = getattr(client, method)(url, data)
        transaction.set_rollback(True)
    return resp


@pytest.mark.parametrize("name", sorted(URLS))
def test_each_role_reaches_exactly_the_urls_its_role_allows(name, f):
    spec = ACCESS.get(name)
    if spec is None:
        pytest.fail(f"{name} has no access declaration")
    if spec.get("skip"):
        pytest.skip(spec["skip"])
    kwargs = spec.get("kwargs") or {}
    if callable(kwargs):
        kwargs = kwargs(f)
    url = reverse(name, kwargs=kwargs)
    ok = set(spec.get("ok", {200}))
    allowed = set(spec["roles"])
    problems = []
    for role in ROLES:
        c = Client()
        c.force_login(f.users[role])
        got = _call(c, spec, url, f).status_code
        if role in allowed and got not in ok:
            problems.append(f"{role}: expected {sorted(ok)}, got {got}")
        if role not in allowed and got != 403:
            problems.append(f"{role}: expected 403, got {got}")
    # Someone from another school, or the executive of another trust, never reaches this
    # school's pages.
    if "school" in kwargs:
        for label, outsider in (("head of another school", f.other_head),
                                ("executive of another trust", f.other_exec)):
            c = Client()
            c.force_login(outsider)
            got = _call(c, spec, url, f).status_code
            if got != 403:
                problems.append(f"{label}: expected 403, got {got}")
    # Anonymous visitors: public pages answer, others send them to log in (or say 401).
    resp = _call(Client(), spec, url, f)
    if spec.get("public"):
        if resp.status_code not in ok:
            problems.append(f"anonymous: expected {sorted(ok)}, got {resp.status_code}")
    else:
        want = spec.get("anonymous", 302)
        if resp.status_code != want or (want == 302 and "/accounts/login/" not in resp["Location"]):
            problems.append(f"anonymous: expected {want} to log in, got {resp.status_code}")
    assert not problems, f"{name} ({url}): " + "; ".join(problems)


def test_the_django_admin_turns_away_users_who_are_not_staff(client_as):
    r = client_as("head").get("/admin/")
    assert r.status_code == 302 and "/admin/login/" in r["Location"]


def test_a_user_with_no_membership_sees_no_school(school, make_user):
    u = make_user("nobody")
    c = Client()
    c.force_login(u)
    assert c.get(reverse("schools:detail", kwargs={"school": school.slug})).status_code == 403
    assert c.get(reverse("schools:list")).status_code == 403
