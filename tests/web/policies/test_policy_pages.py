"""Policy pages per role with clause anchors; versions, approval and acknowledgement."""

from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from socialguard.web.policies.models import Acknowledgement, PolicyVersion
from socialguard.web.policies.services import bundled_yaml, clause_url, ensure_initial_version


def test_findings_can_link_to_a_clause_anchor():
    assert clause_url("1.5") == "/policy/#clause-1-5"
    assert clause_url("2.3", "staff") == "/policy/?audience=staff#clause-2-3"


def test_the_policy_page_has_an_anchor_for_every_clause(client_as, school):
    r = client_as("teacher").get(reverse("policies:show"))
    assert r.status_code == 200
    for cid in ("1-1", "1-5", "2-1", "2-6"):
        assert f'id="clause-{cid}"'.encode() in r.content


def test_each_role_first_sees_its_own_guidance(client_as, school):
    parent = client_as("parent").get(reverse("policies:show")).context
    teacher = client_as("teacher").get(reverse("policies:show")).context
    governor = client_as("governor").get(reverse("policies:show")).context
    assert (parent["audience"], teacher["audience"], governor["audience"]) == \
        ("parents", "staff", "governors")
    shown = lambda ctx: {c["clause"].id for c in ctx["clauses"] if c["shown"]}  # noqa: E731
    assert shown(parent) != shown(teacher)


def test_an_unknown_audience_falls_back_to_the_users_own(client_as, school):
    r = client_as("teacher").get(reverse("policies:show"), {"audience": "<script>"})
    assert r.status_code == 200 and r.context["audience"] == "staff"
    assert b"<script>" not in r.content


def test_staff_acknowledge_the_current_version_once(client_as, school, users):
    v = ensure_initial_version(school.trust)
    c = client_as("teacher")
    assert c.post(reverse("policies:acknowledge")).status_code == 302
    assert c.post(reverse("policies:acknowledge")).status_code == 302
    assert Acknowledgement.objects.filter(version=v, user=users["teacher"]).count() == 1
    r = client_as("head").get(reverse("policies:acknowledgements"))
    rows = dict(r.context["rows"])
    assert rows[users["teacher"]] is True and rows[users["dsl"]] is False
    assert users["parent"] not in rows


def test_acknowledging_with_no_approved_version_says_so(client_as, school):
    r = client_as("teacher").post(reverse("policies:acknowledge"), follow=True)
    assert b"no approved policy version" in r.content and not Acknowledgement.objects.exists()


def test_a_new_version_is_uploaded_as_a_draft_then_approved(client_as, school, users):
    old = ensure_initial_version(school.trust)
    text = bundled_yaml().replace('version: "1.0"', 'version: "1.1"')
    c = client_as("trust_exec")
    r = c.post(reverse("policies:upload"),
               {"file": SimpleUploadedFile("policy.yaml", text.encode(), "application/yaml"),
                "note": "new platforms"})
    v = PolicyVersion.objects.get(version="1.1")
    assert r.status_code == 302 and v.status == "draft"
    assert c.post(reverse("policies:approve", kwargs={"version": v.pk})).status_code == 302
    v.refresh_from_db()
    old.refresh_from_db()
    assert (v.status, v.approved_by, old.status) == ("approved", users["trust_exec"], "retired")


def test_an_invalid_policy_file_is_refused_with_its_line(client_as, school):
    text = bundled_yaml().replace("clauses: [\"1.5\"]", "clauses: [\"9.9\"]", 1)
    if text == bundled_yaml():
        text = bundled_yaml().replace('id: "1.1"', "id: [", 1)
    r = client_as("trust_exec").post(
        reverse("policies:upload"),
        {"file": SimpleUploadedFile("policy.yaml", text.encode(), "application/yaml")})
    assert r.status_code == 400 and b"policy.yaml:" in r.content
    assert not PolicyVersion.objects.exists()


def test_the_same_version_cannot_be_uploaded_twice(client_as, school):
    ensure_initial_version(school.trust)
    r = client_as("trust_exec").post(
        reverse("policies:upload"),
        {"file": SimpleUploadedFile("policy.yaml", bundled_yaml().encode(), "application/yaml")})
    assert r.status_code == 400 and b"already exists" in r.content


def test_only_a_draft_can_be_approved(client_as, school):
    v = ensure_initial_version(school.trust)
    r = client_as("trust_exec").post(reverse("policies:approve", kwargs={"version": v.pk}), follow=True)
    assert b"only a draft can be approved" in r.content


def test_a_head_cannot_approve_a_policy(client_as, school):
    v = ensure_initial_version(school.trust)
    v.status = "draft"
    v.save()
    assert client_as("head").post(reverse("policies:approve", kwargs={"version": v.pk})).status_code == 403
    v.refresh_from_db()
    assert v.status == "draft"


def test_the_home_page_asks_staff_but_not_parents_to_acknowledge(client_as, school):
    ensure_initial_version(school.trust)
    assert b"Please read the Social Media Policy" in client_as("teacher").get("/").content
    assert b"Please read" not in client_as("parent").get("/").content
    client_as("teacher").post(reverse("policies:acknowledge"))
    assert b"Please read" not in client_as("teacher").get("/").content
