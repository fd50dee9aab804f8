"""Errors a user can act on. Library code raises them; the shells (CLI, web) show them.

Each carries where the problem is (file, line, field) so the message can say it in one line.
"""

from __future__ import annotations


class SocialguardError(Exception):
    """A problem with the user's input or configuration, never a bug of ours."""

    def __init__(
        self,
        message: str,
        *,
        hint: str | None = None,
        file: str | None = None,
        line: int | None = None,
        field: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.file = file
        self.line = line
        self.field = field

    def where(self) -> str:
        parts = []
        if self.file:
            parts.append(str(self.file) + (f":{self.line}" if self.line else ""))
        elif self.line:
            parts.append(f"line {self.line}")
        if self.field:
            parts.append(f"field '{self.field}'")
        return ": ".join(parts)

    def __str__(self) -> str:
        where = self.where()
        return f"{where}: {self.message}" if where else self.message


class PolicyError(SocialguardError):
    """The policy file is missing, malformed or inconsistent."""


class ContextError(SocialguardError):
    """The school context folder (school.yaml, people.csv) is missing or malformed."""


class PostError(SocialguardError):
    """A post cannot be read."""
