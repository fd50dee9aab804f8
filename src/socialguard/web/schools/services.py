"""School logic the views, API and commands share: the check context, roster imports,
consent changes and school.yaml in and out. Views only parse, call these, and render."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import warnings
from dataclasses import dataclass, field
from typing import Any

import yaml
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify

from socialguard.analysis.post import PEOPLE_HEADER, PERSON_ROLES, WEEKDAYS, Person as CtxPerson
from socialguard.analysis.post import SchoolContext, parse_date
from socialguard.errors import ContextError
from socialguard.web.schools import mis
from socialguard.web.schools.models import (
    FORMULA_START, ConsentChange, ImportBatch, Person, School, Trust,
)

CONSENT_FIELDS = ("photo_consent", "name_consent")


# ---------------------------------------------------------------- the check context

def school_to_dict(school: School) -> dict[str, Any]:
    """The school's settings as the contract's school.yaml mapping."""
    data: dict[str, Any] = {
        "name": school.name,
        "aliases": list(school.aliases or []),
        "trust": school.trust.name if school.trust_id else "",
        "timezone": school.timezone,
        # weekday order, whatever order the database (PostgreSQL jsonb) keeps the keys in
        "lesson_times": {d: list(lt[d]) for d in WEEKDAYS if d in (lt := school.lesson_times or {})},
        "term_dates": [list(t) for t in (school.term_dates or [])],
        "approved_channels": list(school.approved_channels or []),
        "alternative_channels": list(school.alternative_channels or []),
        "official_accounts": list(school.official_accounts or []),
        "office_phone": school.office_phone,
        "office_email": school.office_email,
        "min_platform_age": school.min_platform_age,
    }
    for k in sorted(school.extra or {}):
        data.setdefault(k, school.extra[k])
    return data


_ROW_FIELDS = ("id", "external_id", "role", "first_name", "last_name", "preferred_name", "dob",
               "year_group", "left_on", "photo_consent", "name_consent")


def _people_rows(school: School) -> list[CtxPerson]:
    """The school's people as the contract's Person rows, in id order; two plain queries
    (no model instances), so a check of a large school stays fast."""
    rows = list(Person.objects.filter(school=school).order_by("external_id", "id")
                .values_list(*_ROW_FIELDS))
    ext = {r[0]: r[1] for r in rows}
    kids: dict[int, list[str]] = {}
    for parent_pk, child_pk in Person.children.through.objects.filter(
            from_person__school=school).values_list("from_person_id", "to_person_id"):
        if child_pk in ext:
            kids.setdefault(parent_pk, []).append(ext[child_pk])
    return [CtxPerson(id=r[1], role=r[2], first_name=r[3], last_name=r[4], preferred_name=r[5],
                      date_of_birth=r[6], year_group=r[7], left_on=r[8], photo_consent=r[9],
                      name_consent=r[10], child_ids=tuple(sorted(kids.get(r[0], ()))))
            for r in rows]


def context_for(school: School) -> SchoolContext:
    """The school's check context, read from the database now (no cache), so a consent
    change applies to the very next check. Equal to ``load_context`` of the export."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # unknown extra keys were already reported on import
        return SchoolContext.from_dict(
            school_to_dict(school), source=f"school {school.slug}",
            people=_people_rows(school))


# ---------------------------------------------------------------- export

def safe_cell(value: str) -> str:
    """Neutralise a cell a spreadsheet would run as a formula (OWASP: prefix a quote)."""
    return "'" + value if value and value[0] in FORMULA_START else value


def _yes_no(v: bool | None) -> str:
    return "" if v is None else ("yes" if v else "no")


