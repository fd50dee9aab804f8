"""Pages: the Check page, the check log, drafts and approvals, the archive, the dashboard."""

from __future__ import annotations

import re
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from socialguard.errors import SocialguardError
from socialguard.web.accounts.permissions import require_role, schools_for
from socialguard.web.accounts.roles import ALL, STAFF
from socialguard.web.checks import dashboard as dash
from socialguard.web.checks import fixes, presenters, services, workflow
from socialguard.web.checks.roles import (
    CHAIN_EDITORS, DASHBOARD_READERS, DRAFT_EDITORS, DRAFT_READERS, LOG_READERS,
)
from socialguard.web.checks.forms import (
    ChainForm, CheckForm, DraftForm, OverrideForm, ReasonForm, ReviseForm, StepForm,
)
from socialguard.web.checks.models import (
    DRAFT_STATUSES, ApprovalStep, CheckRun, Draft, DraftImage, PublishedPost,
)



def _id(value: str | None) -> int | None:
    """A row id from a query or form field; anything else (text, NUL, 10**30) is None."""
    v = (value or "").strip()
    return int(v) if v.isascii() and v.isdigit() and len(v) <= 18 else None


def _error_text(e: ValidationError) -> str:
    return " ".join(e.messages)


# ---------------------------------------------------------------- the Check page

@require_role(*ALL)
def check_start(request: HttpRequest) -> HttpResponse:
    schools = list(schools_for(request.user))
    wanted = request.GET.get("school")
    if wanted and any(s.slug == wanted for s in schools):
        return redirect("checks:check_school", school=wanted)
    if len(schools) == 1:
        return redirect("checks:check_school", school=schools[0].slug)
    return render(request, "checks/choose_school.html", {"schools": schools})


def _result_context(run: CheckRun, school: Any) -> dict:
    found = presenters.shown(list(run.findings.all()), school)
    return {"run": run, "findings": found, "pieces": presenters.pieces(run.text, found),
            "fixable": any(f.fixes for f in found)}


@require_role(*ALL)
def check(request: HttpRequest, school: Any) -> HttpResponse:
    roles = request.roles
    ctx: dict[str, Any] = {"school": school}
    if request.method == "POST":
        form = CheckForm(request.POST, request.FILES, school=school, roles=roles)
        if form.is_valid():
            account, handle = form.account_and_handle()
            try:
                post = services.build_post(
                    text=form.cleaned_data["text"], account=account, handle=handle,
                    platform=form.cleaned_data["platform"],
                    author_role=services.author_role_for(roles),
                    author_name=request.user.get_full_name())
            except SocialguardError as e:
                form.add_error(None, str(e))
            else:
                run = services.run_check(school=school, user=request.user, post=post,
                                         images=form.cleaned_data["images"], handle=handle)
                ctx.update(_result_context(run, school))
    else:
        initial = {}
        run_id = _id(request.GET.get("run"))
        if run_id:
            run = CheckRun.objects.filter(pk=run_id, school=school, user=request.user).first()
            if run:
                initial = {"text": run.text, "platform": run.platform,
                           "account": f"official:{run.handle}" if run.account == "official" else "personal"}
                ctx.update(_result_context(run, school))
        form = CheckForm(initial=initial, school=school, roles=roles)
    ctx["form"] = form
    ctx["can_draft"] = bool(roles & STAFF) and bool(school.official_accounts)
    return render(request, "checks/check.html", ctx)


def _fixed_text(request: HttpRequest, text: str, found: list[Any], school: Any, what: str) -> str:
    """The text with the fix the form asked for ("all", or "INDEX:CODE") applied."""
    if "all" in request.POST:
        return fixes.apply_all(text, [f.data for f in found],
                               office_phone=school.office_phone, office_email=school.office_email)
    idx, _, code = (request.POST.get("fix") or "").partition(":")
    target = next((f for f in found if str(f.index) == idx), None)
    option = next((o for o in (target.fixes if target else []) if o.code == code), None)
    if option is None:
        raise fixes.StaleFix(f"that fix is not available for this {what}")
    return fixes.apply(text, target.data, option)


