"""``check(post, school) -> Result``: run the detectors, then let the policy decide.

Orchestration only: detectors find, the policy sets clause, severity, message and remedy.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from itertools import islice

from socialguard.analysis.detectors.base import CheckInput, Detector
from socialguard.analysis.finding import Finding, Result
from socialguard.analysis.post import Post, SchoolContext
from socialguard.analysis.registry import build_detectors
from socialguard.policy import Policy, load_policy

log = logging.getLogger(__name__)


class Engine:
    """Detectors and a policy, built once and reused for many posts."""

    def __init__(self, policy: Policy | None = None, *, rules: set[str] | None = None,
                 detectors: list[Detector] | None = None) -> None:
        self.policy = policy or load_policy()
        self.rules = frozenset(rules) if rules is not None else None
        self.detectors = detectors if detectors is not None else build_detectors(rules)

    def check(self, post: Post, school: SchoolContext | None = None) -> Result:
        return next(self.check_many([post], school))

    def check_many(self, posts: Iterable[Post], school: SchoolContext | None = None,
                   *, batch_size: int = 64) -> Iterator[Result]:
        """Results in input order; posts are read lazily, ``batch_size`` at a time."""
        it = iter(posts)
        while chunk := list(islice(it, batch_size)):
            inputs = [CheckInput(p, school, rules=self.rules) for p in chunk]
            for det in self.detectors:
                try:
                    det.prepare(inputs)
                except Exception:  # a bug in one detector must not stop a scan
                    log.exception("detector %s failed in prepare", type(det).__name__)
                    # one bad post must not cost the rest of its batch their checks
                    for inp in inputs:
                        try:
                            det.prepare([inp])
                        except Exception:
                            log.warning("detector %s failed in prepare on post %s",
                                        type(det).__name__, inp.post.id)
            for inp in inputs:
                yield self._run(inp)

    def _run(self, inp: CheckInput) -> Result:
        findings: list[Finding] = []
        for det in self.detectors:
            try:
                found = det.detect(inp)
            except Exception:
                log.exception("detector %s failed on post %s", type(det).__name__, inp.post.id)
                continue
            inp.cache.setdefault("findings", []).extend(found)
            findings.extend(found)
        kept = [f for f in (self.policy.apply(f, inp.post) for f in _dedupe(findings)) if f]
        kept.sort(key=lambda f: (f.start is None, f.start or 0, f.rule))
        return Result(id=inp.post.id, findings=kept)


def _dedupe(findings: list[Finding]) -> list[Finding]:
    """One finding per rule and overlapping span, the most confident kept."""
    out: list[Finding] = []
    by_rule: dict[str, list[Finding]] = {}
    for f in sorted(findings, key=lambda f: -f.confidence):
        kept = by_rule.setdefault(f.rule, [])
        if f.start is None:
            clash = any(g.start is None and g.evidence == f.evidence for g in kept)
        else:
            clash = any(g.start is not None and f.start < g.end and g.start < f.end for g in kept)
        if not clash:
            kept.append(f)
            out.append(f)
    return out


_default: Engine | None = None


def default_engine() -> Engine:
    global _default
    if _default is None:
        _default = Engine()
    return _default


def check(post: Post | dict, school: SchoolContext | None = None) -> Result:
    """Check one post (a ``Post`` or its contract dict) with the bundled policy."""
    if isinstance(post, dict):
        post = Post.from_dict(post)
    return default_engine().check(post, school)


def check_many(posts: Iterable[Post], school: SchoolContext | None = None) -> Iterator[Result]:
    return default_engine().check_many(posts, school)
