"""The Django admin lists and edits every model; consent edits there are logged too."""

from __future__ import annotations

import pytest
from django.contrib import admin
from django.test import Client
from django.urls import reverse

from socialguard.web.schools.models import ConsentChange


@pytest.fixture
def admin_client_(make_user, school):
    c = Client()
    c.force_login(make_user("root", is_superuser=True, is_staff=True))
    return c


def test_every_socialguard_model_has_a_working_admin_list(admin_client_):
    models = [m for m in admin.site._registry if m.__module__.startswith("socialguard.web")]
    assert len(models) >= 6
    for m in models:
        url = reverse(f"admin:{m._meta.app_label}_{m._meta.model_name}_changelist")
        assert admin_client_.get(url).status_code == 200, url


def test_a_consent_change_made_in_the_admin_is_logged(admin_client_, school):
    p = school.people.get(external_id="P2")
    url = reverse("admin:schools_person_change", args=[p.pk])
    form = {"school": school.pk, "external_id": "P2", "role": "pupil", "first_name": "Olivia",
            "last_name": "Brown", "preferred_name": "", "dob": "2017-01-14", "year_group": "4",
            "left_on": "", "photo_consent": "false", "name_consent": "true",
            "consent_changes-TOTAL_FORMS": "0", "consent_changes-INITIAL_FORMS": "0"}
    r = admin_client_.post(url, form)
    assert r.status_code == 302, r.content[:2000]
    c = ConsentChange.objects.get(person=p)
    assert (c.field, c.old, c.new, c.source) == ("photo_consent", True, False, "admin")


def test_the_admin_add_forms_render(admin_client_):
    for name in ("accounts_membership_add", "schools_person_add", "schools_school_add",
                 "policies_policyversion_add"):
        assert admin_client_.get(reverse(f"admin:{name}")).status_code == 200, name


def test_a_membership_must_name_a_trust_or_a_school_not_both(admin_client_, school, users):
    r = admin_client_.post(reverse("admin:accounts_membership_add"), {
        "user": users["teacher"].pk, "trust": school.trust.pk, "school": school.pk,
        "role": "head"})
    assert r.status_code == 200 and b"either a trust or a school" in r.content
