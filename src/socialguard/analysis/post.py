"""Posts and school contexts, validated once at the boundary (``from_dict``, ``load_context``).

Inside the engine these types are trusted: detectors never re-check a field.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import warnings
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import yaml

from socialguard.errors import ContextError, PostError

AUTHOR_ROLES = ("staff", "governor", "trustee", "pupil", "parent", "family", "public")
PERSON_ROLES = ("pupil", "staff", "governor", "trustee", "parent")
ACCOUNTS = ("official", "personal")
PLATFORMS = (
    "facebook", "facebook-group-moderated", "x", "instagram", "tiktok", "youtube",
    "linkedin", "snapchat", "whatsapp", "classdojo", "tapestry", "other",
)
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
PEOPLE_HEADER = (
    "id", "role", "first_name", "last_name", "preferred_name", "date_of_birth",
    "year_group", "left_on", "photo_consent", "name_consent", "child_ids",
)
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
MAX_TEXT_CHARS = 2_000_000  # a post of 2 M characters is an attack or a mistake, not a post


# ---------------------------------------------------------------- dates and times

_DMY = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")


def parse_date(value: Any, *, field_name: str, **where: Any) -> dt.date | None:
    """ISO (2026-11-24) or UK day-first (24/11/2026); blank is None."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    s = str(value).strip()
    try:
        return dt.date.fromisoformat(s)
    except ValueError:
        pass
    m = _DMY.match(s)
    if m:
        try:
            return dt.date(int(m[3]), int(m[2]), int(m[1]))
        except ValueError:
            pass
    raise ContextError(
        f"{field_name} must be a date like 2026-11-24 or 24/11/2026; got {s!r}",
        field=field_name, **where,
    )


def parse_time(value: Any) -> dt.datetime | None:
    """An ISO 8601 time; a naive one is taken as UTC. Raises ValueError."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        t = value
    else:
        s = str(value).strip()
        if s.endswith("Z") or s.endswith("z"):
            s = s[:-1] + "+00:00"
        t = dt.datetime.fromisoformat(s)
    if t.tzinfo is None:
        t = t.replace(tzinfo=dt.timezone.utc)
    return t


def _yes_no(value: Any, *, field_name: str, **where: Any) -> bool | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        return value
    s = str(value).strip().lower()
    if s in ("yes", "y", "true", "1"):
        return True
    if s in ("no", "n", "false", "0"):
        return False
    raise ContextError(f"{field_name} must be yes or no; got {value!r}", field=field_name, **where)


# ---------------------------------------------------------------- people

@dataclass(frozen=True)
class Person:
    id: str
    role: str
    first_name: str
    last_name: str
    preferred_name: str = ""
    date_of_birth: dt.date | None = None
    year_group: str = ""
    left_on: dt.date | None = None
    photo_consent: bool | None = None
    name_consent: bool | None = None
    child_ids: tuple[str, ...] = ()

    @property
    def known_as(self) -> str:
        return self.preferred_name or self.first_name

    @property
    def full_name(self) -> str:
        return f"{self.known_as} {self.last_name}".strip()

    def age_on(self, day: dt.date) -> int | None:
        if self.date_of_birth is None:
            return None
        b = self.date_of_birth
        return day.year - b.year - ((day.month, day.day) < (b.month, b.day))

    def is_current_pupil(self, day: dt.date) -> bool:
        return self.role == "pupil" and (self.left_on is None or self.left_on > day)

    def is_past_pupil(self, day: dt.date) -> bool:
        return self.role == "pupil" and self.left_on is not None and self.left_on <= day


def read_text_file(path: Path, *, encoding: str | None = None) -> str:
    """Read a text file as UTF-8 (BOM allowed); non-UTF-8 bytes give an error naming the line."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ContextError("file not found", file=str(path)) from None
    except IsADirectoryError:
        raise ContextError("is a folder, expected a file", file=str(path)) from None
    except OSError as e:
        raise ContextError(f"cannot read: {e.strerror}", file=str(path)) from None
    if encoding:
        try:
            return raw.decode(encoding)
        except (LookupError, UnicodeDecodeError) as e:
            raise ContextError(f"cannot decode as {encoding}: {e}", file=str(path)) from None
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):  # Excel's "Unicode text" is UTF-16
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError:
            raise ContextError("starts like UTF-16 but is not; save it as UTF-8",
                               file=str(path)) from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = raw[: e.start].count(b"\n") + 1
        raise ContextError(
            f"not UTF-8 (byte 0x{raw[e.start]:02x}); save it as UTF-8, or pass --encoding cp1252 "
            "for a Windows export",
            file=str(path), line=line,
        ) from None


