"""The REST API. Every route names a school it acts on, and the same role rules as the
pages apply (socialguard.web.checks.roles)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import HttpRequest
from ninja import File, NinjaAPI, Path, Query
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError
from ninja.files import UploadedFile
from ninja.security import HttpBearer, django_auth
from pydantic import BeforeValidator

from socialguard.errors import SocialguardError
from socialguard.web.accounts.permissions import role_in, schools_for
from socialguard.web.checks import services, workflow
from socialguard.web.checks.models import Approval, CheckFinding, CheckRun, Draft
from socialguard.web.checks.roles import (
    CHECKERS, DRAFT_READERS, DRAFT_WRITERS, IMPORTERS,
)
from socialguard.web.api.models import ApiToken
from socialguard.web.api.schemas import (
    ApprovalOut, CheckRunOut, DraftIn, DraftOut, Err, FindingRowOut, ImportOut, MeOut, NoteIn,
    OverrideIn, PostIn, ReasonIn, ResultOut, ReviseIn,
)
from socialguard.web.schools.models import School

ERRORS = {400: Err, 401: Err, 403: Err, 404: Err, 422: Err}
SLUG = r"^[-a-zA-Z0-9_]{1,80}$"  # a school's slug (SlugField)


def _iso_only(v: Any) -> Any:
    """A date as YYYY-MM-DD only (pydantic would also take '0' as 1970-01-01)."""
    if isinstance(v, str) and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", v):
        raise ValueError("must be a date like 2026-11-24")
    return v


IsoDate = Annotated[dt.date, BeforeValidator(_iso_only)]
Format = Literal["people", "sims", "arbor", "bromcom"]
Encoding = Literal["auto", "utf-8", "windows-1252", "utf-16"]
MAX_LIMIT = 500


class TokenAuth(HttpBearer):
    """``Authorization: Bearer sg_...``: a token made on the API tokens page."""

    def authenticate(self, request: HttpRequest, token: str) -> Any:
        user = ApiToken.user_for(token)
        if user is not None:
            request.user = user
        return user


api = NinjaAPI(
    title="socialguard API", version="1.0",
    description="Check posts against the trust's Social Media Policy; read check runs, "
                "findings, drafts and approvals; import people. Authenticate with "
                "`Authorization: Bearer <token>` (make one at /api/tokens/).",
    urls_namespace="api", docs_url=None, auth=[TokenAuth(), django_auth])


class ApiError(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


@api.exception_handler(ApiError)
def _api_error(request: HttpRequest, exc: ApiError):
    return api.create_response(request, {"error": exc.message}, status=exc.status)


@api.exception_handler(NinjaValidationError)
def _validation_error(request: HttpRequest, exc: NinjaValidationError):
    first = exc.errors[0] if exc.errors else {}
    loc = [str(x) for x in first.get("loc", ())]
    # ninja's locations are (source, [parameter name,] field...): keep the field path
    loc = loc[2:] if loc[:1] == ["body"] and len(loc) > 2 else loc[1:]
    where = ".".join(loc)
    msg = f"{where}: {first.get('msg', 'invalid')}" if where else str(first.get("msg", "invalid input"))
    detail = [{"loc": [str(x) for x in e.get("loc", ())], "msg": str(e.get("msg", "")),
               "type": str(e.get("type", ""))} for e in exc.errors]
    return api.create_response(request, {"error": msg, "detail": detail}, status=422)


@api.exception_handler(AuthenticationError)
def _auth_error(request: HttpRequest, exc: AuthenticationError):
    return api.create_response(request, {"error": "authentication required: send "
                                         "'Authorization: Bearer <token>'"}, status=401)


@api.exception_handler(HttpError)
def _http_error(request: HttpRequest, exc: HttpError):
    return api.create_response(request, {"error": str(exc)}, status=exc.status_code)


def _school(request: HttpRequest, slug: str, allowed: frozenset[str] | set[str]) -> tuple[School, set[str]]:
    school = School.objects.select_related("trust").filter(slug=slug).first()
    roles = role_in(request.user, school) if school else set()
    if school is None or not roles:
        # Unknown and not-yours look the same, so the API does not reveal which schools exist.
        raise ApiError(404, f"no school {slug!r} that you can see")
    if not roles & allowed:
        raise ApiError(403, "your role at this school does not allow this")
    return school, roles


def _schools(request: HttpRequest, slug: str | None, allowed: frozenset[str]) -> list[School]:
    if slug:
        return [_school(request, slug, allowed)[0]]
    return [s for s in schools_for(request.user) if role_in(request.user, s) & allowed]


def _who(user: Any) -> str | None:
    return user.get_username() if user is not None else None


def _run_out(run: CheckRun) -> dict:
    return {"id": run.pk, "school": run.school.slug, "user": _who(run.user), "source": run.source,
            "account": run.account, "handle": run.handle, "platform": run.platform,
            "decision": run.decision, "duration_ms": round(run.duration_ms, 2),
            "created_at": run.created_at, "text": run.text,
            "findings": [f.to_dict() for f in run.findings.all()]}


@api.get("/me", response={200: MeOut, **ERRORS}, summary="Who you are and your roles per school")
def me(request: HttpRequest):
    u = request.user
    return {"username": u.get_username(), "name": u.get_full_name(),
            "schools": {s.slug: sorted(role_in(u, s)) for s in schools_for(u)}}


@api.post("/check", response={200: ResultOut, **ERRORS}, summary="Check a post (contract JSON in, Result out)")
def check_post(request: HttpRequest, post: PostIn, school: str = Query(..., pattern=SLUG, description="the school's slug")):
    sch, roles = _school(request, school, CHECKERS)
    data = post.model_dump(exclude_none=True)
    data.pop("images", None)  # paths on the caller's machine: nothing to read here
    data.setdefault("author", {}).setdefault("role", services.author_role_for(roles))
    try:
        p = services.build_post(text="", extra=data)
    except SocialguardError as e:
        raise ApiError(400, str(e)) from None
    if p.account == "official" and not roles & DRAFT_WRITERS:
        raise ApiError(403, "only staff check posts for the school's official accounts")
    run = services.run_check(school=sch, user=request.user, post=p, source="api")
    res = run.result_dict()
    return {**res, "id": p.id, "check_run": run.pk}


def _visible_runs(request: HttpRequest, school: str | None):
    """The check runs the caller may read, over the school asked for or all of theirs."""
    qs = CheckRun.objects.none()
    for s in _schools(request, school, CHECKERS):
        qs = qs | services.visible_runs(request.user, s, role_in(request.user, s))
    return qs


@api.get("/check-runs", response={200: list[CheckRunOut], **ERRORS},
         summary="Check runs, newest first (yours, or the school's for leaders, DSL and comms)")
def check_runs(request: HttpRequest, school: str | None = Query(None, pattern=SLUG),
               decision: Literal["allow", "review", "block"] | None = None,
               limit: int = Query(100, ge=1, le=MAX_LIMIT), offset: int = Query(0, ge=0, le=1_000_000)):
    qs = _visible_runs(request, school)
    if decision:
        qs = qs.filter(decision=decision)
    qs = qs.select_related("school", "user").prefetch_related("findings").order_by("-created_at", "-id")
    return [_run_out(r) for r in qs[offset:offset + limit]]


@api.get("/findings", response={200: list[FindingRowOut], **ERRORS},
         summary="Findings of the check runs you can see, newest first")
def findings(request: HttpRequest, school: str | None = Query(None, pattern=SLUG),
             rule: str | None = Query(None, pattern=r"^[a-z0-9-]{1,40}$"),
             severity: Literal["block", "review", "advice"] | None = None,
             since: IsoDate | None = None,
             limit: int = Query(100, ge=1, le=MAX_LIMIT), offset: int = Query(0, ge=0, le=1_000_000)):
    qs = CheckFinding.objects.filter(run__in=_visible_runs(request, school))
    if rule:
        qs = qs.filter(rule=rule)
    if severity:
        qs = qs.filter(severity=severity)
    if since:
        qs = qs.filter(run__created_at__date__gte=since)
    qs = qs.select_related("run__school").order_by("-run__created_at", "-run_id", "index")
    return [{**f.to_dict(), "id": f.pk, "check_run": f.run_id, "school": f.run.school.slug,
             "created_at": f.run.created_at} for f in qs[offset:offset + limit]]


def _draft_out(d: Draft) -> dict:
    v = d.version
    return {"id": d.pk, "school": d.school.slug, "title": d.title, "handle": d.handle,
            "platform": d.platform, "status": d.status, "author": d.author.get_username(),
            "version": v.number, "text": v.text, "decision": v.check_run.decision,
            "findings": [{**f.to_dict(), "id": f.pk} for f in v.check_run.findings.all()],
            "created_at": d.created_at, "updated_at": d.updated_at, "submitted_at": d.submitted_at}


@api.get("/drafts", response={200: list[DraftOut], **ERRORS}, summary="Drafts for official accounts")
def drafts(request: HttpRequest, school: str | None = Query(None, pattern=SLUG),
           status: Literal["draft", "pending", "approved", "rejected", "published"] | None = None,
           limit: int = Query(100, ge=1, le=MAX_LIMIT), offset: int = Query(0, ge=0, le=1_000_000)):
    qs = Draft.objects.filter(school__in=_schools(request, school, DRAFT_READERS))
    if status:
        qs = qs.filter(status=status)
    qs = qs.select_related("school", "author").order_by("-updated_at", "-id")
    return [_draft_out(workflow.refresh(d)) for d in qs[offset:offset + limit]]


@api.get("/drafts/{draft_id}", response={200: DraftOut, **ERRORS}, summary="One draft, current version")
def draft(request: HttpRequest, draft_id: int = Path(..., ge=1, le=2**62)):
    d = Draft.objects.select_related("school", "author").filter(pk=draft_id).first()
    if d is None or not role_in(request.user, d.school):
        raise ApiError(404, f"no draft {draft_id} that you can see")
    _school(request, d.school.slug, DRAFT_READERS)
    return _draft_out(workflow.refresh(d))


ACT = {200: DraftOut, 409: Err, **ERRORS}


def _act(request: HttpRequest, draft_id: int, action) -> dict:
    """Run a workflow step on a draft the caller can see: 403 for a role that may not,
    409 when the draft's state does not allow it (the message says why)."""
    d = Draft.objects.select_related("school", "author").filter(pk=draft_id).first()
    if d is None or not role_in(request.user, d.school):
        raise ApiError(404, f"no draft {draft_id} that you can see")
    _school(request, d.school.slug, DRAFT_READERS)
    workflow.refresh(d)
    try:
        action(d)
    except PermissionDenied as e:
        raise ApiError(403, str(e) or "not allowed") from None
    except DjangoValidationError as e:
        raise ApiError(409, " ".join(e.messages)) from None
    d.refresh_from_db()
    return _draft_out(d)


