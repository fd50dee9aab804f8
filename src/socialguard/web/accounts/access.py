"""Expected access for this app's URLs (read by tests/web/test_access_matrix.py)."""

from socialguard.web.accounts.roles import ALL

ACCESS = {
    "accounts:login": {"roles": ALL, "public": True, "ok": {200, 302}},
    "accounts:logout": {"roles": ALL, "method": "post", "public": True, "ok": {302}},
    "accounts:me": {"roles": ALL},
    "accounts:password_change": {"roles": ALL},
}