def export_people_csv(school: School) -> str:
    """The contract's people.csv for this school."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(PEOPLE_HEADER)
    for p in _people_rows(school):
        w.writerow([safe_cell(x) for x in (
            p.id, p.role, p.first_name, p.last_name, p.preferred_name,
            p.date_of_birth.isoformat() if p.date_of_birth else "", p.year_group,
            p.left_on.isoformat() if p.left_on else "", _yes_no(p.photo_consent),
            _yes_no(p.name_consent), ";".join(p.child_ids))])
    return buf.getvalue()


def export_school_yaml(school: School) -> str:
    return yaml.safe_dump(school_to_dict(school), sort_keys=False, allow_unicode=True,
                          default_flow_style=None, width=100)


# ---------------------------------------------------------------- school.yaml in

def _jsonable(v: Any) -> Any:
    return json.loads(json.dumps(v, default=str))


def import_school_yaml(text: str, *, school: School | None = None, trust: Trust | None = None,
                       source: str = "school.yaml") -> tuple[School, list[str]]:
    """Create or update a school from the contract's school.yaml; returns it and warnings.

    Raises ContextError (file, line, field) on anything invalid; nothing is saved then.
    """
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        raise ContextError(f"not valid YAML: {getattr(e, 'problem', None) or e}", file=source,
                           line=mark.line + 1 if mark else None) from None
    return save_school_settings(data, school=school, trust=trust, source=source)


def save_school_settings(data: Any, *, school: School | None = None, trust: Trust | None = None,
                         source: str = "school.yaml") -> tuple[School, list[str]]:
    """Validate a school.yaml mapping exactly as ``load_context`` would, then store it."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        ctx = SchoolContext.from_dict(data, source=source)
    notes = [str(w.message) for w in caught]
    if school is None and trust is None:
        raise ContextError("choose the trust the new school belongs to", field="trust")
    target_trust = school.trust if school is not None else trust
    if ctx.trust and target_trust and ctx.trust != target_trust.name:
        notes.append(f"{source}: trust is {ctx.trust!r}; the school stays in {target_trust.name!r}")
    s = school or School(trust=target_trust, slug=_unique_slug(ctx.name))
    s.name = ctx.name
    s.aliases = ctx.aliases
    s.timezone = ctx.timezone
    s.lesson_times = {d: [f"{a:%H:%M}-{b:%H:%M}" for a, b in spans]
                      for d, spans in ctx.lesson_times.items()}
    s.term_dates = [[a.isoformat(), b.isoformat()] for a, b in ctx.term_dates]
    s.approved_channels = ctx.approved_channels
    s.alternative_channels = ctx.alternative_channels
    s.official_accounts = ctx.official_accounts
    s.office_phone = ctx.office_phone
    s.office_email = ctx.office_email
    s.min_platform_age = ctx.min_platform_age
    s.extra = _jsonable(ctx.extra)
    try:
        s.full_clean(exclude=["slug"] if school else None)
    except ValidationError as e:
        field, msgs = next(iter(e.message_dict.items()))
        raise ContextError(" ".join(msgs), file=source, field=field) from None
    s.save()
    return s, notes


def _unique_slug(name: str) -> str:
    base = slugify(name)[:70] or "school"
    slug, n = base, 2
    while School.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


# ---------------------------------------------------------------- consent

def set_consent(person: Person, *, user: Any, source: str = "register", note: str = "",
                **values: bool | None) -> list[ConsentChange]:
    """Change photo/name consent, recording who, when, old and new. No-op values are skipped."""
    changes = []
    with transaction.atomic():
        locked = Person.objects.select_for_update().get(pk=person.pk)
        for f, new in values.items():
            if f not in CONSENT_FIELDS:
                raise ValueError(f"unknown consent field {f!r}")
            old = getattr(locked, f)
            if old == new:
                continue
            setattr(locked, f, new)
            changes.append(ConsentChange(person=locked, field=f, old=old, new=new,
                                         changed_by=user if _is_user(user) else None,
                                         source=source, note=note[:300]))
        if changes:
            locked.save(update_fields=[c.field for c in changes])
            ConsentChange.objects.bulk_create(changes)
    for f in values:
        setattr(person, f, getattr(locked, f))
    return changes


def _is_user(user: Any) -> bool:
    return user is not None and getattr(user, "is_authenticated", False)


# ---------------------------------------------------------------- roster import

@dataclass
class RowError:
    line: int
    reason: str
    field: str = ""

    def __str__(self) -> str:
        where = f"line {self.line}" if self.line else "file"
        return f"{where}{', ' + self.field if self.field else ''}: {self.reason}"


