"""A trust's policy versions (the policy YAML, as data) and who has acknowledged which."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from socialguard.policy import Policy
from socialguard.policy.loader import parse_policy


class PolicyVersion(models.Model):
    STATUSES = [("draft", "draft"), ("approved", "approved"), ("retired", "retired")]

    trust = models.ForeignKey("schools.Trust", on_delete=models.CASCADE, related_name="policies")
    version = models.CharField(max_length=20)
    title = models.CharField(max_length=200)
    yaml_text = models.TextField(help_text="The policy as data (the format of policy/data/*.yaml)")
    status = models.CharField(max_length=10, choices=STATUSES, default="draft")
    note = models.CharField(max_length=300, blank=True, help_text="What changed")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    approved_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="+")
    approved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [models.UniqueConstraint(fields=["trust", "version"],
                                               name="policy_unique_version")]

    def __str__(self) -> str:
        return f"{self.title} v{self.version} ({self.status})"

    def policy(self) -> Policy:
        return parse_policy(self.yaml_text, source=f"policy version {self.version}")


class Acknowledgement(models.Model):
    """A member of staff or a governor confirms they have read this version."""

    version = models.ForeignKey(PolicyVersion, on_delete=models.CASCADE,
                                related_name="acknowledgements")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="policy_acknowledgements")
    acknowledged_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-acknowledged_at"]
        constraints = [models.UniqueConstraint(fields=["version", "user"], name="ack_once")]

    def __str__(self) -> str:
        return f"{self.user} read {self.version}"
