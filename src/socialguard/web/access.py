"""Expected access for the site-wide URLs (read by tests/web/test_access_matrix.py).

Every app declares ``ACCESS = {"namespace:url-name": spec}`` in ``web/<app>/access.py``:
- ``roles``: the roles (accounts.roles) that may use it; everyone else gets 403
- ``kwargs``: URL arguments, a dict or a callable taking the matrix fixture ``f``
  (f.school, f.other_school, f.users, f.pupil, f.batch, f.policy_version, ...)
- ``method``: "get" (default) or "post"; ``data``: POST data (dict or callable of ``f``)
- ``ok``: status codes that mean "allowed" (default {200})
- ``public``: anonymous visitors are allowed too (else they are sent to log in)
- ``anonymous``: the status an anonymous visitor gets when not public (default: a 302 to
  the login page; an API would say 401)
An app may also define ``setup(f)`` to add the objects its URLs need to ``f``.
"""

from socialguard.web.accounts.roles import ALL

ACCESS = {
    "home": {"roles": ALL},
    "healthz": {"roles": ALL, "public": True},
}