@dataclass
class ImportRow:
    line: int
    values: dict[str, Any]
    action: str = "create"  # create | update | unchanged
    changes: list[str] = field(default_factory=list)


@dataclass
class ImportReport:
    format: str | None = None
    encoding: str = ""
    headers: list[str] = field(default_factory=list)
    mapping: dict[str, str] = field(default_factory=dict)
    rows: list[ImportRow] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    committed: bool = False
    leavers: list[Person] = field(default_factory=list)   # current pupils missing from the file
    left_on: dt.date | None = None                         # set when leavers are marked

    @property
    def ok(self) -> bool:
        return not self.errors

    def count(self, action: str) -> int:
        return sum(1 for r in self.rows if r.action == action)

    @property
    def summary(self) -> str:
        if self.errors:
            return f"{len(self.errors)} problem(s); nothing imported"
        verb = "imported" if self.committed else "to import"
        out = (f"{len(self.rows)} rows {verb}: {self.count('create')} new, "
               f"{self.count('update')} updated, {self.count('unchanged')} unchanged")
        if self.left_on:
            out += f"; {len(self.leavers)} pupil(s) not in the file marked as left"
        return out


class ImportRefused(ContextError):
    """An import with errors was asked to commit."""


ENCODINGS = {"auto": "detect (UTF-8, else Windows-1252)", "utf-8": "UTF-8",
             "windows-1252": "Windows-1252 (Excel, SIMS)", "utf-16": "UTF-16"}


def decode_upload(raw: bytes, encoding: str = "auto") -> tuple[str, str]:
    """Text and the encoding used. Raises ContextError naming the line of a bad byte."""
    head = raw[:4096]
    if raw.startswith(b"PK\x03\x04") or raw.startswith(b"\xd0\xcf\x11\xe0"):
        raise ContextError("this is a spreadsheet (.xlsx/.xls), not a CSV; "
                           "save or export it as CSV and upload that", line=1)
    if encoding == "auto":
        if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
            encoding = "utf-16"
        elif b"\x00" in head:
            raise ContextError("this is not a text file (it holds NUL bytes); upload a CSV export",
                               line=head[: head.index(b"\x00")].count(b"\n") + 1)
    tries = ["utf-8-sig", "cp1252"] if encoding == "auto" else \
        [{"utf-8": "utf-8-sig", "windows-1252": "cp1252"}.get(encoding, encoding)]
    err: UnicodeDecodeError | None = None
    for enc in tries:
        try:
            text = raw.decode(enc)
        except (UnicodeDecodeError, LookupError) as e:
            if isinstance(e, LookupError):
                raise ContextError(f"unknown encoding {encoding!r}", field="encoding") from None
            err = err or e
            continue
        name = {"utf-8-sig": "utf-8", "cp1252": "windows-1252"}.get(enc, enc)
        return text, name
    assert err is not None
    line = raw[: err.start].count(b"\n") + 1
    raise ContextError(
        f"cannot read the file as {ENCODINGS.get(encoding, encoding)} (byte 0x{raw[err.start]:02x}); "
        "export it again as CSV UTF-8", line=line)


_TIME_TAIL = re.compile(r"\s+\d{1,2}:\d{2}(:\d{2})?$")


def _clean_date(v: str, name: str, line: int) -> dt.date | None:
    v = _TIME_TAIL.sub("", v)
    try:
        d = parse_date(v, field_name=mis.TARGET_LABELS[name].lower(), line=line)
    except ContextError as e:
        raise _RowProblem(e.message, name) from None
    if d and d > dt.date.today() + dt.timedelta(days=366 * 2):
        raise _RowProblem(f"{mis.TARGET_LABELS[name].lower()} {v!r} is in the future", name)
    return d


class _RowProblem(Exception):
    def __init__(self, reason: str, field: str = "") -> None:
        super().__init__(reason)
        self.reason, self.field = reason, field


