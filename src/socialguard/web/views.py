"""Site-wide pages: the home page (your schools and what you can do there)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from socialguard.web.accounts.permissions import role_in, schools_for


@login_required
def home(request: HttpRequest) -> HttpResponse:
    schools = [(s, sorted(role_in(request.user, s))) for s in schools_for(request.user)
               .select_related("trust")]
    return render(request, "home.html", {"schools": schools,
                                         "policy_to_read": _policy_to_read(request, schools)})


def _policy_to_read(request: HttpRequest, schools: list) -> object | None:
    """The trust's approved policy version, if this member of staff or governor has not yet
    acknowledged it (parents are not asked)."""
    from socialguard.web.policies.models import Acknowledgement
    from socialguard.web.policies.services import current_version

    if not schools or all(set(roles) <= {"parent"} for _, roles in schools):
        return None
    version = current_version(schools[0][0].trust)
    if version and not Acknowledgement.objects.filter(version=version, user=request.user).exists():
        return version
    return None


def healthz(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok", content_type="text/plain")
