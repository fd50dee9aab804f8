"""Drafts for official accounts: versions, checks, the approval chain, publishing.

Rules kept here (views and the API only call these):
- every edit makes a new, checked, immutable version; approvals and overrides belong to a
  version, so an edit after approval needs approving again;
- an author never approves their own draft;
- a blocking finding must be overridden, with a written reason, before the step approves;
- a rejection needs a reason; approvals lapse after the chain's ``expiry_hours``;
- publishing writes the archive record (text, images, findings, overrides, approvals).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from socialguard.web.accounts.permissions import role_in
from socialguard.web.checks import services
from socialguard.web.checks.roles import DRAFT_EDITORS, DRAFT_WRITERS, PUBLISHERS
from socialguard.web.checks.models import (
    Approval, ApprovalChain, ApprovalStep, CheckFinding, Draft, DraftImage, DraftVersion,
    FindingOverride, PublishedPost,
)

DEFAULT_STEP_ROLES = ["head", "comms"]
MIN_REASON = 10


class WorkflowError(ValidationError):
    """A step of the workflow that is not allowed now (shown to the user as is)."""


def _reason(text: str, what: str) -> str:
    text = (text or "").strip()
    if len(text) < MIN_REASON:
        raise WorkflowError(f"{what} needs a written reason of at least {MIN_REASON} characters",
                            code="reason_required")
    return text


# ---------------------------------------------------------------- the chain

def chain_for(school: Any) -> ApprovalChain:
    """The school's chain; a school without one gets a single any-of step (head or comms)."""
    chain, created = ApprovalChain.objects.get_or_create(school=school)
    if created or not chain.steps.exists():
        ApprovalStep.objects.get_or_create(
            chain=chain, order=1, defaults={"name": "Head teacher or comms lead", "mode": "any",
                                            "roles": DEFAULT_STEP_ROLES})
    return chain


def step_approvers(step: ApprovalStep, school: Any) -> list[Any]:
    """The named approvers plus every active user holding one of the step's roles here."""
    User = get_user_model()
    q = Q(pk__in=step.approvers.values("pk"))
    if step.roles:
        q |= Q(memberships__role__in=step.roles, memberships__school=school)
        q |= Q(memberships__role__in=step.roles, memberships__trust_id=school.trust_id)
        if "trust_exec" in step.roles:
            q |= Q(is_superuser=True)
    return list(User.objects.filter(q, is_active=True).distinct().order_by(User.USERNAME_FIELD))


@dataclass
class StepState:
    step: ApprovalStep
    approvers: list[Any]
    valid: list[Approval] = field(default_factory=list)
    expired: list[Approval] = field(default_factory=list)

    @property
    def done(self) -> bool:
        approved = {a.approver_id for a in self.valid}
        if self.step.mode == "all":
            return bool(self.approvers) and all(u.pk in approved for u in self.approvers)
        return bool(approved)

    @property
    def waiting_for(self) -> list[Any]:
        approved = {a.approver_id for a in self.valid}
        return [u for u in self.approvers if u.pk not in approved]


def chain_state(draft: Draft, version: DraftVersion | None = None,
                now: dt.datetime | None = None) -> list[StepState]:
    now = now or timezone.now()
    version = version or draft.version
    chain = chain_for(draft.school)
    approvals = list(version.approvals.filter(decision="approve")) if version else []
    out = []
    for step in chain.steps.all():
        st = StepState(step, [u for u in step_approvers(step, draft.school) if u.pk != draft.author_id])
        for a in approvals:
            if a.step_order == step.order:
                (st.valid if a.is_valid(now) else st.expired).append(a)
        out.append(st)
    return out


def current_step(states: list[StepState]) -> StepState | None:
    return next((s for s in states if not s.done), None)


# ---------------------------------------------------------------- drafts

def can_draft(user: Any, school: Any) -> bool:
    return bool(role_in(user, school) & DRAFT_WRITERS)