def _consent(v: str, name: str) -> bool | None:
    s = v.strip().lower()
    if not s:
        return None
    if s in mis.CONSENT_YES:
        return True
    if s in mis.CONSENT_NO:
        return False
    raise _RowProblem(f"{mis.TARGET_LABELS[name].lower()} must be yes or no; got {v!r}", name)


def _parse_row(rec: dict[str, str], default_role: str, line: int) -> dict[str, Any]:
    for k, v in rec.items():
        if v and v[0] in FORMULA_START and not (k in ("dob", "left_on") or re.fullmatch(r"-?\d+", v)):
            raise _RowProblem(f"cell starts with {v[0]!r} like a spreadsheet formula ({v[:20]!r}); "
                              "remove it from the MIS export", k)
    out: dict[str, Any] = {}
    out["external_id"] = rec.get("external_id", "")
    if not out["external_id"]:
        raise _RowProblem("the id is empty", "external_id")
    if len(out["external_id"]) > 64:
        raise _RowProblem("the id is longer than 64 characters", "external_id")
    role = (rec.get("role") or default_role).strip().lower()
    role = mis.ROLE_SYNONYMS.get(role, role)
    if role not in PERSON_ROLES:
        raise _RowProblem(f"role must be one of {', '.join(PERSON_ROLES)}; got {role!r}", "role")
    out["role"] = role
    if "first_name" in rec:
        if not rec["first_name"]:
            raise _RowProblem("the first name is empty", "first_name")
        out["first_name"] = rec["first_name"]
    for k in ("last_name", "preferred_name"):
        if k in rec:
            out[k] = rec[k]
    for k in ("first_name", "last_name", "preferred_name"):
        if len(out.get(k, "")) > 100:
            raise _RowProblem("longer than 100 characters", k)
    if "year_group" in rec:
        out["year_group"] = mis.norm_year(rec["year_group"])[:16]
    for k in ("dob", "left_on"):
        if k in rec:
            out[k] = _clean_date(rec[k], k, line)
    for k in CONSENT_FIELDS:
        if k in rec:
            out[k] = _consent(rec[k], k)
    if "child_ids" in rec:
        out["child_ids"] = tuple(c.strip() for c in rec["child_ids"].split(";") if c.strip())
    return out


def _read_file(file: Any) -> bytes:
    if isinstance(file, bytes):
        return file
    if isinstance(file, str):
        return file.encode("utf-8")
    if hasattr(file, "seek"):
        file.seek(0)
    return file.read()


