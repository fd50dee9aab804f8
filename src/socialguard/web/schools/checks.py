"""Start-up checks (``manage.py check`` and every server start): configuration mistakes
reported with an id and a hint instead of surfacing later as odd behaviour."""

from __future__ import annotations

from django.conf import settings
from django.core.checks import Error, Warning, register

from socialguard.errors import PolicyError

LOCAL = {"localhost", "127.0.0.1", "[::1]", "testserver"}


@register()
def policy_loads(app_configs, **kwargs):
    from socialguard.policy import load_policy

    try:
        load_policy()
    except PolicyError as e:
        return [Error(f"the bundled policy does not load: {e}", id="socialguard.E001",
                      hint="Reinstall socialguard; the package data is damaged.")]
    return []


@register(deploy=False)
def exposed_settings(app_configs, **kwargs):
    public = [h for h in settings.ALLOWED_HOSTS if h not in LOCAL]
    out = []
    if settings.DEBUG and public:
        out.append(Warning("SG_DEBUG is on while the site answers to other hosts "
                           f"({', '.join(public)}): error pages would show internals",
                           id="socialguard.W001", hint="Unset SG_DEBUG in production."))
    if public and not settings.SESSION_COOKIE_SECURE:
        out.append(Warning("session cookies are sent over plain HTTP to a public host",
                           id="socialguard.W002",
                           hint="Serve over HTTPS and leave SG_SECURE_COOKIES unset."))
    return out
