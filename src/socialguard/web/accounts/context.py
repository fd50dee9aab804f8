"""Template context: the user's roles anywhere, for the navigation."""

from __future__ import annotations

from django.http import HttpRequest

from socialguard.web.accounts.permissions import roles_anywhere


def roles(request: HttpRequest) -> dict:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"sg_roles": set()}
    return {"sg_roles": roles_anywhere(user)}
