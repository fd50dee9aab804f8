from django.urls import path

from socialguard.web.schools import views

app_name = "schools"
urlpatterns = [
    path("", views.school_list, name="list"),
    path("<slug:school>/", views.school_detail, name="detail"),
    path("<slug:school>/edit/", views.school_edit, name="edit"),
    path("<slug:school>/school.yaml", views.export_yaml, name="export_yaml"),
    path("<slug:school>/import-yaml/", views.import_yaml, name="import_yaml"),
    path("<slug:school>/people.csv", views.export_people, name="export_people"),
    path("<slug:school>/people/", views.people, name="people"),
    path("<slug:school>/people/<int:person>/", views.person_detail, name="person"),
    path("<slug:school>/consent/", views.consent_register, name="consent"),
    path("<slug:school>/consent/<int:person>/", views.consent_edit, name="consent_edit"),
    path("<slug:school>/consent/history/", views.consent_history, name="consent_history"),
    path("<slug:school>/import/", views.import_upload, name="import_upload"),
    path("<slug:school>/import/<int:batch>/map/", views.import_map, name="import_map"),
    path("<slug:school>/import/<int:batch>/", views.import_preview, name="import_preview"),
    path("<slug:school>/import/<int:batch>/commit/", views.import_commit, name="import_commit"),
    path("<slug:school>/my-children/", views.my_children, name="my_children"),
]
