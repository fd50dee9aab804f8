from django.urls import path

from socialguard.web.api import views
from socialguard.web.api.api import api

app_name = "api"
urlpatterns = [
    path("tokens/", views.tokens, name="tokens"),
    path("tokens/<int:pk>/revoke/", views.token_revoke, name="token_revoke"),
    *api.urls[0],
]
