"""School pages: list, detail, settings, school.yaml in/out, people, consent, roster import."""

from __future__ import annotations

import datetime as dt
import itertools

from django.contrib import messages
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from socialguard.errors import ContextError
from socialguard.web.accounts.permissions import require_role, schools_for
from socialguard.web.accounts.roles import ALL, CONSENT_EDITORS, LEADERS, STAFF
from socialguard.web.schools import forms, mis, services
from socialguard.web.schools.models import ConsentChange, ImportBatch, Person, School

IMPORTERS = tuple(LEADERS | {"comms"})
STALE_UPLOAD = dt.timedelta(days=1)


def _param(request: HttpRequest, name: str, limit: int) -> str:
    """A query-string value, trimmed; NUL removed (PostgreSQL refuses it in a string)."""
    return request.GET.get(name, "").replace("\x00", "").strip()[:limit]


def _download(text: str, filename: str, ctype: str) -> HttpResponse:
    resp = HttpResponse(text, content_type=f"{ctype}; charset=utf-8")
    resp["Content-Disposition"] = f'attachment; filename="{filename}"'
    return resp


@require_role(*ALL)
def school_list(request: HttpRequest) -> HttpResponse:
    return render(request, "schools/list.html", {"schools": schools_for(request.user)
                                                 .select_related("trust")})


@require_role(*ALL)
def school_detail(request: HttpRequest, school: School) -> HttpResponse:
    counts = {r: school.people.filter(role=r).count() for r in ("pupil", "staff", "parent",
                                                                 "governor", "trustee")}
    return render(request, "schools/detail.html", {
        "school": school, "data": services.school_to_dict(school), "counts": counts,
        "roles": request.roles, "is_staff_role": bool(request.roles & STAFF),
        "is_leader": bool(request.roles & LEADERS),
        "can_import": bool(request.roles & set(IMPORTERS)),
    })


@require_role(*LEADERS)
@require_http_methods(["GET", "POST"])
def school_edit(request: HttpRequest, school: School) -> HttpResponse:
    data = services.school_to_dict(school)
    form = forms.SchoolForm(request.POST or None, initial=forms.SchoolForm.initial_for(data))
    if request.method == "POST" and form.is_valid():
        new = {**data, **form.to_school_dict()}
        try:
            services.save_school_settings(new, school=school, source="the form")
        except ContextError as e:
            form.add_error(_form_field(e.field), e.message)
        else:
            messages.success(request, "Settings saved. The next check uses them.")
            return redirect("schools:detail", school=school.slug)
    status = 400 if request.method == "POST" else 200
    return render(request, "schools/edit.html", {"school": school, "form": form}, status=status)


def _form_field(field: str | None) -> str | None:
    if not field:
        return None
    base = field.split(".")[0].split("[")[0]
    return base if base in forms.SchoolForm.base_fields else None


@require_role(*LEADERS)
def export_yaml(request: HttpRequest, school: School) -> HttpResponse:
    return _download(services.export_school_yaml(school), f"{school.slug}-school.yaml",
                     "application/yaml")


@require_role(*LEADERS)
def export_people(request: HttpRequest, school: School) -> HttpResponse:
    return _download(services.export_people_csv(school), f"{school.slug}-people.csv", "text/csv")


@require_role(*LEADERS)
@require_http_methods(["GET", "POST"])
def import_yaml(request: HttpRequest, school: School) -> HttpResponse:
    form = forms.YamlUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        raw = form.cleaned_data["file"].read()
        try:
            text = raw.decode("utf-8-sig")
            _, notes = services.import_school_yaml(text, school=school,
                                                   source=form.cleaned_data["file"].name)
        except UnicodeDecodeError:
            form.add_error("file", "The file is not UTF-8 text.")
        except ContextError as e:
            form.add_error("file", str(e))
        else:
            for n in notes:
                messages.warning(request, n)
            messages.success(request, "School settings imported.")
            return redirect("schools:detail", school=school.slug)
    status = 400 if request.method == "POST" else 200
    return render(request, "schools/import_yaml.html", {"school": school, "form": form},
                  status=status)


@require_role(*STAFF)
def people(request: HttpRequest, school: School) -> HttpResponse:
    qs = school.people.all()
    role = request.GET.get("role", "")
    if role in dict(Person.ROLE_CHOICES):
        qs = qs.filter(role=role)
    q = _param(request, "q", 100)
    if q:
        qs = qs.filter(Q(first_name__icontains=q) | Q(last_name__icontains=q)
                       | Q(preferred_name__icontains=q) | Q(external_id__iexact=q))
    page = Paginator(qs.order_by("last_name", "first_name", "id"), 50).get_page(request.GET.get("page"))
    return render(request, "schools/people.html", {
        "school": school, "page": page, "role": role, "q": q, "roles": Person.ROLE_CHOICES,
        "can_import": bool(request.roles & set(IMPORTERS)),
        "is_leader": bool(request.roles & LEADERS)})


