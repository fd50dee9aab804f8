from socialguard.web.checks.models import CheckRun, Draft, PublishedPost
from socialguard.web.schools.demo import load_demo


def test_the_demo_has_checks_and_drafts_in_every_state_and_loads_once(db):
    res = load_demo("a-demo-password-1")
    oak = res.schools[0]
    states = sorted(Draft.objects.filter(school=oak).values_list("status", flat=True))
    assert states == ["draft", "pending", "pending", "published", "rejected"]
    assert CheckRun.objects.filter(school=oak, source="web").count() == 6
    assert PublishedPost.objects.filter(school=oak).count() == 1
    reading = Draft.objects.get(school=oak, title="Reading award")
    assert {f.rule for f in reading.version.check_run.findings.all()} == {"identifiable-pupil", "personal-data"}
    assert any("drafts" in n for n in res.notes)
    load_demo()
    assert Draft.objects.filter(school=oak).count() == 5
