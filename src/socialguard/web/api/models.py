"""Per-user API tokens. Only a hash is stored: the token is shown once, when made."""

from __future__ import annotations

import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone

PREFIX = "sg_"


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


class ApiToken(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(max_length=80, help_text="What uses it, e.g. 'newsletter script'")
    prefix = models.CharField(max_length=12, help_text="The token's first characters, to recognise it")
    key_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def active(self) -> bool:
        return self.revoked_at is None

    @classmethod
    def issue(cls, user, name: str) -> tuple["ApiToken", str]:
        """A new token and its key (the only time the key is seen)."""
        key = PREFIX + secrets.token_urlsafe(32)
        return cls.objects.create(user=user, name=name.strip()[:80] or "token", prefix=key[:10],
                                  key_hash=hash_key(key)), key

    @classmethod
    def user_for(cls, key: str):
        """The active user this key belongs to, or None."""
        if not key or not key.startswith(PREFIX) or len(key) > 200:
            return None
        tok = cls.objects.select_related("user").filter(key_hash=hash_key(key), revoked_at__isnull=True).first()
        if tok is None or not tok.user.is_active:
            return None
        now = timezone.now()
        if tok.last_used_at is None or (now - tok.last_used_at).total_seconds() > 60:
            cls.objects.filter(pk=tok.pk).update(last_used_at=now)
        return tok.user