def _person(school: School, pk: int) -> Person:
    return get_object_or_404(Person, pk=pk, school=school)


@require_role(*STAFF)
def person_detail(request: HttpRequest, school: School, person: int) -> HttpResponse:
    p = _person(school, person)
    return render(request, "schools/person.html", {
        "school": school, "person": p, "children": p.children.all(), "parents": p.parents.all(),
        "history": p.consent_changes.select_related("changed_by")[:50],
        "can_edit_consent": bool(request.roles & CONSENT_EDITORS)})


@require_role(*STAFF)
def consent_register(request: HttpRequest, school: School) -> HttpResponse:
    qs = school.people.filter(role="pupil", left_on__isnull=True)
    year = _param(request, "year", 16)
    if year:
        qs = qs.filter(year_group=year)
    years = sorted({y for y in school.people.filter(role="pupil", left_on__isnull=True)
                    .values_list("year_group", flat=True) if y}, key=lambda y: (len(y), y))
    page = Paginator(qs.order_by("year_group", "last_name", "first_name", "id"), 100) \
        .get_page(request.GET.get("page"))
    return render(request, "schools/consent.html", {
        "school": school, "page": page, "year": year, "years": years,
        "can_edit": bool(request.roles & CONSENT_EDITORS)})


@require_role(*CONSENT_EDITORS)
@require_http_methods(["GET", "POST"])
def consent_edit(request: HttpRequest, school: School, person: int) -> HttpResponse:
    p = _person(school, person)
    if p.role != "pupil":
        raise Http404("The consent register holds pupils only")
    initial = {"photo_consent": forms.ConsentForm.as_choice(p.photo_consent),
               "name_consent": forms.ConsentForm.as_choice(p.name_consent)}
    form = forms.ConsentForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        cd = form.cleaned_data
        changes = services.set_consent(
            p, user=request.user, source="register", note=cd["note"],
            photo_consent=form.as_value(cd["photo_consent"]),
            name_consent=form.as_value(cd["name_consent"]))
        if changes:
            messages.success(request, f"Consent for {p.known_as} {p.last_name} saved; "
                                      "the next check uses it.")
        else:
            messages.info(request, "Nothing changed.")
        nxt = request.POST.get("next", "")
        if nxt == "person":
            return redirect("schools:person", school=school.slug, person=p.pk)
        return redirect("schools:consent", school=school.slug)
    status = 400 if request.method == "POST" else 200
    return render(request, "schools/consent_edit.html", {"school": school, "person": p,
                                                          "form": form}, status=status)


@require_role(*STAFF)
def consent_history(request: HttpRequest, school: School) -> HttpResponse:
    qs = ConsentChange.objects.filter(person__school=school).select_related("person", "changed_by")
    page = Paginator(qs, 100).get_page(request.GET.get("page"))
    return render(request, "schools/consent_history.html", {"school": school, "page": page})


@require_role("parent")
def my_children(request: HttpRequest, school: School) -> HttpResponse:
    kids = Person.objects.filter(school=school, parent_memberships__user=request.user,
                                 parent_memberships__school=school).distinct()
    return render(request, "schools/my_children.html", {"school": school, "children": kids})


# ---------------------------------------------------------------- roster import

@require_role(*IMPORTERS)
@require_http_methods(["GET", "POST"])
def import_upload(request: HttpRequest, school: School) -> HttpResponse:
    form = forms.RosterUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        _drop_stale_uploads(school)
        f = form.cleaned_data["file"]
        raw = f.read()
        rep = services.parse_roster(raw, mapping=form.cleaned_data["format"] or None,
                                    encoding=form.cleaned_data["encoding"],
                                    default_role=form.cleaned_data["default_role"])
        if rep.headers:
            batch = ImportBatch.objects.create(
                school=school, uploaded_by=request.user, filename=f.name[:200], content=raw,
                encoding=form.cleaned_data["encoding"],
                default_role=form.cleaned_data["default_role"], mapping=rep.mapping,
                mark_leavers=form.cleaned_data["mark_leavers"])
            if rep.format in (None, "custom") or not rep.mapping:
                messages.info(request, "Choose which column holds what.")
                return redirect("schools:import_map", school=school.slug, batch=batch.pk)
            return redirect("schools:import_preview", school=school.slug, batch=batch.pk)
        for e in rep.errors:
            form.add_error("file", str(e))
    status = 400 if request.method == "POST" else 200
    recent = school.imports.select_related("uploaded_by")[:10]
    return render(request, "schools/import_upload.html",
                  {"school": school, "form": form, "recent": recent}, status=status)


