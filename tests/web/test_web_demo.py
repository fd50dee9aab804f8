"""The demo trust loads through the same import services a real school uses."""

from __future__ import annotations

import importlib.util
import io
from dataclasses import replace

from django.contrib.auth import authenticate
from django.core.management import call_command

from socialguard.analysis.post import load_context
from socialguard.demo import school_dir
from socialguard.web.accounts.permissions import role_in
from socialguard.web.accounts.roles import ROLES
from socialguard.web.schools.demo import load_demo
from socialguard.web.schools.services import context_for


def test_the_demo_has_two_schools_and_a_user_per_role(db):
    res = load_demo("a-demo-password-1")
    oak, birch = res.schools
    assert set(ROLES) <= set(res.users)
    for role in ROLES:
        assert authenticate(username=res.users[role].username, password="a-demo-password-1")
    assert role_in(res.users["head"], oak) == {"head"} and role_in(res.users["head"], birch) == set()
    assert role_in(res.users["trust_exec"], birch) == {"trust_exec"}
    assert res.users["parent"].memberships.get().children.exists()
    assert birch.people.filter(role="pupil").count() == 40
    if importlib.util.find_spec("socialguard.web.checks.demo"):  # the checks app adds drafts
        assert any("drafts" in n for n in res.notes), res.notes


def test_the_demo_school_matches_the_bundled_context_folder(db):
    oak = load_demo().schools[0]
    want, got = load_context(school_dir()), context_for(oak)

    def people(ctx):  # the database keeps a parent's children as a set, exported sorted
        return sorted((replace(p, child_ids=tuple(sorted(p.child_ids))) for p in ctx.people),
                      key=lambda p: p.id)

    assert people(want) == people(got) and len(got.people) > 200
    want.people, got.people = [], []
    assert want == got


def test_loading_the_demo_twice_keeps_the_data_and_changes_the_password(db):
    first = load_demo("first-password-123")
    n = first.schools[0].people.count()
    second = load_demo()
    assert second.schools[0].people.count() == n and second.password != "first-password-123"
    assert authenticate(username="head", password=second.password)
    assert not authenticate(username="head", password="first-password-123")


def test_the_demo_command_prints_the_password_once(db):
    out = io.StringIO()
    call_command("sg_demo", password="printed-password-9", stdout=out)
    assert out.getvalue().count("printed-password-9") == 1
    assert "Oakfield Primary School: " in out.getvalue()
