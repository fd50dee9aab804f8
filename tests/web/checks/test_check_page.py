import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from socialguard.web.checks.models import CheckRun
from socialguard.web.schools.services import set_consent

PHONE_POST = "Lost: a blue coat. Ring Mr Patel on 07700 900123 if you find it."


def url(school):
    return reverse("checks:check_school", kwargs={"school": school.slug})


def test_it_shows_the_form_with_the_schools_official_accounts_for_staff(school, client_as):
    html = client_as("teacher").get(url(school)).content.decode()
    assert 'name="text"' in html and "@OakfieldPrimary (official school account)" in html


def test_a_parent_can_check_but_only_as_a_personal_account(school, client_as):
    html = client_as("parent").get(url(school)).content.decode()
    assert "My personal account" in html and "official school account" not in html


def test_it_marks_a_phone_number_inline_with_clause_link_message_and_remedy(school, client_as):
    r = client_as("teacher").post(url(school), {"text": PHONE_POST, "account": "personal",
                                                "platform": "facebook"})
    html = r.content.decode()
    assert r.status_code == 200
    assert '<mark class="sg-block" title="Personal data (GDPR) (block)"><a href="#finding-0">07700 900123</a></mark>' in html
    assert 'href="/policy/#clause-1-5"' in html
    assert "A mobile phone number is published." in html
    assert "give the school office" in html
    assert 'id="finding-0"' in html
    run = CheckRun.objects.get()
    assert (run.decision, run.user.username, run.account, run.platform) == ("block", "teacher", "personal", "facebook")
    assert [(f.rule, f.start, f.end) for f in run.findings.all()] == [("personal-data", 36, 48)]


def test_it_escapes_html_in_the_post_everywhere_it_shows_it(school, client_as):
    hostile = '<script>alert("x")</script> ring 07700 900123 <img src=x onerror=alert(1)>'
    c = client_as("head")
    html = c.post(url(school), {"text": hostile, "account": "personal"}).content.decode()
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    run = CheckRun.objects.get()
    log = c.get(reverse("checks:runs", kwargs={"school": school.slug})).content.decode()
    detail = c.get(reverse("checks:run", kwargs={"school": school.slug, "pk": run.pk})).content.decode()
    for page in (log, detail):
        assert "<script>alert" not in page and "&lt;script&gt;" in page


def test_one_click_fix_removes_the_number_and_checks_again(school, client_as):
    c = client_as("teacher")
    c.post(url(school), {"text": PHONE_POST, "account": "personal"})
    run = CheckRun.objects.get()
    r = c.post(reverse("checks:fix", kwargs={"school": school.slug}), {"run": run.pk, "fix": "0:remove"})
    new = CheckRun.objects.exclude(pk=run.pk).get()
    assert r.status_code == 302 and r["Location"].endswith(f"?run={new.pk}")
    assert new.text == "Lost: a blue coat. Ring Mr Patel on if you find it."
    assert new.decision == "allow"
    page = c.get(r["Location"]).content.decode()
    assert "No problems found." in page and "Fixed and checked again." in page


def test_the_office_number_fix_puts_the_schools_number_in(school, client_as):
    c = client_as("teacher")
    c.post(url(school), {"text": PHONE_POST, "account": "personal"})
    run = CheckRun.objects.get()
    c.post(reverse("checks:fix", kwargs={"school": school.slug}), {"run": run.pk, "fix": "0:office-phone"})
    assert CheckRun.objects.exclude(pk=run.pk).get().text == PHONE_POST.replace("07700 900123", "01632 960 123")


def test_nobody_can_fix_someone_elses_check(school, client_as):
    client_as("teacher").post(url(school), {"text": PHONE_POST, "account": "personal"})
    run = CheckRun.objects.get()
    r = client_as("head").post(reverse("checks:fix", kwargs={"school": school.slug}),
                               {"run": run.pk, "fix": "0:remove"})
    assert r.status_code == 302 and CheckRun.objects.count() == 1


def test_using_initials_fixes_an_unconsented_pupils_name_on_the_official_account(school, client_as):
    c = client_as("comms")
    c.post(url(school), {"text": "Well done Alfie Hughes on the sports day win!",
                         "account": "official:@OakfieldPrimary", "platform": "facebook"})
    run = CheckRun.objects.get()
    assert [f.rule for f in run.findings.all()] == ["identifiable-pupil"]
    c.post(reverse("checks:fix", kwargs={"school": school.slug}), {"run": run.pk, "all": "1"})
    assert CheckRun.objects.exclude(pk=run.pk).get().text == "Well done A.H. on the sports day win!"


def test_a_consent_change_applies_to_the_very_next_check(school, client_as, users):
    c = client_as("comms")
    data = {"text": "Well done Alfie Hughes!", "account": "official:@OakfieldPrimary"}
    c.post(url(school), data)
    set_consent(school.people.get(external_id="P1"), user=users["head"], name_consent=True)
    c.post(url(school), data)
    first, second = CheckRun.objects.order_by("pk")
    assert first.decision == "block" and second.findings.filter(rule="identifiable-pupil").count() == 0


def test_it_asks_for_text_or_an_image(school, client_as):
    r = client_as("teacher").post(url(school), {"text": "  ", "account": "personal"})
    assert "Paste the post" in r.content.decode() and CheckRun.objects.count() == 0


def test_it_checks_an_attached_image_and_counts_it(school, client_as, png_bytes):
    img = SimpleUploadedFile("photo.png", png_bytes, content_type="image/png")
    r = client_as("teacher").post(url(school), {"text": "Sports day!", "account": "personal",
                                                "images": [img]})
    assert r.status_code == 200 and CheckRun.objects.get().image_count == 1


