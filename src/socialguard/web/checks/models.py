"""Check runs, drafts with versions, approval chains, approvals and the published archive.

What records a decision (a draft version, an approval, an override, a published post) is
append-only: once saved it is never changed or deleted, so the record shows what was
approved and why, exactly.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone

from socialguard.analysis.finding import SEVERITIES

DECISIONS = [("allow", "Allow"), ("review", "Needs review"), ("block", "Blocked")]
SEVERITY_CHOICES = [(s, s) for s in SEVERITIES]
SOURCES = [("web", "Check page"), ("api", "API"), ("draft", "Draft")]


class AppendOnlyError(Exception):
    """An attempt to change or delete an append-only record."""


class AppendOnlyQuerySet(models.QuerySet):
    def update(self, **kwargs: Any) -> int:
        raise AppendOnlyError(f"{self.model.__name__} records cannot be changed")

    def delete(self) -> Any:
        raise AppendOnlyError(f"{self.model.__name__} records cannot be deleted")


class AppendOnly(models.Model):
    """A record that can be added, never updated or deleted (through the ORM or the admin)."""

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise AppendOnlyError(f"{type(self).__name__} records cannot be changed")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> Any:
        raise AppendOnlyError(f"{type(self).__name__} records cannot be deleted")


class CheckRun(models.Model):
    """One check of one text: who asked, on what account and platform, and what was found."""

    school = models.ForeignKey("schools.School", on_delete=models.CASCADE, related_name="check_runs")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL,
                             related_name="check_runs")
    source = models.CharField(max_length=8, choices=SOURCES, default="web")
    account = models.CharField(max_length=10, blank=True)      # official | personal | ""
    handle = models.CharField(max_length=200, blank=True)      # the official account picked
    platform = models.CharField(max_length=40, blank=True)
    author_role = models.CharField(max_length=20, blank=True)
    text = models.TextField()
    image_count = models.PositiveSmallIntegerField(default=0)
    decision = models.CharField(max_length=8, choices=DECISIONS)
    duration_ms = models.FloatField(default=0)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["school", "created_at"])]

    def __str__(self) -> str:
        return f"check {self.pk} ({self.decision})"

    def result_dict(self) -> dict[str, Any]:
        """The contract's output for this run."""
        return {"id": str(self.pk), "decision": self.decision,
                "findings": [f.to_dict() for f in self.findings.all()]}


class CheckFinding(models.Model):
    """A finding of a check run, as the engine returned it (contract fields)."""

    run = models.ForeignKey(CheckRun, on_delete=models.CASCADE, related_name="findings")
    index = models.PositiveSmallIntegerField()
    rule = models.CharField(max_length=40, db_index=True)
    clause = models.CharField(max_length=20, blank=True)
    severity = models.CharField(max_length=8, choices=SEVERITY_CHOICES)
    confidence = models.FloatField()
    start = models.PositiveIntegerField(null=True)
    end = models.PositiveIntegerField(null=True)
    evidence = models.TextField(blank=True, null=True)
    message = models.TextField(blank=True)
    remedy = models.TextField(blank=True)
    detail = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["run", "index"]

    def __str__(self) -> str:
        return f"{self.rule} ({self.severity})"

    def to_dict(self) -> dict[str, Any]:
        d = {"rule": self.rule, "clause": self.clause or None, "severity": self.severity,
             "confidence": round(self.confidence, 3), "start": self.start, "end": self.end,
             "evidence": self.evidence, "message": self.message, "remedy": self.remedy}
        if self.detail:
            d["detail"] = self.detail
        return d


DRAFT_STATUSES = [
    ("draft", "Draft"), ("pending", "Waiting for approval"), ("approved", "Approved"),
    ("rejected", "Rejected"), ("published", "Published"),
]


class Draft(models.Model):
    """A post for an official account, on its way through checks and approval."""

    school = models.ForeignKey("schools.School", on_delete=models.CASCADE, related_name="drafts")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                               related_name="drafts")
    title = models.CharField(max_length=120, blank=True)
    handle = models.CharField("official account", max_length=200)
    platform = models.CharField(max_length=40)
    status = models.CharField(max_length=10, choices=DRAFT_STATUSES, default="draft", db_index=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)
    submitted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-updated_at", "-id"]

    def __str__(self) -> str:
        return self.title or f"Draft {self.pk}"

    @property
    def version(self) -> "DraftVersion | None":
        return self.versions.order_by("-number").first()


