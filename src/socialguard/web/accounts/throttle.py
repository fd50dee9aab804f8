"""Login throttling: count failures per user name and per client address in the cache.

After ``SG_LOGIN_MAX_FAILURES`` failures within ``SG_LOGIN_LOCKOUT_SECONDS`` further tries
are refused (HTTP 429) until the window passes; a success clears the user name's count.
"""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest


def _keys(request: HttpRequest, username: str) -> list[str]:
    name = hashlib.sha256(username.strip().lower().encode()).hexdigest()[:32]
    addr = request.META.get("REMOTE_ADDR", "")
    return [f"sg-login-fail:user:{name}", f"sg-login-fail:addr:{addr}"]


def is_locked(request: HttpRequest, username: str) -> bool:
    limit = settings.SG_LOGIN_MAX_FAILURES
    # A whole address gets more room than one user name (several staff share a school NAT).
    user_key, addr_key = _keys(request, username)
    return (cache.get(user_key, 0) >= limit) or (cache.get(addr_key, 0) >= limit * 4)


def record_failure(request: HttpRequest, username: str) -> None:
    for key in _keys(request, username):
        if not cache.add(key, 1, settings.SG_LOGIN_LOCKOUT_SECONDS):
            try:
                cache.incr(key)
            except ValueError:
                cache.set(key, 1, settings.SG_LOGIN_LOCKOUT_SECONDS)


def clear(request: HttpRequest, username: str) -> None:
    cache.delete(_keys(request, username)[0])
