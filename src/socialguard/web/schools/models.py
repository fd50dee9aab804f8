"""A trust's schools and their people, stored so ``services.context_for`` can rebuild the
contract's SchoolContext (school.yaml + people.csv) from the database at any moment."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models

from socialguard.analysis.post import PERSON_ROLES

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def no_formula(value: str) -> None:
    """Names never start like a spreadsheet formula; such a cell is an injection attempt."""
    if value and value[0] in FORMULA_START:
        raise ValidationError(
            "must not start with %(c)s (a spreadsheet formula could run when exported)",
            code="formula", params={"c": repr(value[0])})


class Trust(models.Model):
    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=80, unique=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


def _list() -> list:
    return []


def _dict() -> dict:
    return {}


class School(models.Model):
    trust = models.ForeignKey(Trust, on_delete=models.PROTECT, related_name="schools")
    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=80, unique=True)
    aliases = models.JSONField(default=_list, blank=True, help_text="Other names, handles")
    timezone = models.CharField(max_length=64, default="Europe/London")
    # {"monday": ["08:50-10:20", ...], ...}, as in school.yaml
    lesson_times = models.JSONField(default=_dict, blank=True)
    # [["2026-09-03", "2026-10-23"], ...]
    term_dates = models.JSONField(default=_list, blank=True)
    approved_channels = models.JSONField(default=_list, blank=True)
    alternative_channels = models.JSONField(default=_list, blank=True)
    official_accounts = models.JSONField(default=_list, blank=True)
    office_phone = models.CharField(max_length=40, blank=True)
    office_email = models.EmailField(blank=True)
    min_platform_age = models.PositiveSmallIntegerField(default=13)
    # school.yaml keys this version does not know, kept so an export gives them back
    extra = models.JSONField(default=_dict, blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Person(models.Model):
    ROLE_CHOICES = [(r, r) for r in PERSON_ROLES]

    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="people")
    external_id = models.CharField(max_length=64, help_text="The MIS id (admission number, student id)")
    role = models.CharField(max_length=16, choices=ROLE_CHOICES)
    first_name = models.CharField(max_length=100, validators=[no_formula])
    last_name = models.CharField(max_length=100, blank=True, validators=[no_formula])
    preferred_name = models.CharField(max_length=100, blank=True, validators=[no_formula])
    dob = models.DateField(null=True, blank=True, verbose_name="date of birth")
    year_group = models.CharField(max_length=16, blank=True, validators=[no_formula])
    left_on = models.DateField(null=True, blank=True, help_text="For past pupils")
    photo_consent = models.BooleanField(null=True, blank=True)
    name_consent = models.BooleanField(null=True, blank=True)
    children = models.ManyToManyField("self", symmetrical=False, blank=True, related_name="parents")

    class Meta:
        ordering = ["external_id"]
        constraints = [models.UniqueConstraint(fields=["school", "external_id"],
                                               name="person_unique_external_id")]
        indexes = [models.Index(fields=["school", "role"])]
        verbose_name_plural = "people"

    def __str__(self) -> str:
        return f"{self.known_as} {self.last_name} ({self.external_id})".strip()

    @property
    def known_as(self) -> str:
        return self.preferred_name or self.first_name


class ConsentChange(models.Model):
    """One change to a pupil's photo or name consent: kept, never edited."""

    FIELDS = [("photo_consent", "photo consent"), ("name_consent", "name consent")]
    SOURCES = [("register", "consent register"), ("import", "MIS import"), ("admin", "admin"),
               ("yaml", "school export import")]

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="consent_changes")
    field = models.CharField(max_length=16, choices=FIELDS)
    old = models.BooleanField(null=True)
    new = models.BooleanField(null=True)
    changed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    changed_at = models.DateTimeField(auto_now_add=True)
    source = models.CharField(max_length=16, choices=SOURCES, default="register")
    note = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["-changed_at", "-id"]

    def __str__(self) -> str:
        return f"{self.person}: {self.field} {self.old} -> {self.new}"


class ImportBatch(models.Model):
    """An uploaded roster between upload and commit. Its bytes are dropped once done."""

    STATUSES = [("pending", "pending"), ("committed", "committed"), ("cancelled", "cancelled")]

    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="imports")
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL,
                                    related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)
    filename = models.CharField(max_length=200)
    content = models.BinaryField(blank=True)
    encoding = models.CharField(max_length=20, default="auto")
    default_role = models.CharField(max_length=16, default="pupil")
    mapping = models.JSONField(default=_dict, blank=True)
    mark_leavers = models.BooleanField(default=False,
                                       help_text="Pupils missing from the file have left today")
    status = models.CharField(max_length=12, choices=STATUSES, default="pending")
    summary = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["-uploaded_at"]

    def __str__(self) -> str:
        return f"{self.filename} ({self.status})"
