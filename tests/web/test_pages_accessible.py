"""Every page a role sees has a skip link, one h1, labelled fields and no script needed."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from django.urls import reverse


class Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.labels: set[str] = set()
        self.fields: list[str] = []
        self.h1 = 0
        self.skip = False
        self.scripts = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "a" and a.get("href") == "#main" and "skip-link" in (a.get("class") or ""):
            self.skip = True
        if tag == "label" and a.get("for"):
            self.labels.add(a["for"])
        if tag in ("input", "select", "textarea") and a.get("type") not in ("hidden", "submit"):
            self.fields.append(a.get("id") or f"<{tag} name={a.get('name')} without id>")
        if tag == "h1":
            self.h1 += 1
        if tag == "script":
            self.scripts += 1


PAGES = [
    ("head", "home", {}),
    ("head", "schools:list", {}),
    ("head", "schools:detail", {"school": "oakfield"}),
    ("head", "schools:edit", {"school": "oakfield"}),
    ("head", "schools:import_yaml", {"school": "oakfield"}),
    ("teacher", "schools:people", {"school": "oakfield"}),
    ("teacher", "schools:consent", {"school": "oakfield"}),
    ("dsl", "schools:consent_history", {"school": "oakfield"}),
    ("comms", "schools:import_upload", {"school": "oakfield"}),
    ("parent", "schools:my_children", {"school": "oakfield"}),
    ("parent", "policies:show", {}),
    ("governor", "policies:versions", {}),
    ("trust_exec", "policies:upload", {}),
    ("head", "policies:acknowledgements", {}),
    ("teacher", "accounts:me", {}),
    ("head", "accounts:members", {"school": "oakfield"}),
    ("teacher", "accounts:password_change", {}),
]


@pytest.mark.parametrize("role, name, kwargs", PAGES, ids=[p[1] for p in PAGES])
def test_the_page_is_usable_by_keyboard_and_screen_reader(client_as, school, role, name, kwargs):
    r = client_as(role).get(reverse(name, kwargs=kwargs))
    assert r.status_code == 200
    p = Page()
    p.feed(r.content.decode())
    assert p.skip and "main" in p.ids, "skip link to #main"
    assert p.h1 == 1
    unlabelled = [f for f in p.fields if f not in p.labels]
    assert not unlabelled, f"fields without a <label for>: {unlabelled}"
    assert p.scripts == 0, "the foundation pages work without JavaScript"


def test_the_login_page_is_labelled_too(db):
    from django.test import Client
    p = Page()
    p.feed(Client().get(reverse("accounts:login")).content.decode())
    assert p.skip and not [f for f in p.fields if f not in p.labels]


def test_the_consent_form_marks_errors_for_screen_readers(client_as, school):
    person = school.people.get(external_id="P2")
    r = client_as("head").post(reverse("schools:consent_edit", kwargs={
        "school": school.slug, "person": person.pk}), {"photo_consent": "maybe"})
    assert r.status_code == 400 and b'aria-invalid="true"' in r.content