def parse_people_csv(text: str, *, source: str = "people.csv") -> list[Person]:
    reader = csv.reader(io.StringIO(text))
    try:
        header = [h.strip().lower() for h in next(reader)]
    except StopIteration:
        raise ContextError("empty file; expected a header line: " + ",".join(PEOPLE_HEADER),
                           file=source, line=1) from None
    missing = [h for h in ("id", "role", "first_name", "last_name") if h not in header]
    if missing:
        raise ContextError(
            f"header lacks {', '.join(missing)}; expected: {','.join(PEOPLE_HEADER)}",
            file=source, line=1, field=missing[0],
        )
    people: list[Person] = []
    seen: dict[str, int] = {}
    for lineno, row in enumerate(reader, start=2):
        if not any(c.strip() for c in row):
            continue
        if len(row) > len(header):
            raise ContextError(f"{len(row)} columns, header has {len(header)}", file=source, line=lineno)
        rec = dict(zip(header, (c.strip() for c in row)))
        where = {"file": source, "line": lineno}
        pid = rec.get("id", "")
        if not pid:
            raise ContextError("id is empty", field="id", **where)
        if pid in seen:
            raise ContextError(f"duplicate id {pid!r} (first on line {seen[pid]})", field="id", **where)
        seen[pid] = lineno
        role = rec.get("role", "").lower()
        if role not in PERSON_ROLES:
            raise ContextError(f"role must be one of {', '.join(PERSON_ROLES)}; got {role!r}",
                               field="role", **where)
        if not rec.get("first_name"):
            raise ContextError("first_name is empty", field="first_name", **where)
        people.append(Person(
            id=pid, role=role,
            first_name=rec.get("first_name", ""), last_name=rec.get("last_name", ""),
            preferred_name=rec.get("preferred_name", ""),
            date_of_birth=parse_date(rec.get("date_of_birth"), field_name="date_of_birth", **where),
            year_group=rec.get("year_group", ""),
            left_on=parse_date(rec.get("left_on"), field_name="left_on", **where),
            photo_consent=_yes_no(rec.get("photo_consent"), field_name="photo_consent", **where),
            name_consent=_yes_no(rec.get("name_consent"), field_name="name_consent", **where),
            child_ids=tuple(c.strip() for c in rec.get("child_ids", "").split(";") if c.strip()),
        ))
    return people


# ---------------------------------------------------------------- the school

_SPAN = re.compile(r"^\s*(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})\s*$")