@api.post("/drafts", response={200: DraftOut, 409: Err, **ERRORS},
          summary="Write a draft for one of the school's official accounts (checked at once)")
def draft_create(request: HttpRequest, body: DraftIn):
    sch, _ = _school(request, body.school, DRAFT_READERS)
    if body.handle not in (sch.official_accounts or []):
        raise ApiError(400, f"{body.handle!r} is not one of {sch.name}'s official accounts: "
                            f"{', '.join(sch.official_accounts or []) or 'none yet'}")
    try:
        d = workflow.create_draft(school=sch, user=request.user, handle=body.handle,
                                  platform=body.platform, text=body.text, title=body.title)
    except PermissionDenied as e:
        raise ApiError(403, str(e)) from None
    return _draft_out(d)


@api.post("/drafts/{draft_id}/versions", response=ACT, summary="Save a new version (checked; needs submitting again)")
def draft_revise(request: HttpRequest, body: ReviseIn, draft_id: int = Path(..., ge=1, le=2**62)):
    return _act(request, draft_id, lambda d: workflow.revise(d, request.user, body.text))


@api.post("/drafts/{draft_id}/submit", response=ACT, summary="Submit a draft for approval (its author)")
def draft_submit(request: HttpRequest, draft_id: int = Path(..., ge=1, le=2**62)):
    return _act(request, draft_id, lambda d: workflow.submit(d, request.user))


