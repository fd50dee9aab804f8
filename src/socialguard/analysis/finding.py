"""What a detector says about a post, and the decision drawn from all of it."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

SEVERITIES = ("advice", "review", "block")
_RANK = {s: i for i, s in enumerate(SEVERITIES)}


def worst(severities: list[str]) -> str | None:
    return max(severities, key=_RANK.__getitem__) if severities else None


@dataclass
class Finding:
    """One breach (or likely breach) of one clause, with the evidence for it.

    ``start``/``end`` are code-point offsets into the post's original text, or None when
    the finding is about an image, the time, the account or the interaction.
    ``severity`` None means "the policy's default for this rule and audience": the
    pipeline fills it in, so a trust's policy file decides, not the detector.
    """

    rule: str
    confidence: float
    message: str
    start: int | None = None
    end: int | None = None
    evidence: str | None = None
    severity: str | None = None
    clause: str | None = None
    remedy: str | None = None
    detail: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        d = {
            "rule": self.rule,
            "clause": self.clause,
            "severity": self.severity,
            "confidence": round(float(self.confidence), 3),
            "start": self.start,
            "end": self.end,
            "evidence": self.evidence,
            "message": self.message,
            "remedy": self.remedy,
        }
        if self.detail:
            d["detail"] = self.detail
        return d


@dataclass
class Result:
    """The contract's output for one post."""

    id: str
    findings: list[Finding] = field(default_factory=list)
    error: str | None = None

    @property
    def decision(self) -> str:
        sev = worst([f.severity or "review" for f in self.findings])
        if sev == "block":
            return "block"
        if sev == "review":
            return "review"
        return "allow"

    @property
    def rules(self) -> list[str]:
        return sorted({f.rule for f in self.findings})

    def to_dict(self) -> dict[str, Any]:
        if self.error is not None:
            return {"id": self.id, "error": self.error}
        return {"id": self.id, "decision": self.decision,
                "findings": [f.to_dict() for f in self.findings]}


__all__ = ["Finding", "Result", "SEVERITIES", "worst", "asdict"]
