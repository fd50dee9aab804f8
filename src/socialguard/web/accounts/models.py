"""A membership gives a user one role in a trust (all its schools) or in one school."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models

from socialguard.web.accounts.roles import PARENT, ROLE_LABELS, ROLES


class Membership(models.Model):
    ROLE_CHOICES = [(r, ROLE_LABELS[r]) for r in ROLES]

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="memberships")
    trust = models.ForeignKey("schools.Trust", null=True, blank=True, on_delete=models.CASCADE,
                              related_name="memberships",
                              help_text="For a role across the whole trust")
    school = models.ForeignKey("schools.School", null=True, blank=True, on_delete=models.CASCADE,
                               related_name="memberships", help_text="For a role in one school")
    role = models.CharField(max_length=16, choices=ROLE_CHOICES)
    # A parent's own children (pupil rows of this school).
    children = models.ManyToManyField("schools.Person", blank=True, related_name="parent_memberships")

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=(models.Q(trust__isnull=False, school__isnull=True)
                           | models.Q(trust__isnull=True, school__isnull=False)),
                name="membership_trust_xor_school"),
            models.UniqueConstraint(fields=["user", "trust", "role"], name="membership_unique_trust_role",
                                    condition=models.Q(trust__isnull=False)),
            models.UniqueConstraint(fields=["user", "school", "role"],
                                    name="membership_unique_school_role",
                                    condition=models.Q(school__isnull=False)),
        ]

    def __str__(self) -> str:
        where = self.school or self.trust
        return f"{self.user} - {ROLE_LABELS.get(self.role, self.role)} at {where}"

    def clean(self) -> None:
        if bool(self.trust_id) == bool(self.school_id):
            raise ValidationError("Choose either a trust or a school, not both.", code="scope")
        if self.role == PARENT and self.trust_id:
            raise ValidationError("A parent belongs to a school, not the whole trust.",
                                  code="parent_scope")
