"""End to end in a real browser: log in, import a roster CSV, check a draft for the school's
account, fix what it finds, submit it, approve it as someone else, and see it archived.
Screenshots of the main pages go to docs/screenshots/ for the README."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import Page, expect

from socialguard.web.accounts.models import Membership
from socialguard.web.checks.models import PublishedPost
from socialguard.web.schools.models import School, Trust

SHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
PASSWORD = "correct horse battery staple"
ROSTER = (
    "id,role,first_name,last_name,preferred_name,date_of_birth,year_group,left_on,photo_consent,name_consent,child_ids\n"
    "X1,pupil,Poppy,Lane,,2017-02-02,4,,yes,no,\n"
    "X2,pupil,Oliver,Grant,Olly,2016-06-10,5,,yes,yes,\n"
    "S9,staff,Mark,Patel,,,,,,,\n"
)
DRAFT = ("Well done Poppy Lane for her reading award! <b>Questions?</b> "
         "Ring Mr Patel on 07700 900123.")


@pytest.fixture
def site(transactional_db, plain_http):
    trust = Trust.objects.create(name="ASSET Education", slug="asset")
    school = School.objects.create(
        trust=trust, name="Oakfield Primary School", slug="oakfield",
        aliases=["Oakfield", "@OakfieldPrimary"], official_accounts=["@OakfieldPrimary"],
        approved_channels=["classdojo"], office_phone="01632 960 123",
        office_email="office@oakfield.sch.uk",
        lesson_times={d: ["08:50-10:20", "10:40-12:00", "13:00-15:15"]
                      for d in ("monday", "tuesday", "wednesday", "thursday", "friday")})
    User = get_user_model()
    casey = User.objects.create_user("casey", password=PASSWORD, first_name="Casey", last_name="Comms")
    hana = User.objects.create_user("hana", password=PASSWORD, first_name="Hana", last_name="Head")
    Membership.objects.create(user=casey, school=school, role="comms")
    Membership.objects.create(user=hana, school=school, role="head")
    return school


def log_in(page: Page, base: str, username: str) -> None:
    page.goto(f"{base}/accounts/login/")
    page.get_by_label("User name").or_(page.get_by_label("Username")).fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("button", name="Log out")).to_be_visible()


def shot(page: Page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def test_an_official_post_goes_from_roster_import_to_the_archive(page: Page, live_server, site):
    base = live_server.url

    # 1. The comms lead logs in and imports the roster.
    log_in(page, base, "casey")
    page.goto(f"{base}/schools/oakfield/import/")
    page.get_by_label("CSV export from the MIS").set_input_files(
        files=[{"name": "people.csv", "mimeType": "text/csv", "buffer": ROSTER.encode()}])
    page.get_by_role("button", name="Upload and preview").click()
    expect(page.get_by_text("Poppy")).to_be_visible()
    shot(page, "import-preview")
    page.get_by_role("button", name="Commit the import").click()
    expect(page.get_by_text("3 rows imported")).to_be_visible()

    # 2. She checks a post for the school's account: the pupil's name and a mobile are found.
    page.goto(f"{base}/check/oakfield/")
    page.get_by_label("Post text").fill(DRAFT)
    page.get_by_label("Posting from").select_option("official:@OakfieldPrimary")
    page.get_by_label("Platform").select_option("facebook")
    page.get_by_role("button", name="Check", exact=True).click()
    expect(page.locator(".sg-decision")).to_have_text("Blocked")
    marks = page.locator(".sg-post mark")
    expect(marks).to_have_text(["Poppy Lane", "07700 900123"])
    expect(page.locator(".sg-post")).to_contain_text("<b>Questions?</b>")   # shown, not run
    expect(page.get_by_role("link", name="clause 1.5").first).to_have_attribute("href", "/policy/#clause-1-5")
    shot(page, "check")

    # 3. She saves it as a draft, then fixes it with one click.
    page.get_by_role("link", name="Save this as a draft for approval").click()
    page.get_by_label("Title").fill("Reading award")
    page.get_by_role("button", name="Save and check").click()
    expect(page.locator("#draft-status")).to_have_text("Draft")
    shot(page, "draft")
    page.get_by_role("button", name="Use initials (P.L.)").click()
    expect(page.get_by_text("Fixed: saved as a new version")).to_be_visible()
    page.get_by_role("button", name="Remove the phone number").click()
    expect(page.locator(".sg-decision")).to_have_text("Allow")
    expect(page.locator(".sg-post")).to_have_text("Well done P.L. for her reading award! <b>Questions?</b> Ring Mr Patel on.")
    page.get_by_role("button", name="Submit for approval").click()
    expect(page.locator("#draft-status")).to_have_text("Waiting for approval")
    draft_url = page.url
    page.get_by_role("button", name="Log out").click()

    # 4. The head approves it; she cannot approve her own, so it waits for him.
    log_in(page, base, "hana")
    page.goto(f"{base}/checks/oakfield/approvals/")
    page.get_by_role("link", name="Reading award").first.click()
    assert page.url == draft_url
    shot(page, "approve")
    page.get_by_label("Note (optional)").fill("Lovely news; initials are right.")
    page.get_by_role("button", name="Approve").click()
    expect(page.locator("#draft-status")).to_have_text("Approved")
    page.get_by_role("button", name="Mark as published and archive").click()

    # 5. It is in the archive, exactly as approved, with who approved it.
    expect(page.get_by_role("heading", name=re.compile("Published on @OakfieldPrimary"))).to_be_visible()
    expect(page.get_by_text("approve by hana")).to_be_visible()
    shot(page, "published")
    page.goto(f"{base}/checks/oakfield/archive/")
    expect(page.get_by_role("cell", name=re.compile("Well done P.L."))).to_be_visible()
    shot(page, "archive")
    post = PublishedPost.objects.get()
    assert post.text == "Well done P.L. for her reading award! <b>Questions?</b> Ring Mr Patel on."
    assert post.version_number == 3 and post.approvals[0]["by"] == "hana"

    # The other main pages, for the README.
    page.goto(f"{base}/checks/oakfield/dashboard/")
    expect(page.locator("svg").first).to_be_visible()
    shot(page, "dashboard")
    page.goto(f"{base}/checks/oakfield/runs/")
    shot(page, "check-log")
    page.goto(f"{base}/checks/oakfield/approval-chain/")
    shot(page, "approval-chain")
