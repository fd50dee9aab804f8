"""The API tokens page: make a token (shown once), see and revoke your tokens."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from socialguard.web.api.models import ApiToken

MAX_TOKENS = 20


@login_required
def tokens(request: HttpRequest) -> HttpResponse:
    new_key = None
    error = None
    if request.method == "POST":
        name = (request.POST.get("name") or "").strip()
        if not name:
            error = "Give the token a name, so you know later what uses it."
        elif request.user.api_tokens.filter(revoked_at__isnull=True).count() >= MAX_TOKENS:
            error = f"You have {MAX_TOKENS} active tokens; revoke one first."
        else:
            _, new_key = ApiToken.issue(request.user, name)
    resp = render(request, "api/tokens.html", {
        "tokens": request.user.api_tokens.all(), "new_key": new_key, "error": error})
    if new_key:
        resp["Cache-Control"] = "no-store"
    return resp


@require_POST
@login_required
def token_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    tok = get_object_or_404(ApiToken, pk=pk, user=request.user)
    if tok.revoked_at is None:
        tok.revoked_at = timezone.now()
        tok.save(update_fields=["revoked_at"])
        messages.success(request, f"Token “{tok.name}” revoked.")
    return redirect("api:tokens")