def _save_version(draft: Draft, user: Any, text: str, images: list[services.Upload],
                  keep_images_from: DraftVersion | None) -> DraftVersion:
    number = (draft.versions.count() or 0) + 1
    post = services.build_post(text=text, account="official", handle=draft.handle,
                               platform=draft.platform, author_role="staff",
                               author_name=user.get_full_name())
    run = services.run_check(school=draft.school, user=user, post=post, images=images,
                             source="draft", handle=draft.handle)
    version = DraftVersion.objects.create(draft=draft, number=number, text=text, check_run=run,
                                          created_by=user)
    for up in images:
        DraftImage.objects.create(version=version, file=ContentFile(up.data, name=up.safe_name),
                                  name=up.name[:200], content_type=up.content_type,
                                  size=len(up.data), sha256=up.sha256)
    if not images and keep_images_from is not None:
        for img in keep_images_from.images.all():
            DraftImage.objects.create(version=version, file=img.file.name, name=img.name,
                                      content_type=img.content_type, size=img.size, sha256=img.sha256)
    return version


@transaction.atomic
def create_draft(*, school: Any, user: Any, handle: str, platform: str, text: str,
                 title: str = "", images: list[services.Upload] = ()) -> Draft:
    if not can_draft(user, school):
        raise PermissionDenied("only staff of this school write drafts for its accounts")
    if handle not in (school.official_accounts or []):
        raise WorkflowError(f"{handle!r} is not one of this school's official accounts",
                            code="bad_account")
    draft = Draft.objects.create(school=school, author=user, handle=handle, platform=platform,
                                 title=title.strip()[:120])
    _save_version(draft, user, text, list(images), None)
    return draft


@transaction.atomic
def revise(draft: Draft, user: Any, text: str, images: list[services.Upload] = ()) -> DraftVersion:
    """A new version; the draft goes back to 'draft' and must be submitted again."""
    if draft.status == "published":
        raise WorkflowError("a published post cannot be edited; start a new draft", code="published")
    require_editor(draft, user)
    version = _save_version(draft, user, text, list(images), draft.version)
    draft.status = "draft"
    draft.submitted_at = None
    draft.save(update_fields=["status", "submitted_at", "updated_at"])
    return version


def submit(draft: Draft, user: Any) -> None:
    if user.pk != draft.author_id:
        raise PermissionDenied("only the author submits a draft")
    if draft.status not in ("draft", "rejected"):
        raise WorkflowError(f"a draft that is {draft.get_status_display().lower()} cannot be submitted",
                            code="bad_status")
    draft.status = "pending"
    draft.submitted_at = timezone.now()
    draft.save(update_fields=["status", "submitted_at", "updated_at"])


def unresolved_blocks(version: DraftVersion) -> list[CheckFinding]:
    overridden = set(version.overrides.values_list("finding_id", flat=True))
    return [f for f in version.check_run.findings.all()
            if f.severity == "block" and f.pk not in overridden]


def _approver_step(draft: Draft, user: Any) -> StepState:
    if draft.status != "pending":
        raise WorkflowError("this draft is not waiting for approval", code="bad_status")
    if user.pk == draft.author_id:
        raise PermissionDenied("you cannot approve your own draft")
    st = current_step(chain_state(draft))
    if st is None:
        raise WorkflowError("every step is already approved", code="done")
    if user.pk not in {u.pk for u in st.approvers}:
        raise PermissionDenied(f"you are not an approver at step {st.step.order} ({st.step.name})")
    return st


def require_approver(draft: Draft, user: Any) -> None:
    """Raise PermissionDenied (or WorkflowError) unless ``user`` decides the current step."""
    _approver_step(draft, user)


def require_editor(draft: Draft, user: Any) -> None:
    if user.pk != draft.author_id and not (role_in(user, draft.school) & DRAFT_EDITORS):
        raise PermissionDenied("only the author, the head or comms edit a draft")


def can_approve(draft: Draft, user: Any) -> bool:
    try:
        st = _approver_step(draft, user)
    except (PermissionDenied, ValidationError):
        return False
    return user.pk not in {a.approver_id for a in st.valid}