@dataclass
class SchoolContext:
    """A school's facts: names, timetable, channels, accounts and its people."""

    name: str
    aliases: list[str] = field(default_factory=list)
    trust: str = ""
    timezone: str = "Europe/London"
    lesson_times: dict[str, list[tuple[dt.time, dt.time]]] = field(default_factory=dict)
    term_dates: list[tuple[dt.date, dt.date]] = field(default_factory=list)
    approved_channels: list[str] = field(default_factory=list)
    alternative_channels: list[str] = field(default_factory=list)
    official_accounts: list[str] = field(default_factory=list)
    office_phone: str = ""
    office_email: str = ""
    min_platform_age: int = 13
    people: list[Person] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)

    @cached_property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    @cached_property
    def by_id(self) -> dict[str, Person]:
        return {p.id: p for p in self.people}

    def people_with_role(self, *roles: str) -> list[Person]:
        return [p for p in self.people if p.role in roles]

    @cached_property
    def pupils(self) -> list[Person]:
        return self.people_with_role("pupil")

    def find_person(self, name: str | None, roles: tuple[str, ...] = PERSON_ROLES) -> Person | None:
        """The roster row whose full or known-as name is ``name`` (case-insensitive)."""
        if not name:
            return None
        by_role = self._name_index.get(" ".join(name.lower().split()), {})
        return next((by_role[r] for r in roles if r in by_role), None)

    @cached_property
    def _name_index(self) -> dict[str, dict[str, Person]]:
        idx: dict[str, dict[str, Person]] = {}
        for p in self.people:
            for n in {p.full_name, f"{p.first_name} {p.last_name}"}:
                idx.setdefault(" ".join(n.lower().split()), {}).setdefault(p.role, p)
        return idx

    def in_term(self, day: dt.date) -> bool:
        if not self.term_dates:
            return True
        return any(a <= day <= b for a, b in self.term_dates)

    def in_lesson(self, when: dt.datetime) -> bool:
        """Whether ``when`` falls inside a lesson, in the school's own time zone."""
        local = when.astimezone(self.tz)
        if not self.in_term(local.date()):
            return False
        spans = self.lesson_times.get(WEEKDAYS[local.weekday()], [])
        t = local.time()
        return any(a <= t < b for a, b in spans)

    def in_school_day(self, when: dt.datetime) -> bool:
        """From the first lesson's start to the last lesson's end on a term day."""
        local = when.astimezone(self.tz)
        if not self.in_term(local.date()):
            return False
        spans = self.lesson_times.get(WEEKDAYS[local.weekday()], [])
        return bool(spans) and spans[0][0] <= local.time() < spans[-1][1]

    @classmethod
    def from_dict(cls, data: Any, *, source: str = "school.yaml",
                  people: list[Person] | None = None) -> "SchoolContext":
        if not isinstance(data, dict):
            raise ContextError("must be a YAML mapping of settings (name:, timezone:, ...)", file=source)
        if not data.get("name"):
            raise ContextError("name is required", file=source, field="name")
        known = set(cls.__dataclass_fields__) - {"people", "extra"}
        extra = {k: v for k, v in data.items() if k not in known}
        for k in extra:
            if k not in ("age_range",):
                warnings.warn(f"{source}: unknown key {k!r} ignored", stacklevel=2)
        tzname = str(data.get("timezone") or "Europe/London")
        try:
            ZoneInfo(tzname)
        except (ZoneInfoNotFoundError, ValueError):
            raise ContextError(f"unknown time zone {tzname!r}; use e.g. Europe/London",
                               file=source, field="timezone") from None
        lessons: dict[str, list[tuple[dt.time, dt.time]]] = {}
        for day, spans in (data.get("lesson_times") or {}).items():
            dname = str(day).lower()
            if dname not in WEEKDAYS:
                raise ContextError(f"lesson_times has {day!r}; use weekday names like monday",
                                   file=source, field="lesson_times")
            parsed = []
            for s in spans or []:
                m = _SPAN.match(str(s))
                if not m:
                    raise ContextError(f"lesson time {s!r} must look like 08:50-10:20",
                                       file=source, field=f"lesson_times.{dname}")
                try:
                    a = dt.time(int(m[1]), int(m[2]))
                    b = dt.time(int(m[3]), int(m[4]))
                except ValueError:
                    raise ContextError(f"lesson time {s!r} is not a real time",
                                       file=source, field=f"lesson_times.{dname}") from None
                if b <= a:
                    raise ContextError(f"lesson time {s!r} ends before it starts",
                                       file=source, field=f"lesson_times.{dname}")
                parsed.append((a, b))
            lessons[dname] = sorted(parsed)
        terms = []
        for i, pair in enumerate(data.get("term_dates") or []):
            if not isinstance(pair, (list, tuple)) or len(pair) != 2:
                raise ContextError("each term must be [start, end]", file=source, field=f"term_dates[{i}]")
            a = parse_date(pair[0], field_name=f"term_dates[{i}]", file=source)
            b = parse_date(pair[1], field_name=f"term_dates[{i}]", file=source)
            terms.append((a, b))

        def str_list(key: str) -> list[str]:
            v = data.get(key) or []
            if isinstance(v, str):
                v = [v]
            if not isinstance(v, list):
                raise ContextError(f"{key} must be a list", file=source, field=key)
            return [str(x) for x in v]

        try:
            min_age = int(data.get("min_platform_age", 13))
        except (TypeError, ValueError):
            raise ContextError("min_platform_age must be a whole number", file=source,
                               field="min_platform_age") from None
        return cls(
            name=str(data["name"]), aliases=str_list("aliases"), trust=str(data.get("trust") or ""),
            timezone=tzname, lesson_times=lessons, term_dates=terms,
            approved_channels=[c.lower() for c in str_list("approved_channels")],
            alternative_channels=[c.lower() for c in str_list("alternative_channels")],
            official_accounts=str_list("official_accounts"),
            office_phone=str(data.get("office_phone") or ""),
            office_email=str(data.get("office_email") or ""),
            min_platform_age=min_age, people=list(people or []), extra=extra,
        )


def load_context(folder: str | Path, *, encoding: str | None = None) -> SchoolContext:
    """Load a school context folder: ``school.yaml`` and (optionally) ``people.csv``."""
    folder = Path(folder)
    if not folder.is_dir():
        raise ContextError("context folder not found (it should hold school.yaml and people.csv)",
                           file=str(folder))
    yml = folder / "school.yaml"
    text = read_text_file(yml, encoding=encoding)
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        raise ContextError(f"not valid YAML: {getattr(e, 'problem', e)}", file=str(yml),
                           line=mark.line + 1 if mark else None) from None
    people_path = folder / "people.csv"
    people = (parse_people_csv(read_text_file(people_path, encoding=encoding), source=str(people_path))
              if people_path.exists() else [])
    return SchoolContext.from_dict(data, source=str(yml), people=people)


