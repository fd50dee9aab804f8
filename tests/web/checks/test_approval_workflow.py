import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from socialguard.web.accounts.models import Membership
from socialguard.web.checks import workflow
from socialguard.web.checks.models import Approval, ApprovalStep, PublishedPost

CLEAN = "Well done to Year 5 for a great assembly today!"


@pytest.fixture
def clean_draft(school, users):
    return workflow.create_draft(school=school, user=users["teacher"], handle="@OakfieldPrimary",
                                 platform="facebook", text=CLEAN)


def test_a_new_draft_is_checked_and_its_findings_kept_with_the_version(draft_with_phone):
    v = draft_with_phone.version
    assert v.number == 1 and v.check_run.decision == "block"
    assert [f.rule for f in v.check_run.findings.all()] == ["personal-data"]


def test_only_the_schools_official_accounts_can_be_drafted_for(school, users):
    with pytest.raises(workflow.WorkflowError, match="not one of this school's official accounts"):
        workflow.create_draft(school=school, user=users["teacher"], handle="@SomeoneElse",
                              platform="x", text="hi")


def test_governors_and_parents_do_not_write_drafts(school, users):
    for role in ("governor", "parent"):
        with pytest.raises(PermissionDenied):
            workflow.create_draft(school=school, user=users[role], handle="@OakfieldPrimary",
                                  platform="x", text="hi")


def test_a_blocking_finding_stops_approval_until_overridden_with_a_written_reason(draft_with_phone, users):
    d, head = draft_with_phone, users["head"]
    workflow.submit(d, users["teacher"])
    with pytest.raises(workflow.WorkflowError, match="blocking finding"):
        workflow.approve(d, head)
    finding = d.version.check_run.findings.get()
    with pytest.raises(workflow.WorkflowError, match="written reason"):
        workflow.override(d, head, finding.pk, "ok")
    o = workflow.override(d, head, finding.pk, "It is the school office's public mobile number.")
    assert o.reason.startswith("It is the school office")
    workflow.approve(d, head)
    d.refresh_from_db()
    assert d.status == "approved"


def test_the_author_never_approves_their_own_draft(clean_draft, users, school):
    Membership.objects.create(user=users["teacher"], school=school, role="head")
    workflow.submit(clean_draft, users["teacher"])
    with pytest.raises(PermissionDenied, match="your own draft"):
        workflow.approve(clean_draft, users["teacher"])


def test_someone_outside_the_step_cannot_approve(clean_draft, users):
    workflow.submit(clean_draft, users["teacher"])
    with pytest.raises(PermissionDenied, match="not an approver"):
        workflow.approve(clean_draft, users["dsl"])


def test_a_rejection_needs_a_reason_and_the_author_can_revise_and_resubmit(clean_draft, users):
    d = clean_draft
    workflow.submit(d, users["teacher"])
    with pytest.raises(workflow.WorkflowError, match="written reason"):
        workflow.reject(d, users["comms"], "")
    workflow.reject(d, users["comms"], "Say which class, and add the date.")
    assert d.status == "rejected"
    workflow.revise(d, users["teacher"], CLEAN + " (Class 5B, 24 November)")
    workflow.submit(d, users["teacher"])
    workflow.approve(d, users["comms"])
    assert d.status == "approved" and d.version.number == 2


def test_an_edit_after_approval_needs_approving_again(clean_draft, users):
    d = clean_draft
    workflow.submit(d, users["teacher"])
    workflow.approve(d, users["head"])
    workflow.revise(d, users["teacher"], CLEAN + "!")
    assert d.status == "draft"
    workflow.submit(d, users["teacher"])
    assert workflow.current_step(workflow.chain_state(d)) is not None


