"""Log in (throttled), log out, and "my account"."""

from __future__ import annotations

import secrets

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from socialguard.web.accounts import throttle
from socialguard.web.accounts.forms import MemberForm
from socialguard.web.accounts.models import Membership
from socialguard.web.accounts.permissions import require_role
from socialguard.web.accounts.roles import LEADERS, TRUST_EXEC
from socialguard.web.schools.models import School


class LoginView(auth_views.LoginView):
    template_name = "registration/login.html"
    redirect_authenticated_user = True

    def post(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        username = request.POST.get("username", "")
        if throttle.is_locked(request, username):
            return render(request, "registration/locked.html", status=429)
        return super().post(request, *args, **kwargs)

    def form_invalid(self, form):
        throttle.record_failure(self.request, self.request.POST.get("username", ""))
        return super().form_invalid(form)

    def form_valid(self, form):
        throttle.clear(self.request, form.get_user().get_username())
        return super().form_valid(form)


@login_required
def me(request: HttpRequest) -> HttpResponse:
    memberships = Membership.objects.filter(user=request.user).select_related("school", "trust")
    return render(request, "accounts/me.html", {"memberships": memberships})


@require_role(*LEADERS)
@require_http_methods(["GET", "POST"])
def members(request: HttpRequest, school: School) -> HttpResponse:
    """Who holds which role here; add someone (a new user gets a password shown once)."""
    form = MemberForm(request.POST or None, school=school)
    new_password = None
    status = 200
    if request.method == "POST":
        if form.is_valid():
            new_password = _add_member(request, school, form.cleaned_data)
            if new_password is None:
                return redirect("accounts:members", school=school.slug)
            form = MemberForm(school=school)
        else:
            status = 400
    rows = (Membership.objects.filter(school=school) | Membership.objects.filter(trust=school.trust_id)) \
        .select_related("user", "school", "trust").prefetch_related("children") \
        .order_by("role", "user__last_name", "user__username")
    return render(request, "accounts/members.html", {
        "school": school, "rows": rows, "form": form, "new_password": new_password,
        "new_user": form.data.get("username") if new_password else None}, status=status)


def _add_member(request: HttpRequest, school: School, cd: dict) -> str | None:
    """Add the membership; returns a new user's one-time password, else None."""
    User = get_user_model()
    password = None
    with transaction.atomic():
        user = User.objects.filter(username=cd["username"]).first()
        if user is None:
            password = secrets.token_urlsafe(12)
            user = User.objects.create_user(username=cd["username"], password=password,
                                            first_name=cd["first_name"], last_name=cd["last_name"],
                                            email=cd["email"])
        m, created = Membership.objects.get_or_create(user=user, school=school, role=cd["role"])
        if cd["role"] == "parent":
            m.children.add(*cd["children"])
    if password is None:
        messages.success(request, f"{user.get_username()} is now {m.get_role_display().lower()} here."
                         if created else f"{user.get_username()} already had that role; children updated.")
    return password


@require_role(*LEADERS)
@require_POST
def member_remove(request: HttpRequest, school: School, membership: int) -> HttpResponse:
    m = get_object_or_404(Membership, pk=membership, school=school)
    if m.user_id == request.user.pk:
        messages.error(request, "You cannot remove your own role; ask another leader.")
    elif m.role == TRUST_EXEC:
        messages.error(request, "Trust roles are managed by the trust.")
    else:
        m.delete()
        messages.success(request, f"{m.user.get_username()} no longer has that role here.")
    return redirect("accounts:members", school=school.slug)
