import pytest

from socialguard.web.checks.models import PublishedPost

TEXT = "Lost: a blue coat. Ring Mr Patel on 07700 900123 if you find it."


def post(client, path, body=None):
    return client.post(path, body or {}, content_type="application/json")


def new_draft(client, **kw):
    return post(client, "/api/drafts", {"school": "oakfield", "handle": "@OakfieldPrimary",
                                        "platform": "facebook", "text": TEXT, "title": "Coat", **kw})


def test_a_draft_goes_through_the_workflow_over_the_api(school, api_as):
    teacher, head = api_as("teacher"), api_as("head")
    r = new_draft(teacher)
    assert r.status_code == 200, r.content
    d = r.json()
    assert (d["status"], d["decision"], d["version"]) == ("draft", "block", 1)
    fid = d["findings"][0]["id"]
    base = f"/api/drafts/{d['id']}"
    assert post(teacher, base + "/submit").json()["status"] == "pending"
    r = post(head, base + "/approve")
    assert r.status_code == 409 and "blocking finding" in r.json()["error"]
    assert post(head, base + "/overrides", {"finding": fid, "reason": "short"}).status_code == 422
    r = post(head, base + "/overrides", {"finding": fid, "reason": "The office mobile, public already."})
    assert r.status_code == 200
    assert post(head, base + "/approve", {"reason": "ok"}).json()["status"] == "approved"
    assert post(teacher, base + "/publish").json()["status"] == "published"
    archived = PublishedPost.objects.get()
    assert archived.text == TEXT and archived.overrides[0]["reason"] == "The office mobile, public already."


def test_a_new_version_over_the_api_is_checked_again(school, api_as):
    teacher = api_as("teacher")
    d = new_draft(teacher).json()
    r = post(teacher, f"/api/drafts/{d['id']}/versions", {"text": "Lost: a blue coat. Ask at the office."})
    assert (r.json()["version"], r.json()["decision"]) == (2, "allow")


@pytest.mark.parametrize("role, status", [
    ("teacher", 200), ("comms", 200), ("governor", 403), ("parent", 403)])
def test_only_staff_write_drafts(school, api_as, role, status):
    assert new_draft(api_as(role)).status_code == status


def test_a_handle_that_is_not_the_schools_is_refused(school, api_as):
    r = new_draft(api_as("teacher"), handle="@SomeoneElse")
    assert r.status_code == 400 and "@OakfieldPrimary" in r.json()["error"]


@pytest.mark.parametrize("role, status", [
    ("head", 409), ("comms", 409), ("dsl", 403), ("governor", 403), ("teacher", 403), ("parent", 403)])
def test_only_the_steps_approvers_decide_and_the_author_never(school, api_as, role, status):
    d = new_draft(api_as("teacher")).json()
    post(api_as("teacher"), f"/api/drafts/{d['id']}/submit")
    # head and comms may decide, but the blocking finding stops the approval (409)
    assert post(api_as(role), f"/api/drafts/{d['id']}/approve").status_code == status


def test_a_rejection_needs_a_reason_over_the_api(school, api_as):
    d = new_draft(api_as("teacher")).json()
    post(api_as("teacher"), f"/api/drafts/{d['id']}/submit")
    assert post(api_as("head"), f"/api/drafts/{d['id']}/reject", {"reason": " "}).status_code == 422
    r = post(api_as("head"), f"/api/drafts/{d['id']}/reject", {"reason": "Do not publish numbers."})
    assert r.json()["status"] == "rejected"


def test_someone_from_another_school_cannot_act_on_the_draft(school, api_as, other_head):
    d = new_draft(api_as("teacher")).json()
    assert post(api_as(other_head), f"/api/drafts/{d['id']}/submit").status_code == 404