# ---------------------------------------------------------------- posts

@dataclass(frozen=True)
class Author:
    role: str | None = None
    name: str | None = None
    handle: str | None = None


@dataclass
class Post:
    id: str
    text: str
    images: list[str] = field(default_factory=list)
    author: Author = field(default_factory=Author)
    account: str | None = None
    platform: str | None = None
    posted_at: dt.datetime | None = None
    context: dict[str, Any] = field(default_factory=dict)
    interaction: dict[str, Any] = field(default_factory=dict)
    base_dir: Path | None = None

    @property
    def is_official(self) -> bool:
        return self.account == "official"

    @classmethod
    def from_dict(cls, data: Any, *, base_dir: Path | None = None) -> "Post":
        if not isinstance(data, dict):
            raise PostError(f"a post must be a JSON object; got {type(data).__name__}")
        pid = data.get("id")
        if pid is None or (isinstance(pid, str) and not pid.strip()):
            raise PostError("id is required", field="id")
        if not isinstance(pid, (str, int)):
            raise PostError("id must be a string", field="id")
        text = data.get("text")
        if text is None:
            raise PostError("text is required (use \"\" for an image-only post)", field="text")
        if not isinstance(text, str):
            raise PostError(f"text must be a string; got {type(text).__name__}", field="text")
        # A JSON "\ud83d" without its pair decodes to a lone surrogate, which no encoder
        # (UTF-8 output, the tokenizer) accepts; one replacement character keeps offsets.
        text = _LONE_SURROGATE.sub("\ufffd", text)
        if len(text) > MAX_TEXT_CHARS:
            raise PostError(f"text has {len(text):,} characters; the limit is {MAX_TEXT_CHARS:,}",
                            field="text")
        images = data.get("images") or []
        if isinstance(images, str):
            images = [images]
        if not isinstance(images, list) or not all(isinstance(i, str) for i in images):
            raise PostError("images must be a list of file paths", field="images")
        a = data.get("author") or {}
        if isinstance(a, str):
            a = {"name": a}
        if not isinstance(a, dict):
            raise PostError("author must be an object like {\"role\": \"staff\"}", field="author")
        role = a.get("role")
        role = str(role).strip().lower() if role else None
        if role == "carer":
            role = "parent"
        if role is not None and role not in AUTHOR_ROLES:
            raise PostError(f"author.role must be one of {', '.join(AUTHOR_ROLES)}; got {role!r}",
                            field="author.role")
        account = data.get("account")
        account = str(account).strip().lower() if account else None
        if account is not None and account not in ACCOUNTS:
            raise PostError(f"account must be official or personal; got {account!r}", field="account")
        platform = data.get("platform")
        platform = str(platform).strip().lower() if platform else None
        if platform == "twitter":
            platform = "x"
        if platform is not None and platform not in PLATFORMS:
            platform = "other"
        try:
            posted_at = parse_time(data.get("posted_at"))
        except (ValueError, TypeError):
            raise PostError(
                f"posted_at must be an ISO 8601 time like 2026-11-24T10:15:00Z; got {data.get('posted_at')!r}",
                field="posted_at") from None
        ctx = data.get("context")
        ctx = {} if ctx is None else ctx
        inter = data.get("interaction")
        inter = {} if inter is None else inter
        if not isinstance(ctx, dict):
            raise PostError("context must be an object", field="context")
        if not isinstance(inter, dict):
            raise PostError("interaction must be an object", field="interaction")
        shared = ctx.get("shared_elsewhere")
        if isinstance(shared, str):
            ctx = {**ctx, "shared_elsewhere": [shared]}
        return cls(
            id=str(pid), text=text, images=list(images),
            author=Author(role=role, name=(str(a["name"]) if a.get("name") else None),
                          handle=(str(a["handle"]) if a.get("handle") else None)),
            account=account, platform=platform, posted_at=posted_at,
            context=dict(ctx), interaction=dict(inter), base_dir=base_dir,
        )

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"id": self.id, "text": self.text}
        if self.images:
            d["images"] = self.images
        a = {k: v for k, v in (("role", self.author.role), ("name", self.author.name),
                               ("handle", self.author.handle)) if v}
        if a:
            d["author"] = a
        for k in ("account", "platform"):
            if getattr(self, k):
                d[k] = getattr(self, k)
        if self.posted_at:
            d["posted_at"] = self.posted_at.isoformat().replace("+00:00", "Z")
        if self.context:
            d["context"] = self.context
        if self.interaction:
            d["interaction"] = self.interaction
        return d