@require_POST
@require_role(*ALL)
def fix(request: HttpRequest, school: Any) -> HttpResponse:
    """Apply one fix (or every first fix) to a run's text, check the result, show it."""
    rid = _id(request.POST.get("run"))
    run = CheckRun.objects.filter(pk=rid, school=school, user=request.user).first() if rid else None
    if run is None:
        messages.error(request, "There is no check of yours to fix; check the post first.")
        return redirect("checks:check_school", school=school.slug)
    found = presenters.shown(list(run.findings.all()), school)
    try:
        text = _fixed_text(request, run.text, found, school, "check")
    except fixes.StaleFix as e:
        messages.error(request, str(e))
        return redirect(reverse("checks:check_school", kwargs={"school": school.slug}) + f"?run={run.pk}")
    post = services.build_post(text=text, account=run.account, handle=run.handle, platform=run.platform,
                               author_role=run.author_role, author_name=request.user.get_full_name())
    new = services.run_check(school=school, user=request.user, post=post, handle=run.handle)
    if run.image_count:
        messages.info(request, "Fixed. The images were not checked again: attach them to check them.")
    else:
        messages.success(request, "Fixed and checked again.")
    return redirect(reverse("checks:check_school", kwargs={"school": school.slug}) + f"?run={new.pk}")


# ---------------------------------------------------------------- the check log

def _runs_for(request: HttpRequest, school: Any):
    return services.visible_runs(request.user, school, request.roles).select_related("user")


@require_role(*ALL)
def runs(request: HttpRequest, school: Any) -> HttpResponse:
    qs = _runs_for(request, school)
    decision = request.GET.get("decision")
    if decision in ("allow", "review", "block"):
        qs = qs.filter(decision=decision)
    rule = request.GET.get("rule")
    if rule and not re.fullmatch(r"[a-z0-9-]{1,40}", rule):
        rule = None
    if rule:
        qs = qs.filter(findings__rule=rule).distinct()
    return render(request, "checks/runs.html", {
        "school": school, "runs": qs.prefetch_related("findings")[:200], "decision": decision,
        "rule": rule, "all_runs": bool(request.roles & LOG_READERS)})


@require_role(*ALL)
def runs_csv(request: HttpRequest, school: Any) -> HttpResponse:
    """The check log as CSV; every cell a spreadsheet could run as a formula is neutralised."""
    import csv

    from socialguard.web.schools.services import safe_cell

    resp = HttpResponse(content_type="text/csv; charset=utf-8")
    resp["Content-Disposition"] = f'attachment; filename="{school.slug}-check-log.csv"'
    resp.write("\ufeff")  # so Excel reads UTF-8
    w = csv.writer(resp)
    w.writerow(["id", "when", "user", "source", "account", "handle", "platform", "decision",
                "rules", "clauses", "text"])
    for r in _runs_for(request, school).prefetch_related("findings")[:10_000]:
        fs = list(r.findings.all())
        w.writerow([r.pk, r.created_at.isoformat(), safe_cell(r.user.get_username() if r.user else ""),
                    r.source, r.account, safe_cell(r.handle), r.platform, r.decision,
                    " ".join(sorted({f.rule for f in fs})), " ".join(sorted({f.clause for f in fs if f.clause})),
                    safe_cell(r.text)])
    return resp


@require_role(*ALL)
def run_detail(request: HttpRequest, school: Any, pk: int) -> HttpResponse:
    run = get_object_or_404(CheckRun.objects.select_related("user"), pk=pk, school=school)
    if run.user_id != request.user.pk and not (request.roles & LOG_READERS):
        raise PermissionDenied("This check is someone else's.")
    return render(request, "checks/run.html", {"school": school, **_result_context(run, school)})


# ---------------------------------------------------------------- drafts

def _draft(school: Any, pk: int) -> Draft:
    return workflow.refresh(get_object_or_404(Draft.objects.select_related("author", "school"),
                                              pk=pk, school=school))


@require_role(*DRAFT_READERS)
def drafts(request: HttpRequest, school: Any) -> HttpResponse:
    qs = Draft.objects.filter(school=school).select_related("author")
    status = request.GET.get("status")
    if status not in dict(DRAFT_STATUSES):
        status = None
    if status:
        qs = qs.filter(status=status)
    return render(request, "checks/drafts.html", {
        "school": school, "drafts": qs[:200], "status": status, "status_choices": DRAFT_STATUSES,
        "can_draft": workflow.can_draft(request.user, school) and bool(school.official_accounts)})


