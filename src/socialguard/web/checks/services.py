"""Run a check for the web: build the post, call the engine with the school's current
context from the database, and log the run. No analysis happens here."""

from __future__ import annotations

import hashlib
import logging
import tempfile
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from socialguard.analysis.pipeline import Engine, default_engine
from socialguard.errors import SocialguardError
from socialguard.analysis.post import Post, SchoolContext
from socialguard.web.checks.models import CheckFinding, CheckRun

log = logging.getLogger(__name__)
STAFF_ROLES = frozenset({"trust_exec", "head", "dsl", "comms", "teacher"})
IMAGE_TYPES = {"image/jpeg": ".jpg", "image/png": ".png", "image/webp": ".webp", "image/gif": ".gif"}
MAX_IMAGES = 4
_CONTEXTS_LOCK = threading.Lock()


def visible_runs(user: Any, school: Any, roles: frozenset[str] | set[str]):
    """The school's check runs this user may read: every one for leaders, DSL and comms,
    else only their own."""
    from socialguard.web.checks.roles import LOG_READERS

    runs = CheckRun.objects.filter(school=school)
    return runs if roles & LOG_READERS else runs.filter(user=user)


def engine() -> Engine:
    """The shared engine with the bundled policy."""
    return default_engine()


# (policy version pk, hash of its YAML) -> an engine with that policy and the shared detectors
_ENGINES: OrderedDict[tuple[int, int], Engine] = OrderedDict()


def engine_for(school: Any) -> Engine:
    """The engine with the policy the school's trust has approved (the bundled one if none):
    a trust that changes a severity in its policy sees it in the very next check."""
    from socialguard.web.policies.services import current_version

    version = current_version(getattr(school, "trust", None))
    if version is None:
        return engine()
    key = (version.pk, hash(version.yaml_text))
    with _CONTEXTS_LOCK:
        hit = _ENGINES.get(key)
    if hit is not None:
        return hit
    try:
        policy = version.policy()
    except SocialguardError:
        log.exception("approved policy version %s does not load; using the bundled policy", version.pk)
        return engine()
    built = Engine(policy=policy, detectors=engine().detectors)
    with _CONTEXTS_LOCK:
        _ENGINES[key] = built
        while len(_ENGINES) > 8:
            _ENGINES.popitem(last=False)
    return built


def author_role_for(roles: set[str]) -> str:
    """The contract's author role for a user with these school roles."""
    if roles & STAFF_ROLES:
        return "staff"
    if "governor" in roles:
        return "governor"
    if "parent" in roles:
        return "parent"
    return "public"


@dataclass(frozen=True)
class Upload:
    name: str
    content_type: str
    data: bytes

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()

    @property
    def safe_name(self) -> str:
        stem = "".join(c if c.isalnum() or c in "-_" else "_" for c in Path(self.name).stem)[:60]
        return (stem or "image") + IMAGE_TYPES[self.content_type]


def read_images(files: list[Any]) -> list[Upload]:
    """Uploaded files checked for count, size and type (by content, not by name)."""
    from PIL import Image, UnidentifiedImageError

    if len(files) > MAX_IMAGES:
        raise ValidationError(f"attach at most {MAX_IMAGES} images", code="too_many")
    limit = settings.SG_MAX_UPLOAD_BYTES
    out = []
    for f in files:
        if f.size > limit:
            raise ValidationError("%(name)s is %(size)d bytes; the limit is %(limit)d",
                                  code="too_big", params={"name": f.name, "size": f.size, "limit": limit})
        data = f.read()
        try:
            import io
            with Image.open(io.BytesIO(data)) as im:
                im.verify()
                fmt = (im.format or "").upper()
        except (UnidentifiedImageError, Image.DecompressionBombError, OSError, SyntaxError, ValueError):
            raise ValidationError("%(name)s is not an image (JPEG, PNG, WebP or GIF)",
                                  code="not_image", params={"name": f.name}) from None
        ctype = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp", "GIF": "image/gif"}.get(fmt)
        if ctype is None:
            raise ValidationError("%(name)s is a %(fmt)s image; use JPEG, PNG, WebP or GIF",
                                  code="bad_type", params={"name": f.name, "fmt": fmt or "unknown"})
        out.append(Upload(f.name, ctype, data))
    return out