def parse_roster(raw: bytes, *, mapping: dict[str, str] | str | None = None,
                 encoding: str = "auto", default_role: str = "pupil") -> ImportReport:
    """Read and validate a roster CSV without touching the database."""
    rep = ImportReport()
    try:
        text, rep.encoding = decode_upload(raw, encoding)
    except ContextError as e:
        rep.errors.append(RowError(e.line or 0, e.message))
        return rep
    if rep.encoding == "windows-1252" and encoding == "auto":
        rep.warnings.append("The file is not UTF-8, so it was read as Windows-1252 (Excel's usual "
                            "encoding). Check accented names in the preview before you commit.")
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        headers = next(reader)
    except StopIteration:
        rep.errors.append(RowError(1, "the file is empty; it needs a heading row"))
        return rep
    except csv.Error as e:
        rep.errors.append(RowError(1, f"not a readable CSV: {e}"))
        return rep
    rep.headers = [h.strip() for h in headers]
    if len(set(mis.norm_heading(h) for h in rep.headers)) != len(rep.headers):
        rep.errors.append(RowError(1, "two columns have the same heading"))
        return rep
    if isinstance(mapping, dict) and mapping:
        rep.mapping = {t: h for t, h in mapping.items() if h}
        fmt = mis.detect_format(rep.headers)
        rep.format = fmt if fmt and mis.mapping_for(fmt, rep.headers) == rep.mapping else "custom"
    else:
        fmt = mapping if isinstance(mapping, str) and mapping else mis.detect_format(rep.headers)
        if fmt is None or fmt not in mis.FORMATS:
            rep.errors.append(RowError(1, "the headings are not a SIMS, Arbor, Bromcom or "
                                          "people.csv export; map the columns by hand"))
            return rep
        rep.format = fmt
        rep.mapping = mis.mapping_for(fmt, rep.headers)
    bad = [t for t in rep.mapping if t not in mis.TARGETS]
    unknown = [h for h in rep.mapping.values() if h not in rep.headers]
    if bad or unknown:
        rep.errors.append(RowError(1, f"the mapping names {', '.join(bad + unknown)}, "
                                      "which is not in the file"))
        return rep
    missing = [mis.TARGET_LABELS[t] for t in mis.REQUIRED if t not in rep.mapping]
    if missing:
        rep.errors.append(RowError(1, f"no column for {', '.join(missing)}"))
        return rep
    if default_role not in PERSON_ROLES:
        rep.errors.append(RowError(0, f"default role must be one of {', '.join(PERSON_ROLES)}"))
        return rep
    col = {t: rep.headers.index(h) for t, h in rep.mapping.items()}
    seen: dict[str, int] = {}
    while True:
        line = reader.line_num + 1   # where this record starts (a quoted cell may span lines)
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as e:
            hint = " (a quote that is never closed?)" if "end of data" in str(e) else ""
            rep.errors.append(RowError(line, f"the CSV is malformed from here: {e}{hint}; "
                                             "nothing after it was read"))
            break
        if not any(c.strip() for c in row):
            continue
        if len(row) != len(rep.headers):
            rep.errors.append(RowError(line, f"{len(row)} columns, but the heading row has "
                                             f"{len(rep.headers)} (a stray comma or quote?)"))
            continue
        rec = {t: row[i].strip() for t, i in col.items()}
        pid = rec.get("external_id", "")
        if pid in seen:
            rep.errors.append(RowError(line, f"duplicate id {pid!r} (first on line {seen[pid]})",
                                       mis.TARGET_LABELS["external_id"]))
            continue
        if pid:
            seen[pid] = line
        try:
            values = _parse_row(rec, default_role, line)
        except _RowProblem as p:
            rep.errors.append(RowError(line, p.reason, mis.TARGET_LABELS.get(p.field, p.field)))
            continue
        rep.rows.append(ImportRow(line=line, values=values))
    if not rep.rows and not rep.errors:
        rep.errors.append(RowError(2, "the file has a heading row but no people"))
    return rep


_COMPARED = ("role", "first_name", "last_name", "preferred_name", "dob", "year_group", "left_on",
             *CONSENT_FIELDS)


def _plan(school: School, rep: ImportReport, *, lock: bool = False) -> dict[str, Person]:
    """Set each row's action against the stored people; check children's ids; list leavers."""
    qs = school.people.all()
    if lock:
        qs = qs.select_for_update()
    existing = {p.external_id: p for p in qs}
    in_file = {r.values["external_id"] for r in rep.rows}
    if rep.left_on:
        if not any(r.values["role"] == "pupil" for r in rep.rows):
            rep.errors.append(RowError(0, "the file has no pupils, so it cannot say who has left; "
                                          "untick 'pupils missing from this file have left'"))
        rep.leavers = sorted((p for p in existing.values()
                              if p.role == "pupil" and p.left_on is None and p.external_id not in in_file),
                             key=lambda p: p.external_id)
    for r in rep.rows:
        p = existing.get(r.values["external_id"])
        for cid in r.values.get("child_ids", ()):
            if cid not in in_file and cid not in existing:
                rep.errors.append(RowError(r.line, f"child id {cid!r} is neither in this file nor "
                                                   "in the school", mis.TARGET_LABELS["child_ids"]))
        if p is None:
            r.action = "create"
            continue
        changes = []
        for k in _COMPARED:
            if k not in r.values:
                continue
            new = r.values[k]
            if k in CONSENT_FIELDS and new is None:
                continue  # a blank consent cell never erases a recorded consent
            if getattr(p, k) != new:
                changes.append(k)
        if "child_ids" in r.values:
            have = tuple(sorted(c.external_id for c in p.children.all()))
            if have != tuple(sorted(r.values["child_ids"])):
                changes.append("child_ids")
        r.changes = changes
        r.action = "update" if changes else "unchanged"
    rep.errors.sort(key=lambda e: e.line)
    return existing