def test_an_all_of_step_waits_for_every_approver_and_steps_go_in_order(school, users, clean_draft):
    chain = workflow.chain_for(school)
    chain.steps.all().delete()
    first = ApprovalStep.objects.create(chain=chain, order=1, name="Comms and DSL", mode="all")
    first.approvers.set([users["comms"], users["dsl"]])
    ApprovalStep.objects.create(chain=chain, order=2, name="Head", mode="any", roles=["head"])
    d = clean_draft
    workflow.submit(d, users["teacher"])
    with pytest.raises(PermissionDenied):
        workflow.approve(d, users["head"])          # step 2 waits for step 1
    workflow.approve(d, users["comms"])
    assert workflow.current_step(workflow.chain_state(d)).step.order == 1
    workflow.approve(d, users["dsl"])
    assert workflow.current_step(workflow.chain_state(d)).step.order == 2
    workflow.approve(d, users["head"])
    assert d.status == "approved"


def test_approvals_lapse_after_the_chains_expiry_and_publishing_is_refused(clean_draft, users, monkeypatch):
    d = clean_draft
    workflow.submit(d, users["teacher"])
    workflow.approve(d, users["head"])
    later = timezone.now() + dt.timedelta(hours=workflow.chain_for(d.school).expiry_hours, minutes=1)
    monkeypatch.setattr(timezone, "now", lambda: later)
    with pytest.raises(workflow.WorkflowError, match="lapsed"):
        workflow.publish(d, users["teacher"])
    d.refresh_from_db()
    assert workflow.refresh(d).status == "pending" and not PublishedPost.objects.exists()


def test_publishing_archives_the_exact_text_findings_overrides_and_approvals(draft_with_phone, users):
    d = draft_with_phone
    workflow.submit(d, users["teacher"])
    f = d.version.check_run.findings.get()
    workflow.override(d, users["head"], f.pk, "The office mobile, published on the website too.")
    workflow.approve(d, users["head"], "Fine to go.")
    post = workflow.publish(d, users["teacher"])
    assert post.text == d.version.text and post.version_number == 1
    assert [x["rule"] for x in post.findings] == ["personal-data"]
    assert post.findings[0]["evidence"] == "07700 900123"
    assert post.overrides[0]["reason"] == "The office mobile, published on the website too."
    assert [(a["by"], a["decision"], a["reason"]) for a in post.approvals] == [("head", "approve", "Fine to go.")]
    d.refresh_from_db()
    assert d.status == "published"
    with pytest.raises(workflow.WorkflowError):
        workflow.revise(d, users["teacher"], "changed")


def test_the_draft_page_walks_through_fix_submit_approve_publish(school, users, client_as, draft_with_phone):
    d = draft_with_phone
    kw = {"school": school.slug, "pk": d.pk}
    teacher, head = client_as("teacher"), client_as("head")
    page = teacher.get(reverse("checks:draft", kwargs=kw)).content.decode()
    assert "Remove the phone number" in page and "Submit for approval" in page
    teacher.post(reverse("checks:draft_fix", kwargs=kw), {"fix": "0:remove"})
    assert d.versions.count() == 2 and d.version.check_run.decision == "allow"
    teacher.post(reverse("checks:draft_submit", kwargs=kw))
    assert "Approve" in head.get(reverse("checks:draft", kwargs=kw)).content.decode()
    waiting = head.get(reverse("checks:approvals", kwargs={"school": school.slug})).content.decode()
    assert "Lost coat" in waiting
    head.post(reverse("checks:draft_approve", kwargs=kw), {"reason": ""})
    r = teacher.post(reverse("checks:draft_publish", kwargs=kw))
    post = PublishedPost.objects.get()
    assert r["Location"] == reverse("checks:published", kwargs={"school": school.slug, "pk": post.pk})
    archived = teacher.get(r["Location"]).content.decode()
    assert "Ring Mr Patel on if you find it." in archived


def test_a_draft_page_says_why_an_approval_was_refused(school, users, client_as, draft_with_phone):
    kw = {"school": school.slug, "pk": draft_with_phone.pk}
    client_as("teacher").post(reverse("checks:draft_submit", kwargs=kw))
    r = client_as("head").post(reverse("checks:draft_approve", kwargs=kw), follow=True)
    assert "blocking finding(s) (personal-data) must be fixed" in r.content.decode()
    assert not Approval.objects.exists()


