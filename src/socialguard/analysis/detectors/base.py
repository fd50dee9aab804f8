"""The detector interface and the per-post input every detector shares."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, ClassVar

from socialguard.analysis.finding import Finding
from socialguard.analysis.post import Post, SchoolContext
from socialguard.analysis.text import PostText


@dataclass
class CheckInput:
    """A post with its school, and views of it computed once and shared by detectors."""

    post: Post
    school: SchoolContext | None
    cache: dict[str, Any] = field(default_factory=dict)
    #: the rules the engine was asked for (None: all); detectors that run others honour it
    rules: frozenset[str] | None = None

    @cached_property
    def text(self) -> PostText:
        return PostText(self.post.text)

    @cached_property
    def day(self) -> dt.date:
        """The post's date in the school's time zone (today when the post has no time)."""
        when = self.post.posted_at
        if when is None:
            return dt.date.today()
        return when.astimezone(self.school.tz).date() if self.school else when.date()

    @cached_property
    def author_person(self):
        """The roster row of the author, when the author's name is on the roster."""
        if self.school is None or not self.post.author.name:
            return None
        role = self.post.author.role
        roles = ("parent",) if role == "family" else (role,) if role in (
            "pupil", "staff", "governor", "trustee", "parent") else ()
        return self.school.find_person(self.post.author.name, roles) if roles else None


class Detector:
    """Finds breaches of one rule. Subclasses set ``rule`` and implement ``detect``.

    ``detect`` returns findings with evidence and confidence; clause, default severity,
    message and remedy come from the policy unless the detector has a better one.
    ``prepare`` lets a detector do batch work (e.g. embeddings) for many posts at once.
    """

    rule: ClassVar[str] = ""
    #: a detector whose findings carry other rules' ids (text in images) runs whatever
    #: rules are asked for, and keeps only those
    serves_all_rules: ClassVar[bool] = False
    #: lower runs first; detectors whose findings others read (names) go early
    order: ClassVar[int] = 100

    def prepare(self, inputs: list[CheckInput]) -> None:  # noqa: B027 - optional hook
        """Batch work before ``detect`` is called on each input."""

    def detect(self, inp: CheckInput) -> list[Finding]:
        raise NotImplementedError

    def finding(self, inp: CheckInput, *, confidence: float, message: str,
                span: tuple[int, int] | None = None, **kw: Any) -> Finding:
        """A finding of this detector's rule, with evidence cut from the original text."""
        start, end = span if span else (None, None)
        evidence = kw.pop("evidence", None)
        if evidence is None and span is not None:
            evidence = inp.post.text[start:end]
        return Finding(rule=self.rule, confidence=confidence, message=message,
                       start=start, end=end, evidence=evidence, **kw)
