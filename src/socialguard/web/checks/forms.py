"""Forms of the Check page and the draft workflow; every field is checked here, once."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q

from socialguard.analysis.post import PLATFORMS
from socialguard.web.accounts.roles import ROLE_LABELS, ROLES, STAFF
from socialguard.web.checks import services
from socialguard.web.checks.models import ApprovalChain, ApprovalStep

MAX_TEXT = 20_000
PLATFORM_CHOICES = [("", "Not sure / other")] + [(p, p.replace("-", " ").capitalize()) for p in PLATFORMS]


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class ImagesField(forms.FileField):
    """Up to four images; each is read and checked by content (services.read_images)."""

    def __init__(self, **kw: Any) -> None:
        kw.setdefault("widget", MultipleFileInput(attrs={"accept": "image/jpeg,image/png,image/webp,image/gif"}))
        kw.setdefault("required", False)
        super().__init__(**kw)

    def clean(self, data: Any, initial: Any = None) -> list[services.Upload]:
        single = super().clean
        files = [single(d, initial) for d in data if d] if isinstance(data, (list, tuple)) else (
            [single(data, initial)] if data else [])
        return services.read_images([f for f in files if f])


def account_choices(school: Any, roles: set[str]) -> list[tuple[str, str]]:
    out = [("personal", "My personal account")]
    if roles & STAFF:
        out += [(f"official:{h}", f"{h} (official school account)") for h in school.official_accounts or []]
    return out


class CheckForm(forms.Form):
    text = forms.CharField(label="Post text", widget=forms.Textarea(attrs={"rows": 7}),
                           max_length=MAX_TEXT, required=False, strip=False)
    images = ImagesField(label="Images (optional)")
    account = forms.ChoiceField(label="Posting from")
    platform = forms.ChoiceField(label="Platform", choices=PLATFORM_CHOICES, required=False)

    def __init__(self, *args: Any, school: Any, roles: set[str], **kw: Any) -> None:
        super().__init__(*args, **kw)
        self.fields["account"].choices = account_choices(school, roles)

    def clean(self) -> dict:
        data = super().clean()
        if not (data.get("text") or "").strip() and not data.get("images"):
            raise forms.ValidationError("Paste the post's text or attach an image.", code="empty")
        return data

    def account_and_handle(self) -> tuple[str, str]:
        acc = self.cleaned_data["account"]
        return ("official", acc.split(":", 1)[1]) if acc.startswith("official:") else ("personal", "")


class DraftForm(forms.Form):
    title = forms.CharField(max_length=120, required=False,
                            help_text="For your list of drafts; not part of the post.")
    handle = forms.ChoiceField(label="Official account")
    platform = forms.ChoiceField(choices=PLATFORM_CHOICES[1:])
    text = forms.CharField(label="Post text", widget=forms.Textarea(attrs={"rows": 7}),
                           max_length=MAX_TEXT, strip=False)
    images = ImagesField(label="Images (optional)")

    def __init__(self, *args: Any, school: Any, **kw: Any) -> None:
        super().__init__(*args, **kw)
        self.fields["handle"].choices = [(h, h) for h in school.official_accounts or []]


class ReviseForm(forms.Form):
    text = forms.CharField(label="Post text", widget=forms.Textarea(attrs={"rows": 7}),
                           max_length=MAX_TEXT, strip=False)
    images = ImagesField(label="Replace the images (optional; leave empty to keep them)")


class ReasonForm(forms.Form):
    reason = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), max_length=2000, required=False)


class OverrideForm(forms.Form):
    finding = forms.IntegerField(widget=forms.HiddenInput, min_value=1, max_value=2**62)
    reason = forms.CharField(label="Why this finding can stand", widget=forms.Textarea(attrs={"rows": 2}),
                             max_length=2000)


class ChainForm(forms.ModelForm):
    class Meta:
        model = ApprovalChain
        fields = ["expiry_hours"]
        labels = {"expiry_hours": "Approvals lapse after (hours)"}

    def clean_expiry_hours(self) -> int:
        v = self.cleaned_data["expiry_hours"]
        if not 1 <= v <= 24 * 60:
            raise forms.ValidationError("between 1 hour and 60 days", code="range")
        return v


class StepForm(forms.ModelForm):
    roles = forms.MultipleChoiceField(
        choices=[(r, ROLE_LABELS[r]) for r in ROLES if r != "parent"], required=False,
        widget=forms.CheckboxSelectMultiple, label="Everyone with these roles")

    class Meta:
        model = ApprovalStep
        fields = ["order", "name", "mode", "approvers", "roles"]
        widgets = {"approvers": forms.CheckboxSelectMultiple}
        labels = {"approvers": "Named approvers", "mode": "Who must approve"}

    def __init__(self, *args: Any, school: Any, **kw: Any) -> None:
        super().__init__(*args, **kw)
        User = get_user_model()
        can = STAFF | {"governor"}
        self.fields["approvers"].queryset = User.objects.filter(
            Q(memberships__school=school, memberships__role__in=can)
            | Q(memberships__trust_id=school.trust_id, memberships__role__in=can),
            is_active=True).distinct().order_by("username")
        self.fields["approvers"].required = False
        self.fields["approvers"].label_from_instance = lambda u: u.get_full_name() or u.get_username()

    def clean(self) -> dict:
        data = super().clean()
        if not data.get("approvers") and not data.get("roles"):
            raise forms.ValidationError("Name at least one approver or one role.", code="no_approvers")
        return data
