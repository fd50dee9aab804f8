"""Heads give and take roles at their own school without the Django admin."""

from __future__ import annotations

from django.contrib.auth import authenticate, get_user_model
from django.urls import reverse

from socialguard.web.accounts.models import Membership
from socialguard.web.accounts.permissions import role_in


def url(school, **kw):
    name = "accounts:member_remove" if kw else "accounts:members"
    return reverse(name, kwargs={"school": school.slug, **kw})


def test_a_head_creates_a_teacher_whose_password_is_shown_once(client_as, school):
    r = client_as("head").post(url(school), {"username": "newteacher", "role": "teacher",
                                             "first_name": "Nia", "last_name": "Jones"})
    assert r.status_code == 200
    password = r.context["new_password"]
    assert password and password.encode() in r.content
    u = authenticate(username="newteacher", password=password)
    assert u and role_in(u, school) == {"teacher"}
    assert client_as("head").get(url(school)).content.count(password.encode()) == 0


def test_a_parent_is_linked_to_chosen_children(client_as, school, make_user):
    make_user("mum")
    olivia = school.people.get(external_id="P2")
    r = client_as("head").post(url(school), {"username": "mum", "role": "parent",
                                             "children": [olivia.pk]})
    assert r.status_code == 302
    m = Membership.objects.get(user__username="mum")
    assert list(m.children.all()) == [olivia]


def test_a_parent_without_children_or_a_pupil_of_another_school_is_refused(client_as, school,
                                                                             other_school):
    c = client_as("head")
    r = c.post(url(school), {"username": "dad", "role": "parent"})
    assert r.status_code == 400 and b"Choose the parent&#x27;s children" in r.content
    noah = other_school.people.get(external_id="B1")
    r = c.post(url(school), {"username": "dad", "role": "parent", "children": [noah.pk]})
    assert r.status_code == 400
    assert not get_user_model().objects.filter(username="dad").exists()


def test_a_head_cannot_grant_a_trust_role(client_as, school):
    r = client_as("head").post(url(school), {"username": "boss", "role": "trust_exec"})
    assert r.status_code == 400 and not Membership.objects.filter(user__username="boss").exists()


def test_a_head_removes_a_role_but_not_their_own(client_as, school, users):
    c = client_as("head")
    teacher_m = users["teacher"].memberships.get()
    c.post(url(school, membership=teacher_m.pk))
    assert not Membership.objects.filter(pk=teacher_m.pk).exists()
    own = users["head"].memberships.get()
    r = c.post(url(school, membership=own.pk), follow=True)
    assert b"cannot remove your own role" in r.content and Membership.objects.filter(pk=own.pk).exists()


def test_a_membership_of_another_school_cannot_be_removed_from_here(client_as, school, other_head):
    m = other_head.memberships.get()
    assert client_as("head").post(url(school, membership=m.pk)).status_code == 404
    assert Membership.objects.filter(pk=m.pk).exists()
