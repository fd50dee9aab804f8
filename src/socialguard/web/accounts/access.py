"""Expected access for this app's URLs (read by tests/web/test_access_matrix.py)."""

from socialguard.web.accounts.roles import ALL, LEADERS


def setup(f) -> None:
    """A teacher's membership at the school, for the remove URL."""
    f.teacher_membership = f.users["teacher"].memberships.get(school=f.school)


ACCESS = {
    "accounts:login": {"roles": ALL, "public": True, "ok": {200, 302}},
    "accounts:logout": {"roles": ALL, "method": "post", "public": True, "ok": {302}},
    "accounts:me": {"roles": ALL},
    "accounts:password_change": {"roles": ALL},
    "accounts:members": {"roles": LEADERS, "kwargs": lambda f: {"school": f.school.slug}},
    "accounts:member_remove": {"roles": LEADERS, "method": "post", "ok": {302},
                               "kwargs": lambda f: {"school": f.school.slug,
                                                    "membership": f.teacher_membership.pk}},
}
