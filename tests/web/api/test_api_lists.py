import pytest

from socialguard.web.checks import services, workflow

PHONE = "Ring Mr Patel on 07700 900123"


@pytest.fixture
def data(school, other_school, users):
    def run(user, text, sch=school):
        return services.run_check(school=sch, user=user, post=services.build_post(
            text=text, account="personal", author_role="staff"))
    run(users["teacher"], PHONE)
    run(users["parent"], "parent's own check 07700 900123")
    run(users["trust_exec"], "Birchwood check", other_school)
    d = workflow.create_draft(school=school, user=users["teacher"], handle="@OakfieldPrimary",
                              platform="x", text="Fair on Friday")
    workflow.submit(d, users["teacher"])
    workflow.approve(d, users["head"], "good")
    return d


def test_leaders_list_every_run_of_their_schools_and_others_only_their_own(data, api_as):
    texts = lambda r: sorted(x["text"] for x in r.json())  # noqa: E731
    assert texts(api_as("head").get("/api/check-runs")) == sorted([PHONE, "parent's own check 07700 900123", "Fair on Friday"])
    assert texts(api_as("parent").get("/api/check-runs")) == ["parent's own check 07700 900123"]
    assert "Birchwood check" in texts(api_as("trust_exec").get("/api/check-runs"))
    assert texts(api_as("trust_exec").get("/api/check-runs?school=oakfield")) != []
    assert "Birchwood check" not in texts(api_as("trust_exec").get("/api/check-runs?school=oakfield"))


def test_findings_filter_by_rule_and_say_which_run_they_came_from(data, api_as):
    rows = api_as("head").get("/api/findings?school=oakfield&rule=personal-data").json()
    assert len(rows) == 2 and {r["evidence"] for r in rows} == {"07700 900123"}
    assert all(r["school"] == "oakfield" and r["check_run"] for r in rows)
    assert api_as("head").get("/api/findings?rule=harassment").json() == []


def test_drafts_and_approvals_are_listed_for_staff_and_governors_only(data, api_as):
    drafts = api_as("governor").get("/api/drafts?school=oakfield").json()
    assert [(d["id"], d["status"], d["version"], d["decision"]) for d in drafts] == [(data.pk, "approved", 1, "allow")]
    one = api_as("teacher").get(f"/api/drafts/{data.pk}").json()
    assert one["text"] == "Fair on Friday"
    approvals = api_as("dsl").get("/api/approvals?school=oakfield").json()
    assert [(a["approver"], a["decision"], a["reason"], a["valid"]) for a in approvals] == [("head", "approve", "good", True)]
    assert api_as("parent").get("/api/drafts?school=oakfield").status_code == 403
    assert api_as("parent").get(f"/api/drafts/{data.pk}").status_code == 403


def test_a_head_of_another_school_cannot_see_this_schools_draft(data, api_as, other_head):
    assert api_as(other_head).get(f"/api/drafts/{data.pk}").status_code == 404
    assert api_as(other_head).get("/api/drafts?school=oakfield").status_code == 404
    assert api_as(other_head).get("/api/drafts").json() == []


@pytest.mark.parametrize("query", ["limit=0", "limit=501", "offset=-1", "since=yesterday"])
def test_bad_paging_or_filters_get_422(data, api_as, query):
    r = api_as("head").get(f"/api/findings?{query}")
    assert r.status_code == 422 and r.json()["error"]


def test_me_lists_the_callers_roles_per_school(school, other_school, api_as):
    assert api_as("trust_exec").get("/api/me").json()["schools"] == {
        "birchwood": ["trust_exec"], "oakfield": ["trust_exec"]}