@api.post("/drafts/{draft_id}/approve", response=ACT, summary="Approve the current step (an approver of it)")
def draft_approve(request: HttpRequest, body: NoteIn, draft_id: int = Path(..., ge=1, le=2**62)):
    return _act(request, draft_id, lambda d: workflow.approve(d, request.user, body.reason))


@api.post("/drafts/{draft_id}/reject", response=ACT, summary="Reject with a written reason (an approver)")
def draft_reject(request: HttpRequest, body: ReasonIn, draft_id: int = Path(..., ge=1, le=2**62)):
    return _act(request, draft_id, lambda d: workflow.reject(d, request.user, body.reason))


@api.post("/drafts/{draft_id}/overrides", response=ACT,
          summary="Override a blocking finding with a written reason, which is kept (an approver)")
def draft_override(request: HttpRequest, body: OverrideIn, draft_id: int = Path(..., ge=1, le=2**62)):
    return _act(request, draft_id, lambda d: workflow.override(d, request.user, body.finding, body.reason))


@api.post("/drafts/{draft_id}/publish", response=ACT,
          summary="Mark an approved draft as published; it goes to the archive")
def draft_publish(request: HttpRequest, draft_id: int = Path(..., ge=1, le=2**62)):
    return _act(request, draft_id, lambda d: workflow.publish(d, request.user))