@require_role(*STAFF)
def draft_new(request: HttpRequest, school: Any) -> HttpResponse:
    if not school.official_accounts:
        messages.error(request, "This school has no official accounts yet; add them on the school's page.")
        return redirect("checks:drafts", school=school.slug)
    if request.method == "POST":
        form = DraftForm(request.POST, request.FILES, school=school)
        if form.is_valid():
            try:
                d = workflow.create_draft(school=school, user=request.user, **form.cleaned_data)
            except ValidationError as e:
                form.add_error(None, _error_text(e))
            else:
                return redirect("checks:draft", school=school.slug, pk=d.pk)
    else:
        run = None
        if rid := _id(request.GET.get("run")):
            run = CheckRun.objects.filter(pk=rid, school=school, user=request.user).first()
        form = DraftForm(school=school, initial={"text": run.text, "platform": run.platform,
                                                 "handle": run.handle} if run else {})
    return render(request, "checks/draft_form.html", {"school": school, "form": form, "new": True})


@require_role(*DRAFT_READERS)
def draft_detail(request: HttpRequest, school: Any, pk: int) -> HttpResponse:
    d = _draft(school, pk)
    version = d.version
    run = version.check_run
    found = presenters.shown(list(run.findings.all()), school)
    overrides = {o.finding_id: o for o in version.overrides.select_related("user")}
    for f in found:
        f.override = overrides.get(f.pk)
    states = workflow.chain_state(d, version)
    cur = workflow.current_step(states)
    is_author = request.user.pk == d.author_id
    can_edit = d.status != "published" and (is_author or bool(request.roles & DRAFT_EDITORS))
    return render(request, "checks/draft.html", {
        "school": school, "draft": d, "version": version, "run": run, "findings": found,
        "pieces": presenters.pieces(version.text, found), "states": states, "current": cur,
        "versions": d.versions.select_related("check_run", "created_by").order_by("-number"),
        "approvals": version.approvals.select_related("approver"),
        "images": version.images.all(), "is_author": is_author, "can_edit": can_edit,
        "can_fix": can_edit and any(f.fixes for f in found),
        "can_submit": is_author and d.status in ("draft", "rejected"),
        "can_approve": workflow.can_approve(d, request.user),
        "can_publish": workflow.can_publish(d, request.user),
        "blocks": workflow.unresolved_blocks(version),
        "published": d.published.first(),
        "reason_form": ReasonForm(), "expiry_hours": workflow.chain_for(school).expiry_hours,
    })


@require_role(*STAFF)
def draft_edit(request: HttpRequest, school: Any, pk: int) -> HttpResponse:
    d = _draft(school, pk)
    workflow.require_editor(d, request.user)
    if request.method == "POST":
        form = ReviseForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                workflow.revise(d, request.user, form.cleaned_data["text"], form.cleaned_data["images"])
            except ValidationError as e:
                form.add_error(None, _error_text(e))
            else:
                messages.success(request, "Saved as a new version and checked.")
                return redirect("checks:draft", school=school.slug, pk=d.pk)
    else:
        form = ReviseForm(initial={"text": d.version.text})
    return render(request, "checks/draft_form.html", {"school": school, "form": form, "draft": d})


def _act(request: HttpRequest, school: Any, pk: int, action: Any, done: str) -> HttpResponse:
    d = _draft(school, pk)
    try:
        action(d)
    except ValidationError as e:
        messages.error(request, _error_text(e))
    else:
        messages.success(request, done)
    return redirect("checks:draft", school=school.slug, pk=d.pk)


@require_POST
@require_role(*STAFF)
def draft_fix(request: HttpRequest, school: Any, pk: int) -> HttpResponse:
    def do(d: Draft) -> None:
        workflow.require_editor(d, request.user)
        version = d.version
        found = presenters.shown(list(version.check_run.findings.all()), school)
        try:
            text = _fixed_text(request, version.text, found, school, "version")
        except fixes.StaleFix as e:
            raise workflow.WorkflowError(str(e), code="stale") from None
        workflow.revise(d, request.user, text)
    return _act(request, school, pk, do, "Fixed: saved as a new version and checked again.")


@require_POST
@require_role(*STAFF)
def draft_submit(request: HttpRequest, school: Any, pk: int) -> HttpResponse:
    return _act(request, school, pk, lambda d: workflow.submit(d, request.user),
                "Submitted for approval.")


@require_POST
@require_role(*DRAFT_READERS)
def draft_approve(request: HttpRequest, school: Any, pk: int) -> HttpResponse:
    reason = request.POST.get("reason", "")
    return _act(request, school, pk, lambda d: workflow.approve(d, request.user, reason), "Approved.")


@require_POST
@require_role(*DRAFT_READERS)
def draft_reject(request: HttpRequest, school: Any, pk: int) -> HttpResponse:
    reason = request.POST.get("reason", "")
    return _act(request, school, pk, lambda d: workflow.reject(d, request.user, reason),
                "Rejected; the author has your reason.")


