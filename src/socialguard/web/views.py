"""Site-wide pages: the home page (your schools and what you can do there)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from socialguard.web.accounts.permissions import role_in, schools_for


@login_required
def home(request: HttpRequest) -> HttpResponse:
    schools = [(s, sorted(role_in(request.user, s))) for s in schools_for(request.user)]
    return render(request, "home.html", {"schools": schools})


def healthz(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok", content_type="text/plain")