def build_post(*, text: str, account: str = "", handle: str = "", platform: str = "",
               author_role: str = "", author_name: str = "", posted_at: Any = None,
               image_names: list[str] | None = None, extra: dict | None = None) -> Post:
    """The contract post for a check (raises PostError for bad fields)."""
    data: dict[str, Any] = {"id": "check", "text": text}
    author = {k: v for k, v in (("role", author_role), ("name", author_name), ("handle", handle)) if v}
    if author:
        data["author"] = author
    if account:
        data["account"] = account
    if platform:
        data["platform"] = platform
    data["posted_at"] = (posted_at or timezone.now()).isoformat()
    if image_names:
        data["images"] = image_names
    data.update(extra or {})
    return Post.from_dict(data)


# school pk -> (fingerprint of its data, the context built from it). Detectors keep their
# indexes (roster names, nicknames) on the context object, so reusing it while the data is
# unchanged saves rebuilding them on every check (~90 ms for a 600-pupil roster).
_CONTEXTS: OrderedDict[int, tuple[int, SchoolContext]] = OrderedDict()
_CONTEXTS_MAX = 32
_PERSON_FIELDS = ("id", "external_id", "role", "first_name", "last_name", "preferred_name", "dob",
                  "year_group", "left_on", "photo_consent", "name_consent")


def _fingerprint(school: Any) -> int:
    """A hash of everything the context is built from, read now (so a consent change made by
    any process is seen by the very next check)."""
    from socialguard.web.schools.models import Person
    from socialguard.web.schools.services import school_to_dict

    rows = tuple(Person.objects.filter(school=school).order_by("id").values_list(*_PERSON_FIELDS))
    kids = tuple(Person.children.through.objects.filter(from_person__school=school)
                 .order_by("from_person_id", "to_person_id").values_list("from_person_id", "to_person_id"))
    return hash((repr(school_to_dict(school)), rows, kids))


def school_context(school: Any) -> SchoolContext:
    """``schools.services.context_for(school)``, reused while the school's data is unchanged."""
    from socialguard.web.schools.services import context_for

    fp = _fingerprint(school)
    with _CONTEXTS_LOCK:
        hit = _CONTEXTS.get(school.pk)
        if hit is not None and hit[0] == fp:
            _CONTEXTS.move_to_end(school.pk)
            return hit[1]
    ctx = context_for(school)
    with _CONTEXTS_LOCK:
        _CONTEXTS[school.pk] = (fp, ctx)
        while len(_CONTEXTS) > _CONTEXTS_MAX:
            _CONTEXTS.popitem(last=False)
    return ctx


def run_check(*, school: Any, user: Any, post: Post, images: list[Upload] = (),
              source: str = "web", handle: str = "") -> CheckRun:
    """Check ``post`` against ``school``'s context as it is now, and log the run."""
    ctx = school_context(school)
    eng = engine_for(school)
    t0 = time.perf_counter()
    if images:
        with tempfile.TemporaryDirectory(prefix="sg-check-") as tmp:
            names = []
            for i, up in enumerate(images):
                name = f"{i}-{up.safe_name}"
                (Path(tmp) / name).write_bytes(up.data)
                names.append(name)
            post.images = names
            post.base_dir = Path(tmp)
            result = eng.check(post, ctx)
    else:
        result = eng.check(post, ctx)
    ms = (time.perf_counter() - t0) * 1000
    with transaction.atomic():
        run = CheckRun.objects.create(
            school=school, user=user if getattr(user, "is_authenticated", False) else None,
            source=source, account=post.account or "", handle=_nul_free(handle or post.author.handle or "")[:200],
            platform=post.platform or "", author_role=post.author.role or "", text=_nul_free(post.text),
            image_count=len(images), decision=result.decision, duration_ms=ms)
        CheckFinding.objects.bulk_create([
            CheckFinding(run=run, index=i, rule=f.rule, clause=f.clause or "",
                         severity=f.severity or "review", confidence=float(f.confidence),
                         start=f.start, end=f.end, evidence=_nul_free(f.evidence),
                         message=_nul_free(f.message or ""), remedy=_nul_free(f.remedy or ""),
                         detail=_jsonable(f.detail))
            for i, f in enumerate(result.findings)])
    return run


def _nul_free(s: str | None) -> str | None:
    """PostgreSQL text cannot hold NUL; U+FFFD keeps the length, so offsets stay true."""
    return s.replace("\x00", "\ufffd") if s else s


def _jsonable(detail: dict) -> dict:
    import json
    return json.loads(json.dumps(detail or {}, default=str).replace("\\u0000", "\\ufffd"))