@require_POST
@require_role(*DRAFT_READERS)
def draft_override(request: HttpRequest, school: Any, pk: int) -> HttpResponse:
    form = OverrideForm(request.POST)

    def do(d: Draft) -> None:
        workflow.require_approver(d, request.user)
        if not form.is_valid():
            raise workflow.WorkflowError("An override needs the finding and a written reason.",
                                         code="reason_required")
        workflow.override(d, request.user, form.cleaned_data["finding"], form.cleaned_data["reason"])
    return _act(request, school, pk, do, "Override recorded with your reason.")


@require_POST
@require_role(*STAFF)
def draft_publish(request: HttpRequest, school: Any, pk: int) -> HttpResponse:
    d = _draft(school, pk)
    try:
        post = workflow.publish(d, request.user)
    except ValidationError as e:
        messages.error(request, _error_text(e))
        return redirect("checks:draft", school=school.slug, pk=d.pk)
    messages.success(request, "Published and archived.")
    return redirect("checks:published", school=school.slug, pk=post.pk)


@require_role(*DRAFT_READERS)
def draft_image(request: HttpRequest, school: Any, pk: int) -> HttpResponse:
    img = get_object_or_404(DraftImage, pk=pk, version__draft__school=school)
    try:
        fh = img.file.open("rb")
    except FileNotFoundError:
        raise Http404("image file missing") from None
    resp = FileResponse(fh, content_type=img.content_type)
    resp["Content-Disposition"] = "inline"
    resp["X-Content-Type-Options"] = "nosniff"
    return resp


# ---------------------------------------------------------------- approvals and the chain

@require_role(*DRAFT_READERS)
def approvals(request: HttpRequest, school: Any) -> HttpResponse:
    pending = [workflow.refresh(d) for d in Draft.objects.filter(school=school, status="pending")
               .select_related("author", "school")]
    mine = [d for d in pending if workflow.can_approve(d, request.user)]
    return render(request, "checks/approvals.html", {"school": school, "mine": mine, "pending": pending})


@require_role(*CHAIN_EDITORS)
def chain(request: HttpRequest, school: Any) -> HttpResponse:
    ch = workflow.chain_for(school)
    chain_form = ChainForm(instance=ch)
    step_form = StepForm(school=school, initial={"order": (ch.steps.count() + 1), "mode": "any"})
    if request.method == "POST":
        what = request.POST.get("what")
        if what == "expiry":
            chain_form = ChainForm(request.POST, instance=ch)
            if chain_form.is_valid():
                chain_form.save()
                messages.success(request, "Expiry saved.")
                return redirect("checks:chain", school=school.slug)
        elif what == "add":
            step_form = StepForm(request.POST, school=school, instance=ApprovalStep(chain=ch))
            if step_form.is_valid():
                step_form.save()
                messages.success(request, "Step added.")
                return redirect("checks:chain", school=school.slug)
        elif what == "delete":
            step = get_object_or_404(ApprovalStep, pk=_id(request.POST.get("step")) or 0, chain=ch)
            if ch.steps.count() <= 1:
                messages.error(request, "A chain needs at least one step.")
            else:
                step.delete()
                messages.success(request, "Step removed.")
            return redirect("checks:chain", school=school.slug)
    steps = [(s, workflow.step_approvers(s, school)) for s in ch.steps.prefetch_related("approvers")]
    return render(request, "checks/chain.html", {"school": school, "chain": ch, "steps": steps,
                                                 "chain_form": chain_form, "step_form": step_form})


# ---------------------------------------------------------------- archive and dashboard

@require_role(*DRAFT_READERS)
def archive(request: HttpRequest, school: Any) -> HttpResponse:
    posts = PublishedPost.objects.filter(school=school).select_related("published_by")[:200]
    return render(request, "checks/archive.html", {"school": school, "posts": posts})


@require_role(*DRAFT_READERS)
def published(request: HttpRequest, school: Any, pk: int) -> HttpResponse:
    post = get_object_or_404(PublishedPost, pk=pk, school=school)
    found = presenters.shown(post.findings, school)
    images = {i.sha256: i for i in post.version.images.all()}
    return render(request, "checks/published.html", {
        "school": school, "post": post, "findings": found,
        "pieces": presenters.pieces(post.text, found),
        "images": [(i, images.get(i["sha256"])) for i in post.images]})


@require_role(*DASHBOARD_READERS)
def dashboard(request: HttpRequest, school: Any) -> HttpResponse:
    return render(request, "checks/dashboard.html", {"school": school, **dash.summary(school)})