def _clean(p: Person, line: int) -> None:
    """Model validation as a last guard; the row checks above should already have caught it."""
    try:
        p.full_clean(exclude=["children"], validate_unique=False)
    except ValidationError as e:
        field, msgs = next(iter(e.message_dict.items()))
        raise ImportRefused(f"line {line}, {field}: {' '.join(msgs)}; nothing was imported",
                            line=line, field=field) from None


def import_people(school: School, file: Any, mapping: dict[str, str] | str | None = None,
                  user: Any = None, *, commit: bool = True, encoding: str = "auto",
                  default_role: str = "pupil", leavers_left_on: dt.date | None = None
                  ) -> ImportReport:
    """Import a roster CSV into ``school``: all rows, or (on any error) none.

    ``mapping`` is None (detect SIMS/Arbor/Bromcom/people.csv from the headings), a format
    name, or ``{target field: heading}``. With ``commit=False`` it is a preview. People
    missing from the file are kept; columns not in the file leave stored values alone.
    With ``leavers_left_on`` (a whole-school pupil export), current pupils missing from the
    file get that leaving date instead, so they count as past pupils from then on.
    Raises ImportRefused when asked to commit a file with errors.
    """
    rep = parse_roster(_read_file(file), mapping=mapping, encoding=encoding,
                       default_role=default_role)
    rep.left_on = leavers_left_on
    if rep.errors:
        if commit:
            raise ImportRefused(f"{len(rep.errors)} problem(s) in the file; nothing was imported. "
                                f"First: {rep.errors[0]}", line=rep.errors[0].line or None)
        return rep
    if not commit:
        _plan(school, rep)
        return rep
    with transaction.atomic():
        existing = _plan(school, rep, lock=True)
        if rep.errors:
            raise ImportRefused(f"{len(rep.errors)} problem(s) in the file; nothing was imported. "
                                f"First: {rep.errors[0]}", line=rep.errors[0].line)
        by_id = dict(existing)
        consent_log: list[ConsentChange] = []
        who = user if _is_user(user) else None
        for r in rep.rows:
            v = r.values
            p = by_id.get(v["external_id"])
            if r.action == "create":
                p = Person(school=school, external_id=v["external_id"])
                for k in _COMPARED:
                    if k in v:
                        setattr(p, k, v[k])
                _clean(p, r.line)
                p.save()
                by_id[p.external_id] = p
                for k in CONSENT_FIELDS:
                    if v.get(k) is not None:
                        consent_log.append(ConsentChange(person=p, field=k, old=None, new=v[k],
                                                         changed_by=who, source="import"))
            elif r.action == "update":
                for k in r.changes:
                    if k == "child_ids":
                        continue
                    if k in CONSENT_FIELDS:
                        consent_log.append(ConsentChange(person=p, field=k, old=getattr(p, k),
                                                         new=v[k], changed_by=who, source="import"))
                    setattr(p, k, v[k])
                _clean(p, r.line)
                p.save()
        for r in rep.rows:
            if "child_ids" in r.values and (r.action == "create" or "child_ids" in r.changes):
                by_id[r.values["external_id"]].children.set(
                    [by_id[c] for c in r.values["child_ids"]])
        ConsentChange.objects.bulk_create(consent_log)
        if rep.left_on and rep.leavers:
            Person.objects.filter(pk__in=[p.pk for p in rep.leavers]).update(left_on=rep.left_on)
        rep.committed = True
    return rep


def batch_report(batch: ImportBatch, *, commit: bool = False, user: Any = None) -> ImportReport:
    """Preview (or commit) a stored upload with its chosen mapping."""
    from django.utils import timezone

    return import_people(batch.school, bytes(batch.content), batch.mapping or None, user,
                         commit=commit, encoding=batch.encoding, default_role=batch.default_role,
                         leavers_left_on=timezone.localdate() if batch.mark_leavers else None)
