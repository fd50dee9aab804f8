from django.urls import path

from socialguard.web.policies import views

app_name = "policies"
urlpatterns = [
    path("", views.show, name="show"),
    path("acknowledge/", views.acknowledge, name="acknowledge"),
    path("acknowledgements/", views.acknowledgements, name="acknowledgements"),
    path("versions/", views.versions, name="versions"),
    path("versions/new/", views.upload, name="upload"),
    path("versions/<int:version>/", views.version_detail, name="version"),
    path("versions/<int:version>/approve/", views.approve, name="approve"),
]
