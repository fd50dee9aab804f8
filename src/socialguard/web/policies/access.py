"""Expected access for the policy pages (read by tests/web/test_access_matrix.py)."""

from socialguard.web.accounts.roles import ALL, GOVERNANCE, LEADERS, PARENT, TRUST_EXEC

V = lambda f: {"version": f.policy_version.pk}  # noqa: E731

ACCESS = {
    "policies:show": {"roles": ALL},
    "policies:acknowledge": {"roles": ALL - {PARENT}, "method": "post", "ok": {302}},
    "policies:acknowledgements": {"roles": LEADERS},
    "policies:versions": {"roles": GOVERNANCE},
    "policies:upload": {"roles": {TRUST_EXEC}},
    "policies:version": {"roles": GOVERNANCE, "kwargs": V},
    "policies:approve": {"roles": {TRUST_EXEC}, "method": "post", "kwargs": V, "ok": {302}},
}
