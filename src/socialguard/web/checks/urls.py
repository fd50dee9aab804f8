from django.urls import path

from socialguard.web.checks import views

app_name = "checks"
urlpatterns = [
    path("check/", views.check_start, name="check"),
    path("check/<slug:school>/", views.check, name="check_school"),
    path("check/<slug:school>/fix/", views.fix, name="fix"),
    path("checks/<slug:school>/runs/", views.runs, name="runs"),
    path("checks/<slug:school>/runs.csv", views.runs_csv, name="runs_csv"),
    path("checks/<slug:school>/runs/<int:pk>/", views.run_detail, name="run"),
    path("checks/<slug:school>/drafts/", views.drafts, name="drafts"),
    path("checks/<slug:school>/drafts/new/", views.draft_new, name="draft_new"),
    path("checks/<slug:school>/drafts/<int:pk>/", views.draft_detail, name="draft"),
    path("checks/<slug:school>/drafts/<int:pk>/edit/", views.draft_edit, name="draft_edit"),
    path("checks/<slug:school>/drafts/<int:pk>/fix/", views.draft_fix, name="draft_fix"),
    path("checks/<slug:school>/drafts/<int:pk>/submit/", views.draft_submit, name="draft_submit"),
    path("checks/<slug:school>/drafts/<int:pk>/approve/", views.draft_approve, name="draft_approve"),
    path("checks/<slug:school>/drafts/<int:pk>/reject/", views.draft_reject, name="draft_reject"),
    path("checks/<slug:school>/drafts/<int:pk>/override/", views.draft_override, name="draft_override"),
    path("checks/<slug:school>/drafts/<int:pk>/publish/", views.draft_publish, name="draft_publish"),
    path("checks/<slug:school>/images/<int:pk>/", views.draft_image, name="draft_image"),
    path("checks/<slug:school>/approvals/", views.approvals, name="approvals"),
    path("checks/<slug:school>/approval-chain/", views.chain, name="chain"),
    path("checks/<slug:school>/archive/", views.archive, name="archive"),
    path("checks/<slug:school>/archive/<int:pk>/", views.published, name="published"),
    path("checks/<slug:school>/dashboard/", views.dashboard, name="dashboard"),
]