def test_it_refuses_a_file_that_is_not_an_image_whatever_its_name(school, client_as):
    fake = SimpleUploadedFile("photo.png", b"MZ\x90\x00 not a png", content_type="image/png")
    r = client_as("teacher").post(url(school), {"text": "hi", "account": "personal", "images": [fake]})
    assert "photo.png is not an image" in r.content.decode() and CheckRun.objects.count() == 0


def test_it_refuses_an_image_over_the_size_limit(school, client_as, png_bytes, settings):
    settings.SG_MAX_UPLOAD_BYTES = 50
    img = SimpleUploadedFile("big.png", png_bytes + b"\0" * 100, content_type="image/png")
    r = client_as("teacher").post(url(school), {"text": "hi", "account": "personal", "images": [img]})
    assert "the limit is 50" in r.content.decode() and CheckRun.objects.count() == 0


def test_the_log_shows_leaders_every_run_and_a_teacher_only_their_own(school, client_as):
    client_as("teacher").post(url(school), {"text": "from the teacher 07700 900123", "account": "personal"})
    client_as("parent").post(url(school), {"text": "from the parent", "account": "personal"})
    log = reverse("checks:runs", kwargs={"school": school.slug})
    head = client_as("head").get(log).content.decode()
    teacher = client_as("teacher").get(log).content.decode()
    assert "from the teacher" in head and "from the parent" in head
    assert "from the teacher" in teacher and "from the parent" not in teacher
    blocked = client_as("head").get(log + "?decision=block").content.decode()
    assert "from the teacher" in blocked and "from the parent" not in blocked


def test_the_start_page_sends_a_one_school_user_straight_to_their_school(school, client_as):
    r = client_as("teacher").get(reverse("checks:check"))
    assert r.status_code == 302 and r["Location"] == url(school)


def test_the_start_page_lets_a_trust_executive_choose_a_school(school, other_school, client_as):
    html = client_as("trust_exec").get(reverse("checks:check")).content.decode()
    assert url(school) in html and url(other_school) in html


def test_the_cached_context_sees_any_change_to_the_roster_even_without_signals(school, client_as):
    from socialguard.web.schools.models import Person
    c = client_as("comms")
    data = {"text": "Well done Zara Quinn!", "account": "official:@OakfieldPrimary"}
    c.post(url(school), data)
    # a bulk update fires no signal: the next check must still see the new pupil name
    Person.objects.filter(school=school, external_id="P3").update(first_name="Zara", last_name="Quinn")
    c.post(url(school), data)
    first, second = CheckRun.objects.order_by("pk")
    assert first.decision == "allow"
    assert [f.evidence for f in second.findings.filter(rule="identifiable-pupil")] == ["Zara Quinn"]


@pytest.mark.parametrize("path", [
    "/checks/oakfield/runs/?rule=per%00sonal&decision=%00",
    "/checks/oakfield/drafts/?status=dr%00aft",
    "/check/oakfield/?run=99999999999999999999999",
    "/checks/oakfield/drafts/new/?run=%00",
    "/checks/oakfield/runs/99999999999999999999999/",
    "/checks/oakfield/drafts/99999999999999999999999/",
])
def test_hostile_ids_and_filters_never_cause_a_server_error(school, client_as, path):
    assert client_as("head").get(path).status_code in (200, 404)


def test_checks_follow_the_policy_version_the_trust_has_approved(school, client_as, users):
    from socialguard.web.policies import services as policies
    from socialguard.web.policies.models import PolicyVersion
    yaml_text = policies.bundled_yaml()
    old = 'personal-data:\n    title: Personal data (GDPR)\n    clauses: ["1.5"]\n    severity: block'
    assert old in yaml_text
    v = PolicyVersion.objects.create(trust=school.trust, version="1.1", title="Social Media Policy",
                                     yaml_text=yaml_text.replace(old, old.replace("block", "review")))
    c = client_as("teacher")
    c.post(url(school), {"text": PHONE_POST, "account": "personal"})
    policies.approve(v, users["trust_exec"])
    c.post(url(school), {"text": PHONE_POST, "account": "personal"})
    before, after = CheckRun.objects.order_by("pk")
    assert (before.decision, after.decision) == ("block", "review")


def test_the_start_page_follows_a_school_chosen_on_the_schools_page_if_it_is_yours(school, other_school, client_as):
    c = client_as("trust_exec")
    assert c.get(reverse("checks:check") + "?school=birchwood")["Location"] == url(other_school)
    assert client_as("teacher").get(reverse("checks:check") + "?school=birchwood")["Location"] == url(school)


def test_the_csv_log_neutralises_formulas_and_keeps_each_user_to_their_own_runs(school, client_as):
    import csv
    import io
    client_as("teacher").post(url(school), {"text": '=HYPERLINK("http://evil","x") 07700 900123',
                                            "account": "personal"})
    client_as("parent").post(url(school), {"text": "+parent's post", "account": "personal"})
    csv_url = reverse("checks:runs_csv", kwargs={"school": school.slug})
    rows = list(csv.DictReader(io.StringIO(client_as("head").get(csv_url).content.decode("utf-8-sig"))))
    assert sorted(r["text"] for r in rows) == ["'+parent's post", "'=HYPERLINK(\"http://evil\",\"x\") 07700 900123"]
    mine = list(csv.DictReader(io.StringIO(client_as("parent").get(csv_url).content.decode("utf-8-sig"))))
    assert [r["text"] for r in mine] == ["'+parent's post"]