class DraftVersion(AppendOnly):
    """The exact text (and images) of one version of a draft, and its check."""

    draft = models.ForeignKey(Draft, on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveIntegerField()
    text = models.TextField()
    check_run = models.OneToOneField(CheckRun, on_delete=models.PROTECT, related_name="draft_version")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                   related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["draft", "number"]
        constraints = [models.UniqueConstraint(fields=["draft", "number"], name="one_number_per_draft")]

    def __str__(self) -> str:
        return f"{self.draft} v{self.number}"


class DraftImage(AppendOnly):
    """An image attached to a draft version (a later version can reuse the same file)."""

    version = models.ForeignKey(DraftVersion, on_delete=models.PROTECT, related_name="images")
    file = models.FileField(upload_to="drafts/%Y/%m/")
    name = models.CharField(max_length=200)
    content_type = models.CharField(max_length=40)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)

    class Meta:
        ordering = ["version", "id"]

    def __str__(self) -> str:
        return self.name


class ApprovalChain(models.Model):
    """A school's approval chain for official posts: its steps, and how long an approval lasts."""

    school = models.OneToOneField("schools.School", on_delete=models.CASCADE,
                                  related_name="approval_chain")
    expiry_hours = models.PositiveIntegerField(
        default=72, help_text="An approval lapses this many hours after it is given.")

    def __str__(self) -> str:
        return f"Approval chain of {self.school}"


STEP_MODES = [("any", "Any one of the approvers"), ("all", "All of the approvers")]


class ApprovalStep(models.Model):
    """One step of a chain: named approvers and/or everyone with a role, any-of or all-of."""

    chain = models.ForeignKey(ApprovalChain, on_delete=models.CASCADE, related_name="steps")
    order = models.PositiveSmallIntegerField()
    name = models.CharField(max_length=80)
    mode = models.CharField(max_length=3, choices=STEP_MODES, default="any")
    approvers = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="+")
    roles = models.JSONField(default=list, blank=True,
                             help_text="School roles whose members approve at this step.")

    class Meta:
        ordering = ["chain", "order", "id"]

    def __str__(self) -> str:
        return f"{self.order}. {self.name}"


class Approval(AppendOnly):
    """An approver's decision on one draft version at one step."""

    version = models.ForeignKey(DraftVersion, on_delete=models.PROTECT, related_name="approvals")
    step = models.ForeignKey(ApprovalStep, null=True, on_delete=models.SET_NULL, related_name="+")
    step_order = models.PositiveSmallIntegerField()
    step_name = models.CharField(max_length=80)
    approver = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    decision = models.CharField(max_length=8, choices=[("approve", "Approved"), ("reject", "Rejected")])
    reason = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()

    class Meta:
        ordering = ["version", "created_at", "id"]

    def __str__(self) -> str:
        return f"{self.decision} by {self.approver} at step {self.step_order}"

    def is_valid(self, now: Any = None) -> bool:
        return self.decision == "approve" and (now or timezone.now()) < self.expires_at


class FindingOverride(AppendOnly):
    """An approver's written reason for letting a finding stand."""

    version = models.ForeignKey(DraftVersion, on_delete=models.PROTECT, related_name="overrides")
    finding = models.ForeignKey(CheckFinding, on_delete=models.PROTECT, related_name="overrides")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    reason = models.TextField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["version", "created_at", "id"]

    def __str__(self) -> str:
        return f"override of {self.finding} by {self.user}"


class PublishedPost(AppendOnly):
    """The archive: exactly what went out, with its findings, overrides and approvals."""

    school = models.ForeignKey("schools.School", on_delete=models.PROTECT, related_name="published_posts")
    draft = models.ForeignKey(Draft, on_delete=models.PROTECT, related_name="published")
    version = models.ForeignKey(DraftVersion, on_delete=models.PROTECT, related_name="published")
    version_number = models.PositiveIntegerField()
    handle = models.CharField(max_length=200)
    platform = models.CharField(max_length=40)
    text = models.TextField()
    images = models.JSONField(default=list)       # [{name, sha256, size, content_type, file}]
    findings = models.JSONField(default=list)     # contract dicts
    overrides = models.JSONField(default=list)    # [{rule, clause, evidence, by, reason, at}]
    approvals = models.JSONField(default=list)    # [{step, name, by, decision, reason, at, expires}]
    published_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    published_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-published_at", "-id"]

    def __str__(self) -> str:
        return f"{self.handle} on {self.platform}, {self.published_at:%Y-%m-%d %H:%M}"