@api.get("/approvals", response={200: list[ApprovalOut], **ERRORS},
         summary="Approval decisions (approve / reject) on drafts, newest first")
def approvals(request: HttpRequest, school: str | None = Query(None, pattern=SLUG),
              draft: int | None = Query(None, ge=1, le=2**62),
              limit: int = Query(100, ge=1, le=MAX_LIMIT), offset: int = Query(0, ge=0, le=1_000_000)):
    qs = Approval.objects.filter(version__draft__school__in=_schools(request, school, DRAFT_READERS))
    if draft is not None:
        qs = qs.filter(version__draft_id=draft)
    qs = qs.select_related("version", "approver").order_by("-created_at", "-id")
    return [{"id": a.pk, "draft": a.version.draft_id, "version": a.version.number, "step": a.step_order,
             "step_name": a.step_name, "approver": a.approver.get_username(), "decision": a.decision,
             "reason": a.reason, "created_at": a.created_at, "expires_at": a.expires_at,
             "valid": a.is_valid()} for a in qs[offset:offset + limit]]


@api.post("/people/import", response={200: ImportOut, **ERRORS},
          summary="Import people from an MIS CSV (SIMS, Arbor, Bromcom or people.csv); "
                  "commit=false previews")
def import_people(request: HttpRequest, file: File[UploadedFile], school: str = Query(..., pattern=SLUG),
                  commit: bool = False, format: Format | None = None, encoding: Encoding = "auto"):
    from django.conf import settings

    from socialguard.web.schools.services import import_people as do_import

    sch, _ = _school(request, school, IMPORTERS)
    if file.size > settings.SG_MAX_UPLOAD_BYTES:
        raise ApiError(400, f"the file is {file.size} bytes; the limit is {settings.SG_MAX_UPLOAD_BYTES}")
    try:
        rep = do_import(sch, file.read(), format or None, request.user, commit=commit, encoding=encoding)
    except SocialguardError as e:
        raise ApiError(400, str(e)) from None
    except DjangoValidationError as e:
        raise ApiError(400, " ".join(e.messages)) from None
    return {"committed": rep.committed, "format": rep.format, "encoding": rep.encoding,
            "rows": len(rep.rows), "created": rep.count("create"), "updated": rep.count("update"),
            "unchanged": rep.count("unchanged"),
            "errors": [{"line": e.line, "field": e.field, "reason": e.reason} for e in rep.errors],
            "warnings": list(rep.warnings), "summary": rep.summary}
