"""Policy pages: the policy for your role (clause anchors), versions, approval, acknowledgement."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from socialguard.errors import PolicyError
from socialguard.policy.loader import parse_policy
from socialguard.policy.model import AUDIENCES
from socialguard.policy.render import AUDIENCE_LABEL, KIND_LABEL
from socialguard.web.accounts.models import Membership
from socialguard.web.accounts.permissions import require_role, schools_for
from socialguard.web.accounts.roles import ALL, GOVERNANCE, LEADERS, PARENT, ROLE_AUDIENCES, TRUST_EXEC
from socialguard.web.policies import services
from socialguard.web.policies.models import Acknowledgement, PolicyVersion
from socialguard.web.schools.forms import YAML_TYPES, check_upload
from socialguard.web.schools.models import Trust

ACKNOWLEDGERS = tuple(ALL - {PARENT})


def _trust(request: HttpRequest) -> Trust | None:
    m = Membership.objects.filter(user=request.user, trust__isnull=False).select_related("trust").first()
    if m:
        return m.trust
    s = schools_for(request.user).select_related("trust").first()
    return s.trust if s else Trust.objects.first() if request.user.is_superuser else None


def _audiences(roles: set[str]) -> list[str]:
    out: list[str] = []
    for r in sorted(roles):
        for a in ROLE_AUDIENCES.get(r, ()):
            if a not in out:
                out.append(a)
    return out


@require_role(*ALL)
def show(request: HttpRequest) -> HttpResponse:
    trust = _trust(request)
    policy, version = services.current_policy(trust)
    mine = _audiences(request.roles)
    audience = request.GET.get("audience") or (mine[0] if mine else "all")
    if audience != "all" and audience not in AUDIENCES:
        audience = mine[0] if mine else "all"
    clauses = []
    rules_by_clause: dict[str, list[str]] = {}
    for rid, spec in policy.rules.items():
        for cid in spec.clauses:
            rules_by_clause.setdefault(cid, []).append(spec.title)
    for c in policy.clauses:
        shown = audience == "all" or c.applies_to(audience)
        stmts = [(KIND_LABEL.get(s.kind, ""), s.kind, s.text) for s in c.statements
                 if audience == "all" or not s.audiences or audience in s.audiences]
        clauses.append({"clause": c, "anchor": services.clause_anchor(c.id), "shown": shown,
                        "statements": stmts, "rules": rules_by_clause.get(c.id, [])})
    acked = bool(version and Acknowledgement.objects.filter(version=version, user=request.user)
                 .exists())
    return render(request, "policies/show.html", {
        "policy": policy, "version": version, "trust": trust, "clauses": clauses,
        "audience": audience, "audiences": [("all", "everyone (whole policy)")] +
        [(a, AUDIENCE_LABEL.get(a, a)) for a in AUDIENCES], "mine": mine, "acknowledged": acked,
        "can_acknowledge": bool(version and request.roles & set(ACKNOWLEDGERS))})


@require_role(*ACKNOWLEDGERS)
@require_POST
def acknowledge(request: HttpRequest) -> HttpResponse:
    version = services.current_version(_trust(request))
    if version is None:
        messages.error(request, "Your trust has no approved policy version to acknowledge yet.")
        return redirect("policies:show")
    _, created = Acknowledgement.objects.get_or_create(version=version, user=request.user)
    messages.success(request, f"Thank you: you have acknowledged version {version.version}."
                     if created else "You had already acknowledged this version.")
    return redirect("policies:show")


@require_role(*GOVERNANCE)
def versions(request: HttpRequest) -> HttpResponse:
    trust = _trust(request)
    qs = PolicyVersion.objects.filter(trust=trust).select_related("approved_by", "created_by")
    return render(request, "policies/versions.html", {
        "trust": trust, "versions": qs, "can_approve": TRUST_EXEC in request.roles})


class PolicyUploadForm(forms.Form):
    file = forms.FileField(label="Policy YAML", help_text="Same format as the shipped policy file")
    note = forms.CharField(max_length=300, required=False, label="What changed")

    def clean_file(self):
        f = self.cleaned_data["file"]
        check_upload(f, exts=(".yaml", ".yml"), types=YAML_TYPES)
        return f


@require_role(TRUST_EXEC)
@require_http_methods(["GET", "POST"])
def upload(request: HttpRequest) -> HttpResponse:
    trust = _trust(request)
    form = PolicyUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        f = form.cleaned_data["file"]
        try:
            text = f.read().decode("utf-8-sig")
            p = parse_policy(text, source=f.name)
        except UnicodeDecodeError:
            form.add_error("file", "The file is not UTF-8 text.")
        except PolicyError as e:
            form.add_error("file", str(e))
        else:
            if PolicyVersion.objects.filter(trust=trust, version=p.version).exists():
                form.add_error("file", f"Version {p.version} already exists; raise the version: "
                                       "field in the file.")
            else:
                v = PolicyVersion.objects.create(trust=trust, version=p.version, title=p.title,
                                                 yaml_text=text, note=form.cleaned_data["note"],
                                                 created_by=request.user)
                messages.success(request, f"Draft version {v.version} saved; approve it to publish.")
                return redirect("policies:version", version=v.pk)
    status = 400 if request.method == "POST" else 200
    return render(request, "policies/upload.html", {"form": form, "trust": trust}, status=status)


def _version(request: HttpRequest, pk: int) -> PolicyVersion:
    return get_object_or_404(PolicyVersion, pk=pk, trust=_trust(request))


@require_role(*GOVERNANCE)
def version_detail(request: HttpRequest, version: int) -> HttpResponse:
    v = _version(request, version)
    policy = v.policy()
    acks = v.acknowledgements.select_related("user")
    return render(request, "policies/version.html", {
        "v": v, "policy": policy, "acks": acks, "can_approve": TRUST_EXEC in request.roles})


@require_role(TRUST_EXEC)
@require_POST
def approve(request: HttpRequest, version: int) -> HttpResponse:
    v = _version(request, version)
    if v.status != "draft":
        messages.error(request, f"Version {v.version} is {v.status}; only a draft can be approved.")
    else:
        services.approve(v, request.user)
        messages.success(request, f"Version {v.version} approved; staff and governors are asked "
                                  "to acknowledge it.")
    return redirect("policies:version", version=v.pk)


@require_role(*LEADERS)
def acknowledgements(request: HttpRequest) -> HttpResponse:
    """Who in my schools has (not) acknowledged the current version."""
    trust = _trust(request)
    version = services.current_version(trust)
    schools = list(schools_for(request.user))
    users = get_user_model().objects.filter(
        Q(memberships__school__in=schools) | Q(memberships__trust=trust)) \
        .exclude(memberships__role=PARENT).distinct().order_by("last_name", "username")
    done = set(version.acknowledgements.values_list("user_id", flat=True)) if version else set()
    rows = [(u, u.pk in done) for u in users]
    return render(request, "policies/acknowledgements.html",
                  {"version": version, "rows": rows, "done": len(done & {u.pk for u in users})})
