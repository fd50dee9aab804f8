import pytest
from django.test import Client

from socialguard.web.accounts.roles import ROLES
from socialguard.web.checks.models import CheckRun

POST = {"id": "p1", "text": "Ring Mr Patel on 07700 900123", "account": "personal",
        "platform": "facebook", "author": {"role": "staff", "name": "Jane Smith"}}


def check(client, body, school="oakfield"):
    return client.post(f"/api/check?school={school}", body, content_type="application/json")


def test_it_returns_the_contract_result_for_a_post(school, api_as):
    r = check(api_as("teacher"), POST)
    assert r.status_code == 200
    body = r.json()
    assert body["id"] == "p1" and body["decision"] == "block"
    f = body["findings"][0]
    assert {k: f[k] for k in ("rule", "clause", "severity", "start", "end", "evidence")} == {
        "rule": "personal-data", "clause": "1.5", "severity": "block", "start": 17, "end": 29,
        "evidence": "07700 900123"}
    assert f["message"] and f["remedy"]
    run = CheckRun.objects.get(pk=body["check_run"])
    assert (run.source, run.user.username) == ("api", "teacher")


@pytest.mark.parametrize("role", ROLES)
def test_every_role_at_the_school_may_check_a_personal_post(school, api_as, role):
    assert check(api_as(role), POST).status_code == 200


@pytest.mark.parametrize("role, status", [("parent", 403), ("governor", 403), ("teacher", 200)])
def test_only_staff_check_official_account_posts_as_on_the_check_page(school, api_as, role, status):
    assert check(api_as(role), {**POST, "account": "official"}).status_code == status


def test_a_school_the_caller_has_no_role_in_looks_like_no_school(school, other_school, other_head, api_as):
    r = check(api_as(other_head), POST, school="oakfield")
    assert r.status_code == 404 and r.json()["error"] == "no school 'oakfield' that you can see"
    assert check(api_as(other_head), POST, school="nowhere").status_code == 404


def test_a_bad_post_gets_400_with_the_field_named(school, api_as):
    r = check(api_as("teacher"), {**POST, "posted_at": "24/11"})
    assert r.status_code == 400 and r.json()["error"].startswith("field 'posted_at': posted_at must be an ISO 8601 time")


def test_a_post_without_text_gets_422_naming_the_field(school, api_as):
    r = check(api_as("teacher"), {"id": "p1"})
    assert r.status_code == 422
    assert r.json()["error"] == "text: Field required" and r.json()["detail"][0]["loc"][-1] == "text"


def test_unknown_fields_are_ignored_as_the_contract_says(school, api_as):
    assert check(api_as("teacher"), {**POST, "mood": "cheerful", "v2_field": {"a": 1}}).status_code == 200


def test_image_paths_are_not_read_from_the_server(school, api_as):
    r = check(api_as("teacher"), {**POST, "images": ["/etc/passwd"]})
    assert r.status_code == 200 and CheckRun.objects.get().image_count == 0


def test_without_a_token_it_says_401(school):
    r = check(Client(), POST)
    assert r.status_code == 401 and "Bearer" in r.json()["error"]


def test_a_revoked_or_made_up_token_is_refused(school, users):
    from django.utils import timezone

    from socialguard.web.api.models import ApiToken
    tok, key = ApiToken.issue(users["teacher"], "old")
    tok.revoked_at = timezone.now()
    tok.save()
    for k in (key, "sg_madeup", "not-even-a-token"):
        assert check(Client(HTTP_AUTHORIZATION=f"Bearer {k}"), POST).status_code == 401


def test_a_logged_in_browser_session_works_too(school, client_as):
    assert check(client_as("teacher"), POST).status_code == 200


def test_a_nul_character_in_a_post_is_checked_and_logged_without_breaking_offsets(school, api_as):
    r = check(api_as("teacher"), {**POST, "text": "a\x00b Ring Mr Patel on 07700 900123"})
    assert r.status_code == 200
    run = CheckRun.objects.get()
    assert run.text == "a\ufffdb Ring Mr Patel on 07700 900123"
    f = run.findings.get()
    assert run.text[f.start:f.end] == "07700 900123"


@pytest.mark.parametrize("query", ["school=oak%00field", "school=" + "x" * 81, "school=oak field"])
def test_a_school_that_cannot_be_a_slug_gets_422(school, api_as, query):
    r = api_as("teacher").post(f"/api/check?{query}", POST, content_type="application/json")
    assert r.status_code == 422