def test_the_override_form_keeps_the_reason_on_the_page(school, users, client_as, draft_with_phone):
    kw = {"school": school.slug, "pk": draft_with_phone.pk}
    client_as("teacher").post(reverse("checks:draft_submit", kwargs=kw))
    f = draft_with_phone.version.check_run.findings.get()
    r = client_as("comms").post(reverse("checks:draft_override", kwargs=kw),
                                {"finding": f.pk, "reason": "<b>Office</b> number, public."}, follow=True)
    html = r.content.decode()
    assert "Overridden" in html and "&lt;b&gt;Office&lt;/b&gt; number, public." in html


def test_heads_edit_the_chain_and_it_needs_a_named_approver_or_role(school, users, client_as):
    c = client_as("head")
    u = reverse("checks:chain", kwargs={"school": school.slug})
    r = c.post(u, {"what": "add", "order": 2, "name": "Governor", "mode": "any"})
    assert "Name at least one approver or one role." in r.content.decode()
    c.post(u, {"what": "add", "order": 2, "name": "Chair of governors", "mode": "all",
               "approvers": [users["governor"].pk]})
    c.post(u, {"what": "expiry", "expiry_hours": 24})
    chain = workflow.chain_for(school)
    assert [s.name for s in chain.steps.all()] == ["Head teacher or comms lead", "Chair of governors"]
    assert chain.expiry_hours == 24


def test_a_drafts_images_are_kept_per_version_and_served_only_to_this_school(
        school, users, client_as, png_bytes, other_head):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.test import Client

    c = client_as("teacher")
    r = c.post(reverse("checks:draft_new", kwargs={"school": school.slug}), {
        "handle": "@OakfieldPrimary", "platform": "facebook", "text": CLEAN, "title": "Assembly",
        "images": [SimpleUploadedFile("assembly.png", png_bytes, content_type="image/png")]})
    d = workflow.Draft.objects.get()
    assert r["Location"] == reverse("checks:draft", kwargs={"school": school.slug, "pk": d.pk})
    img = d.version.images.get()
    assert (img.name, img.content_type, img.size) == ("assembly.png", "image/png", len(png_bytes))
    workflow.revise(d, users["teacher"], CLEAN + " Thank you!")   # no new images: kept
    assert d.version.images.get().sha256 == img.sha256
    url = reverse("checks:draft_image", kwargs={"school": school.slug, "pk": img.pk})
    got = c.get(url)
    assert got.status_code == 200 and got["Content-Type"] == "image/png"
    assert b"".join(got.streaming_content) == png_bytes
    outsider = Client()
    outsider.force_login(other_head)
    assert outsider.get(url).status_code == 403
    other = reverse("checks:draft_image", kwargs={"school": "birchwood", "pk": img.pk})
    assert outsider.get(other).status_code == 404


def test_hostile_html_in_a_draft_stays_text_on_the_draft_list_draft_archive_and_dashboard(school, users, client_as):
    hostile = '<script>alert("x")</script> Well done <img src=x onerror=alert(1)>'
    d = workflow.create_draft(school=school, user=users["teacher"], handle="@OakfieldPrimary",
                              platform="facebook", text=hostile, title="<b>Title</b>")
    workflow.submit(d, users["teacher"])
    workflow.approve(d, users["head"], "<i>fine</i>")
    post = workflow.publish(d, users["teacher"])
    c = client_as("head")
    pages = [reverse("checks:drafts", kwargs={"school": school.slug}),
             reverse("checks:draft", kwargs={"school": school.slug, "pk": d.pk}),
             reverse("checks:archive", kwargs={"school": school.slug}),
             reverse("checks:published", kwargs={"school": school.slug, "pk": post.pk}),
             reverse("checks:dashboard", kwargs={"school": school.slug})]
    for p in pages:
        html = c.get(p).content.decode()
        assert "<script>alert" not in html and "<img src=x" not in html and "<b>Title</b>" not in html, p
        assert "<i>fine</i>" not in html, p
    assert "&lt;script&gt;" in c.get(pages[1]).content.decode()
