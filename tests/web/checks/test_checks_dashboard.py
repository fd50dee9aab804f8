import datetime as dt

from django.urls import reverse
from django.utils import timezone

from socialguard.web.checks import dashboard, services, workflow

PHONE = "Ring Mr Patel on 07700 900123"


def run(school, user, text):
    return services.run_check(school=school, user=user,
                              post=services.build_post(text=text, account="personal", author_role="staff"))


def test_the_summary_counts_this_weeks_checks_decisions_rules_and_waiting_drafts(school, users):
    run(school, users["teacher"], PHONE)
    run(school, users["teacher"], PHONE + " again")
    run(school, users["teacher"], "A lovely day")
    d = workflow.create_draft(school=school, user=users["teacher"], handle="@OakfieldPrimary",
                              platform="x", text="Fair on Friday")
    workflow.submit(d, users["teacher"])
    s = dashboard.summary(school)
    assert s["checks_week"] == 4  # the draft's check counts too
    assert dict(s["decisions"]) == {"block": 2, "review": 0, "allow": 2}
    bars = s["rules_chart"]["bars"]
    assert [(b.label, b.total) for b in bars] == [("personal-data", 2)]
    assert bars[0].segments[0]["width"] == 420          # the longest bar fills the chart
    assert s["drafts_waiting_count"] == 1
    today = s["days_chart"]["bars"][-1]
    assert today.total == 4 and len(s["days_chart"]["bars"]) == 14


def test_it_leaves_out_checks_older_than_a_week(school, users):
    old = run(school, users["teacher"], PHONE)
    type(old).objects.filter(pk=old.pk).update(created_at=timezone.now() - dt.timedelta(days=8))
    s = dashboard.summary(school)
    assert s["checks_week"] == 0 and s["rules_chart"]["bars"] == []


def test_the_dashboard_page_draws_its_charts_as_inline_svg(school, users, client_as):
    run(school, users["teacher"], PHONE)
    html = client_as("governor").get(reverse("checks:dashboard", kwargs={"school": school.slug})).content.decode()
    assert html.count("<svg") == 2 and 'class="k-block"' in html
    assert "Personal data (GDPR): 1." in html          # the chart's text alternative
    assert "cdn" not in html.lower() and "<script" not in html


def test_prune_checks_deletes_old_logged_checks_but_keeps_drafts_checks(school, users):
    import io

    import pytest
    from django.core.management import CommandError, call_command

    from socialguard.web.checks.models import CheckRun
    old = run(school, users["teacher"], PHONE)
    d = workflow.create_draft(school=school, user=users["teacher"], handle="@OakfieldPrimary",
                              platform="x", text="Fair on Friday")
    long_ago = timezone.now() - dt.timedelta(days=200)
    CheckRun.objects.filter(pk__in=[old.pk, d.version.check_run_id]).update(created_at=long_ago)
    recent = run(school, users["teacher"], "today")
    out = io.StringIO()
    call_command("prune_checks", "--days", "90", stdout=out)
    assert "deleted 1 check run(s)" in out.getvalue()
    assert set(CheckRun.objects.values_list("pk", flat=True)) == {recent.pk, d.version.check_run_id}
    with pytest.raises(CommandError, match="at least 1"):
        call_command("prune_checks", "--days", "0")
