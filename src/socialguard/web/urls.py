"""The site's URLs. Optional apps (checks, api) plug in when their package exists.

Each optional app provides ``<app>/urls.py`` with ``app_name`` and ``urlpatterns``.
"""

from __future__ import annotations

import importlib

from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from socialguard.web import views

# app module -> URL prefix
OPTIONAL_URLS = {"socialguard.web.checks": "", "socialguard.web.api": "api/"}

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("accounts/", include("socialguard.web.accounts.urls")),
    path("schools/", include("socialguard.web.schools.urls")),
    path("policy/", include("socialguard.web.policies.urls")),
    path("admin/", admin.site.urls),
]

for _app in settings.PRESENT_OPTIONAL_APPS:
    try:
        importlib.import_module(_app + ".urls")
    except ModuleNotFoundError:
        continue
    urlpatterns.append(path(OPTIONAL_URLS.get(_app, ""), include(_app + ".urls")))

admin.site.site_header = "socialguard administration"
admin.site.site_title = "socialguard"
