"""API shapes. The check endpoint takes the contract's post JSON and returns its Result."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from ninja import Schema
from pydantic import ConfigDict, Field


class Err(Schema):
    error: str = Field(description="What is wrong, in one line")
    detail: list[dict[str, Any]] | None = Field(None, description="Per-field problems (422)")


class AuthorIn(Schema):
    model_config = ConfigDict(extra="allow")
    role: str | None = None
    name: str | None = None
    handle: str | None = None


class PostIn(Schema):
    """A post as in the contract; only ``id`` and ``text`` are required, unknown fields are ignored.

    ``images`` are file paths in the contract; the API does not read files, so they are
    not checked here (use the Check page to check images)."""

    model_config = ConfigDict(extra="allow")
    id: str | int = Field(..., examples=["p1"])
    text: str = Field(..., max_length=2_000_000, examples=["Call me on 07700 900123"])
    images: list[str] | None = None
    author: AuthorIn | None = None
    account: str | None = Field(None, examples=["official"])
    platform: str | None = Field(None, examples=["facebook"])
    posted_at: str | None = Field(None, examples=["2026-11-24T10:15:00Z"])
    context: dict[str, Any] | None = None
    interaction: dict[str, Any] | None = None


class FindingOut(Schema):
    id: int | None = Field(None, description="The stored finding's id (to override it on a draft)")
    rule: str
    clause: str | None
    severity: Literal["block", "review", "advice"]
    confidence: float
    start: int | None
    end: int | None
    evidence: str | None
    message: str
    remedy: str | None
    detail: dict[str, Any] | None = None


class ResultOut(Schema):
    """The contract's Result, plus the id of the logged check run."""

    id: str
    decision: Literal["allow", "review", "block"]
    findings: list[FindingOut]
    check_run: int


class CheckRunOut(Schema):
    id: int
    school: str
    user: str | None
    source: str
    account: str
    handle: str
    platform: str
    decision: str
    duration_ms: float
    created_at: dt.datetime
    text: str
    findings: list[FindingOut]


class FindingRowOut(FindingOut):
    id: int
    check_run: int
    school: str
    created_at: dt.datetime


class DraftOut(Schema):
    id: int
    school: str
    title: str
    handle: str
    platform: str
    status: str
    author: str
    version: int
    text: str
    decision: str
    findings: list[FindingOut]
    created_at: dt.datetime
    updated_at: dt.datetime
    submitted_at: dt.datetime | None


class ApprovalOut(Schema):
    id: int
    draft: int
    version: int
    step: int
    step_name: str
    approver: str
    decision: str
    reason: str
    created_at: dt.datetime
    expires_at: dt.datetime
    valid: bool


class MeOut(Schema):
    username: str
    name: str
    schools: dict[str, list[str]]


class ImportErrorOut(Schema):
    line: int
    field: str
    reason: str


class ImportOut(Schema):
    committed: bool
    format: str | None
    encoding: str
    rows: int
    created: int
    updated: int
    unchanged: int
    errors: list[ImportErrorOut]
    warnings: list[str]
    summary: str


class DraftIn(Schema):
    school: str = Field(..., pattern=r"^[-a-zA-Z0-9_]{1,80}$")
    handle: str = Field(..., min_length=1, max_length=200, description="one of the school's official accounts")
    platform: Literal["facebook", "facebook-group-moderated", "x", "instagram", "tiktok", "youtube",
                      "linkedin", "snapchat", "whatsapp", "classdojo", "tapestry", "other"]
    text: str = Field(..., min_length=1, max_length=20_000)
    title: str = Field("", max_length=120)


class ReviseIn(Schema):
    text: str = Field(..., min_length=1, max_length=20_000)


class ReasonIn(Schema):
    reason: str = Field(..., min_length=10, max_length=2000, pattern=r"\S")


class NoteIn(Schema):
    reason: str = Field("", max_length=2000)


class OverrideIn(ReasonIn):
    finding: int = Field(..., ge=1, le=2**62)