def _drop_stale_uploads(school: School) -> None:
    """Rosters are personal data: an upload left uncommitted for a day is dropped."""
    ImportBatch.objects.filter(school=school, status="pending",
                               uploaded_at__lt=timezone.now() - STALE_UPLOAD) \
        .update(status="cancelled", content=b"", summary="dropped: not committed within a day")


def _sample(b: ImportBatch, headers: list[str]) -> list[list[str]]:
    """The first rows of the file as they are, to help choose the columns."""
    import csv
    import io

    try:
        text, _ = services.decode_upload(bytes(b.content), b.encoding)
        rows = list(itertools.islice(csv.reader(io.StringIO(text)), 1, 4))
    except (ContextError, csv.Error):
        return []
    return [r[: len(headers)] for r in rows]


def _batch(school: School, pk: int) -> ImportBatch:
    return get_object_or_404(ImportBatch, pk=pk, school=school, status="pending")


@require_role(*IMPORTERS)
@require_http_methods(["GET", "POST"])
def import_map(request: HttpRequest, school: School, batch: int) -> HttpResponse:
    b = _batch(school, batch)
    rep = services.parse_roster(bytes(b.content), mapping=None, encoding=b.encoding,
                                default_role=b.default_role)
    if not rep.headers:
        messages.error(request, "; ".join(str(e) for e in rep.errors) or "Unreadable file.")
        return redirect("schools:import_upload", school=school.slug)
    Form = forms.mapping_form(rep.headers, b.mapping or rep.mapping)
    form = Form(request.POST or None)
    if request.method == "POST" and form.is_valid():
        b.mapping = {t: h for t, h in form.cleaned_data.items() if h}
        b.save(update_fields=["mapping"])
        return redirect("schools:import_preview", school=school.slug, batch=b.pk)
    status = 400 if request.method == "POST" else 200
    return render(request, "schools/import_map.html", {
        "school": school, "batch": b, "form": form, "headers": rep.headers,
        "sample_rows": _sample(b, rep.headers),
        "detected": mis.FORMAT_LABELS.get(rep.format or "", "")}, status=status)


@require_role(*IMPORTERS)
def import_preview(request: HttpRequest, school: School, batch: int) -> HttpResponse:
    b = _batch(school, batch)
    rep = services.batch_report(b)
    return render(request, "schools/import_preview.html", _preview_ctx(school, b, rep))


def _preview_ctx(school: School, b: ImportBatch, rep: services.ImportReport) -> dict:
    return {"school": school, "batch": b, "report": rep, "rows": rep.rows[:500],
            "format_label": mis.FORMAT_LABELS.get(rep.format or "", "your column mapping"),
            "more": max(0, len(rep.rows) - 500),
            "labels": [(t, mis.TARGET_LABELS[t]) for t in mis.TARGETS if t in rep.mapping]}


@require_role(*IMPORTERS)
@require_POST
def import_commit(request: HttpRequest, school: School, batch: int) -> HttpResponse:
    with transaction.atomic():
        # Locked, so a double click or two tabs cannot commit the same upload twice.
        b = get_object_or_404(ImportBatch.objects.select_for_update(), pk=batch, school=school,
                              status="pending")
        return _commit_or_cancel(request, school, b)


def _commit_or_cancel(request: HttpRequest, school: School, b: ImportBatch) -> HttpResponse:
    if request.POST.get("action") == "cancel":
        b.status, b.content = "cancelled", b""
        b.save(update_fields=["status", "content"])
        messages.info(request, "Import cancelled; nothing was changed.")
        return redirect("schools:import_upload", school=school.slug)
    try:
        rep = services.batch_report(b, commit=True, user=request.user)
    except services.ImportRefused:
        rep = services.batch_report(b)
        return render(request, "schools/import_preview.html", _preview_ctx(school, b, rep),
                      status=400)
    b.status, b.content, b.summary = "committed", b"", rep.summary[:300]
    b.save(update_fields=["status", "content", "summary"])
    messages.success(request, rep.summary)
    return redirect("schools:people", school=school.slug)



