"""Forms: school settings as plain text fields (one item per line), uploads checked for
size and type, consent choices."""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.conf import settings

from socialguard.web.schools import mis
from socialguard.web.schools.services import ENCODINGS

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def _lines(value: str) -> list[str]:
    return [x.strip() for x in re.split(r"[\r\n]+", value or "") if x.strip()]


class SchoolForm(forms.Form):
    name = forms.CharField(max_length=200)
    aliases = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), required=False,
                              help_text="One per line: short names and handles, e.g. @OakfieldPrimary")
    timezone = forms.CharField(max_length=64, initial="Europe/London")
    lesson_times = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 5}), required=False,
        help_text="One day per line: monday: 08:50-10:20, 10:40-12:00, 13:00-15:15")
    term_dates = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4}), required=False,
        help_text="One term per line: 2026-09-03 to 2026-10-23")
    approved_channels = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), required=False,
                                        help_text="One per line, e.g. classdojo")
    alternative_channels = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), required=False,
                                           help_text="One per line, e.g. email")
    official_accounts = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), required=False,
                                        help_text="One per line, e.g. @OakfieldPrimary")
    office_phone = forms.CharField(max_length=40, required=False)
    office_email = forms.EmailField(required=False)
    min_platform_age = forms.IntegerField(min_value=0, max_value=99, initial=13)

    @classmethod
    def initial_for(cls, data: dict[str, Any]) -> dict[str, Any]:
        return {
            **{k: data.get(k, "") for k in ("name", "timezone", "office_phone", "office_email",
                                             "min_platform_age")},
            **{k: "\n".join(data.get(k) or []) for k in (
                "aliases", "approved_channels", "alternative_channels", "official_accounts")},
            "lesson_times": "\n".join(f"{d}: {', '.join(s)}"
                                      for d, s in (data.get("lesson_times") or {}).items()),
            "term_dates": "\n".join(f"{a} to {b}" for a, b in (data.get("term_dates") or [])),
        }

    def clean_lesson_times(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for i, line in enumerate(_lines(self.cleaned_data["lesson_times"]), 1):
            day, sep, spans = line.partition(":")
            day = day.strip().lower()
            if not sep or day not in WEEKDAYS:
                raise forms.ValidationError(
                    "Line %(i)s: start with a weekday and a colon, e.g. monday: 08:50-10:20",
                    code="lesson_day", params={"i": i})
            out[day] = [s.strip() for s in spans.split(",") if s.strip()]
        return out

    def clean_term_dates(self) -> list[list[str]]:
        out = []
        for i, line in enumerate(_lines(self.cleaned_data["term_dates"]), 1):
            parts = [p for p in re.split(r"\s+to\s+|\s*,\s*|\s+", line) if p]
            if len(parts) != 2:
                raise forms.ValidationError(
                    "Line %(i)s: write a start and an end date, e.g. 2026-09-03 to 2026-10-23",
                    code="term", params={"i": i})
            out.append(parts)
        return out

    def to_school_dict(self) -> dict[str, Any]:
        d = dict(self.cleaned_data)
        for k in ("aliases", "approved_channels", "alternative_channels", "official_accounts"):
            d[k] = _lines(d[k])
        return d


def check_upload(f: Any, *, exts: tuple[str, ...], types: tuple[str, ...]) -> None:
    """Size and type checks for every upload."""
    name = (f.name or "").lower()
    if not name.endswith(exts):
        raise forms.ValidationError("Upload a %(ext)s file.", code="file_type",
                                    params={"ext": " or ".join(exts)})
    ctype = (getattr(f, "content_type", "") or "").split(";")[0].strip().lower()
    if ctype and ctype not in types:
        raise forms.ValidationError("This file's type (%(t)s) is not allowed here.",
                                    code="content_type", params={"t": ctype})
    if f.size > settings.SG_MAX_UPLOAD_BYTES:
        raise forms.ValidationError("The file is %(mb).1f MB; the limit is %(lim).0f MB.",
                                    code="file_size", params={
                                        "mb": f.size / 1e6, "lim": settings.SG_MAX_UPLOAD_BYTES / 1e6})
    if f.size == 0:
        raise forms.ValidationError("The file is empty.", code="empty")


CSV_TYPES = ("text/csv", "text/plain", "application/csv", "application/vnd.ms-excel",
             "text/comma-separated-values", "application/octet-stream", "text/x-csv")
YAML_TYPES = ("application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml", "text/plain",
              "application/octet-stream")


class RosterUploadForm(forms.Form):
    file = forms.FileField(label="CSV export from the MIS",
                           help_text="SIMS, Arbor or Bromcom student list, or socialguard people.csv")
    format = forms.ChoiceField(choices=[("", "Detect from the headings"),
                                        *mis.FORMAT_LABELS.items()], required=False)
    encoding = forms.ChoiceField(choices=list(ENCODINGS.items()), initial="auto")
    default_role = forms.ChoiceField(
        choices=[(r, r) for r in ("pupil", "staff", "parent", "governor", "trustee")],
        initial="pupil", help_text="For rows without a role column")
    mark_leavers = forms.BooleanField(
        required=False, label="Pupils missing from this file have left",
        help_text="Tick for a whole-school pupil list: anyone not in it gets today as their "
                  "leaving date. You see who before you commit.")

    def clean_file(self):
        f = self.cleaned_data["file"]
        check_upload(f, exts=(".csv", ".txt"), types=CSV_TYPES)
        return f


class YamlUploadForm(forms.Form):
    file = forms.FileField(label="school.yaml")

    def clean_file(self):
        f = self.cleaned_data["file"]
        check_upload(f, exts=(".yaml", ".yml"), types=YAML_TYPES)
        return f


def mapping_form(headers: list[str], initial: dict[str, str]) -> type[forms.Form]:
    choices = [("", "(not in this file)")] + [(h, h) for h in headers]
    fields = {t: forms.ChoiceField(label=mis.TARGET_LABELS[t], choices=choices, required=False,
                                   initial=initial.get(t, "")) for t in mis.TARGETS}

    def clean(self):
        data = super(forms.Form, self).clean()
        for t in mis.REQUIRED:
            if not data.get(t):
                self.add_error(t, forms.ValidationError("Choose the column for this.",
                                                        code="required_column"))
        used = [h for h in data.values() if h]
        if len(used) != len(set(used)):
            raise forms.ValidationError("A column is mapped twice.", code="duplicate_column")
        return data

    return type("MappingForm", (forms.Form,), {**fields, "clean": clean})


TRI = [("", "Not recorded"), ("yes", "Yes"), ("no", "No")]


class ConsentForm(forms.Form):
    photo_consent = forms.ChoiceField(choices=TRI, required=False, label="Photo consent")
    name_consent = forms.ChoiceField(choices=TRI, required=False, label="Name consent")
    note = forms.CharField(max_length=300, required=False,
                           help_text="Optional: e.g. 'form returned 3 Nov'")

    @staticmethod
    def as_value(v: str) -> bool | None:
        return {"yes": True, "no": False}.get(v)

    @staticmethod
    def as_choice(v: bool | None) -> str:
        return "" if v is None else ("yes" if v else "no")
