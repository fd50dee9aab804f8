"""Who sees what. Every view asks these three helpers; nothing else decides access.

- A trust membership gives its role in every school of the trust.
- A school membership gives its role in that school only.
- A superuser counts as a trust executive everywhere (they can use the admin anyway).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse

from socialguard.web.accounts.roles import TRUST_EXEC
from socialguard.web.schools.models import School


def schools_for(user: Any) -> QuerySet[School]:
    """The schools this user may see at all (in any role)."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return School.objects.none()
    if user.is_superuser:
        return School.objects.all()
    return School.objects.filter(
        Q(memberships__user=user) | Q(trust__memberships__user=user)).distinct()


def role_in(user: Any, school: School | None) -> set[str]:
    """The user's roles in this school (empty: no access)."""
    if school is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return set()
    cache = getattr(user, "_sg_roles", None)
    if cache is None:
        cache = user._sg_roles = {}
    if school.pk in cache:
        return set(cache[school.pk])
    roles = set(user.memberships.filter(Q(school_id=school.pk) | Q(trust_id=school.trust_id))
                .values_list("role", flat=True))
    if user.is_superuser:
        roles.add(TRUST_EXEC)
    cache[school.pk] = frozenset(roles)
    return roles


def roles_anywhere(user: Any) -> set[str]:
    """Every role the user holds in any school or trust."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return set()
    roles = set(user.memberships.values_list("role", flat=True))
    if user.is_superuser:
        roles.add(TRUST_EXEC)
    return roles


def require_role(*roles: str) -> Callable:
    """View decorator: login required, then one of ``roles`` (403 for anyone else).

    With a ``school`` URL argument (the school's slug) the role must be held in that
    school; the view then gets the School object as ``school`` and ``request.roles`` is the
    user's roles there. Without one, the role must be held somewhere.
    """
    wanted = frozenset(roles)

    def decorator(view: Callable) -> Callable:
        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if "school" in kwargs and not isinstance(kwargs["school"], School):
                try:
                    school = School.objects.select_related("trust").get(slug=kwargs["school"])
                except School.DoesNotExist:
                    raise Http404("No such school") from None
                held = role_in(request.user, school)
                kwargs["school"] = school
                request.school = school
            else:
                held = roles_anywhere(request.user)
            request.roles = held
            if wanted and not (held & wanted):
                raise PermissionDenied("Your role does not allow this page.")
            return view(request, *args, **kwargs)

        wrapper.required_roles = wanted  # read by the access-matrix test
        return wrapper

    return decorator
