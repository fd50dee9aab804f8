"""A Content-Security-Policy on every page: post text is hostile, so even if some HTML ever
slipped through escaping, no inline or foreign script would run."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse

DEFAULT_CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
               "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")


class ContentSecurityPolicy:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.policy = getattr(settings, "SG_CSP", DEFAULT_CSP)
        # Django's admin and interactive API docs bring inline styles/scripts of their own.
        self.exempt = tuple(getattr(settings, "SG_CSP_EXEMPT", ("/admin/", "/api/docs")))

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if self.policy and not request.path.startswith(self.exempt):
            response.headers.setdefault("Content-Security-Policy", self.policy)
        return response
