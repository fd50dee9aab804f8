import pytest
from django.contrib.admin.sites import site
from django.test import RequestFactory

from socialguard.web.checks import workflow
from socialguard.web.checks.models import (
    AppendOnlyError, Approval, DraftVersion, FindingOverride, PublishedPost,
)


@pytest.fixture
def published(draft_with_phone, users):
    d = draft_with_phone
    workflow.submit(d, users["teacher"])
    f = d.version.check_run.findings.get()
    workflow.override(d, users["head"], f.pk, "The office mobile, on the website too.")
    workflow.approve(d, users["head"])
    return workflow.publish(d, users["teacher"])


@pytest.mark.parametrize("model", [PublishedPost, DraftVersion, Approval, FindingOverride])
def test_archive_records_cannot_be_changed_or_deleted(published, model):
    obj = model.objects.first()
    with pytest.raises(AppendOnlyError):
        obj.save()
    with pytest.raises(AppendOnlyError):
        obj.delete()
    with pytest.raises(AppendOnlyError):
        model.objects.all().update(pk=obj.pk)
    with pytest.raises(AppendOnlyError):
        model.objects.all().delete()
    assert model.objects.filter(pk=obj.pk).exists()


@pytest.mark.parametrize("model", [PublishedPost, DraftVersion, Approval, FindingOverride])
def test_the_admin_shows_archive_records_read_only(published, users, model):
    users["head"].is_superuser = True
    request = RequestFactory().get("/admin/")
    request.user = users["head"]
    admin = site._registry[model]
    obj = model.objects.first()
    assert admin.has_view_permission(request, obj)
    assert not admin.has_add_permission(request)
    assert not admin.has_change_permission(request, obj)
    assert not admin.has_delete_permission(request, obj)


def test_the_archive_page_lists_the_post_and_its_record(published, school, client_as):
    from django.urls import reverse
    c = client_as("governor")
    html = c.get(reverse("checks:archive", kwargs={"school": school.slug})).content.decode()
    assert "Ring Mr Patel on 07700 900123" in html
    page = c.get(reverse("checks:published", kwargs={"school": school.slug, "pk": published.pk})).content.decode()
    assert "The office mobile, on the website too." in page and "approve by head" in page
