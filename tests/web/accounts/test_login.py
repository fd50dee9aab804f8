"""Logging in: Django's password hashing, throttling after repeated failures."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse

from socialguard.web.accounts.permissions import role_in, schools_for

PASSWORD = "correct horse battery staple"


def login(client, username, password):
    return client.post(reverse("accounts:login"), {"username": username, "password": password})


def test_a_user_logs_in_with_the_right_password(users):
    r = login(Client(), "head", PASSWORD)
    assert r.status_code == 302


def test_passwords_are_stored_hashed(users):
    assert PASSWORD not in users["head"].password and users["head"].check_password(PASSWORD)


def test_a_wrong_password_is_refused_without_saying_which_part_was_wrong(users):
    r = login(Client(), "head", "nope")
    assert r.status_code == 200 and b"did not match" in r.content


def test_logging_in_pauses_after_five_failures_even_with_the_right_password(users, settings):
    c = Client()
    for _ in range(settings.SG_LOGIN_MAX_FAILURES):
        assert login(c, "head", "wrong").status_code == 200
    r = login(c, "head", PASSWORD)
    assert r.status_code == 429 and b"Too many failed" in r.content
    # Another user from elsewhere is not locked out by someone guessing at "head".
    assert login(Client(REMOTE_ADDR="10.0.0.9"), "dsl", PASSWORD).status_code == 302


def test_one_address_guessing_many_names_is_paused_too(users, settings):
    c = Client()
    for i in range(settings.SG_LOGIN_MAX_FAILURES * 4):
        login(c, f"guess{i}", "wrong")
    assert login(c, "dsl", PASSWORD).status_code == 429


def test_a_success_clears_the_count_for_that_user(users, settings):
    c = Client(REMOTE_ADDR="10.0.0.5")
    for _ in range(settings.SG_LOGIN_MAX_FAILURES - 1):
        login(c, "head", "wrong")
    assert login(c, "head", PASSWORD).status_code == 302
    for _ in range(settings.SG_LOGIN_MAX_FAILURES - 1):
        login(Client(REMOTE_ADDR="10.0.0.6"), "head", "wrong")
    assert login(Client(REMOTE_ADDR="10.0.0.7"), "head", PASSWORD).status_code == 302


def test_logout_needs_a_post(client_as):
    c = client_as("head")
    assert c.get(reverse("accounts:logout")).status_code == 405
    assert c.post(reverse("accounts:logout")).status_code == 302
    assert c.get(reverse("home")).status_code == 302


def test_csrf_is_enforced_on_forms(users):
    c = Client(enforce_csrf_checks=True)
    assert login(c, "head", PASSWORD).status_code == 403


def test_roles_follow_memberships(users, school, other_school, other_head):
    assert role_in(users["trust_exec"], other_school) == {"trust_exec"}
    assert role_in(users["head"], other_school) == set()
    assert role_in(other_head, school) == set()
    assert set(schools_for(users["trust_exec"])) == {school, other_school}
    assert list(schools_for(users["teacher"])) == [school]


def test_an_inactive_user_has_no_roles(users, school):
    u = users["head"]
    u.is_active = False
    u.save()
    assert role_in(u, school) == set() and not schools_for(u).exists()


def test_a_superuser_counts_as_a_trust_executive(make_user, school):
    u = make_user("root", is_superuser=True, is_staff=True)
    assert role_in(u, school) == {"trust_exec"}


def test_pages_forbid_inline_and_foreign_scripts(client_as, school):
    r = client_as("head").get(reverse("policies:show"))
    csp = r["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert r["X-Frame-Options"] == "DENY" and r["X-Content-Type-Options"] == "nosniff"
    assert "Content-Security-Policy" not in client_as("head").get("/admin/login/")