@transaction.atomic
def override(draft: Draft, user: Any, finding_id: int, reason: str) -> FindingOverride:
    _approver_step(draft, user)
    version = draft.version
    finding = version.check_run.findings.filter(pk=finding_id).first()
    if finding is None:
        raise WorkflowError("that finding is not on the current version", code="bad_finding")
    if version.overrides.filter(finding=finding).exists():
        raise WorkflowError("that finding is already overridden", code="duplicate")
    return FindingOverride.objects.create(version=version, finding=finding, user=user,
                                          reason=_reason(reason, "An override"))


def _expiry(draft: Draft) -> dt.timedelta:
    return dt.timedelta(hours=chain_for(draft.school).expiry_hours)


@transaction.atomic
def approve(draft: Draft, user: Any, reason: str = "") -> Approval:
    st = _approver_step(draft, user)
    version = draft.version
    if user.pk in {a.approver_id for a in st.valid}:
        raise WorkflowError("you have already approved this step", code="duplicate")
    blocks = unresolved_blocks(version)
    if blocks:
        raise WorkflowError(
            f"{len(blocks)} blocking finding(s) ({', '.join(sorted({f.rule for f in blocks}))}) "
            "must be fixed, or overridden with a reason, first", code="blocked")
    now = timezone.now()
    a = Approval.objects.create(version=version, step=st.step, step_order=st.step.order,
                                step_name=st.step.name, approver=user, decision="approve",
                                reason=(reason or "").strip(), created_at=now,
                                expires_at=now + _expiry(draft))
    if current_step(chain_state(draft)) is None:
        draft.status = "approved"
        draft.save(update_fields=["status", "updated_at"])
    return a


@transaction.atomic
def reject(draft: Draft, user: Any, reason: str) -> Approval:
    st = _approver_step(draft, user)
    now = timezone.now()
    a = Approval.objects.create(version=draft.version, step=st.step, step_order=st.step.order,
                                step_name=st.step.name, approver=user, decision="reject",
                                reason=_reason(reason, "A rejection"), created_at=now,
                                expires_at=now)
    draft.status = "rejected"
    draft.save(update_fields=["status", "updated_at"])
    return a


def refresh(draft: Draft) -> Draft:
    """An approved draft whose approvals have lapsed waits for approval again."""
    if draft.status == "approved" and current_step(chain_state(draft)) is not None:
        draft.status = "pending"
        draft.save(update_fields=["status", "updated_at"])
    return draft


def can_publish(draft: Draft, user: Any) -> bool:
    roles = role_in(user, draft.school)
    return draft.status == "approved" and (
        user.pk == draft.author_id or bool(roles & PUBLISHERS))


@transaction.atomic
def publish(draft: Draft, user: Any) -> PublishedPost:
    draft = Draft.objects.select_for_update().get(pk=draft.pk)
    refresh(draft)
    if draft.status == "pending":
        raise WorkflowError("an approval has lapsed; the draft needs approving again", code="expired")
    if not can_publish(draft, user):
        if draft.status != "approved":
            raise WorkflowError("only an approved draft can be published", code="bad_status")
        raise PermissionDenied("only the author, the head or comms publish")
    version = draft.version
    states = chain_state(draft, version)
    approvals = [a for st in states for a in st.valid]
    rejected = list(version.approvals.filter(decision="reject"))
    post = PublishedPost.objects.create(
        school=draft.school, draft=draft, version=version, version_number=version.number,
        handle=draft.handle, platform=draft.platform, text=version.text,
        images=[{"name": i.name, "file": i.file.name, "sha256": i.sha256, "size": i.size,
                 "content_type": i.content_type} for i in version.images.all()],
        findings=version.check_run.result_dict()["findings"],
        overrides=[{"rule": o.finding.rule, "clause": o.finding.clause, "evidence": o.finding.evidence,
                    "by": o.user.get_username(), "reason": o.reason, "at": o.created_at.isoformat()}
                   for o in version.overrides.select_related("finding", "user")],
        approvals=[{"step": a.step_order, "name": a.step_name, "by": a.approver.get_username(),
                    "decision": a.decision, "reason": a.reason, "at": a.created_at.isoformat(),
                    "expires": a.expires_at.isoformat()} for a in approvals + rejected],
        published_by=user)
    draft.status = "published"
    draft.save(update_fields=["status", "updated_at"])
    return post
