import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from socialguard.web.accounts.roles import ROLES

CSV = b"id,role,first_name,last_name,photo_consent,name_consent\nP9,pupil,Zara,Ali,yes,no\nP10,pupil,Ben,Cole,no,no\n"


def upload(client, data=CSV, query="school=oakfield&commit=true"):
    return client.post(f"/api/people/import?{query}",
                       {"file": SimpleUploadedFile("people.csv", data, content_type="text/csv")})


def test_it_imports_people_through_the_schools_import_service(school, api_as):
    r = upload(api_as("comms"))
    assert r.status_code == 200, r.content
    body = r.json()
    assert (body["committed"], body["created"], body["errors"]) == (True, 2, [])
    assert school.people.get(external_id="P9").photo_consent is True


def test_a_preview_changes_nothing(school, api_as):
    body = upload(api_as("head"), query="school=oakfield").json()
    assert body["committed"] is False and body["created"] == 2
    assert not school.people.filter(external_id="P9").exists()


def test_a_bad_file_is_refused_with_its_line_and_nothing_is_imported(school, api_as):
    bad = CSV + b"P9,pupil,Zara,Again,yes,no\n"
    r = upload(api_as("head"), bad)
    assert r.status_code == 400 and "line 4" in r.json()["error"]
    assert not school.people.filter(external_id__in=["P9", "P10"]).exists()


@pytest.mark.parametrize("role", ROLES)
def test_only_leaders_and_comms_import(school, api_as, role):
    status = upload(api_as(role)).status_code
    assert status == (200 if role in ("trust_exec", "head", "comms") else 403)
