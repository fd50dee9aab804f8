"""confidential (1.5): confidential or sensitive school material.

Exclusions and suspensions, SEN/EHCP details, safeguarding and CP matters, LADO, staff HR
and pay, inspection outcomes before publication, exam papers, named pupils' results.
Review, not block, when no pupil or member of staff is identifiable.
"""

from __future__ import annotations

import re

from socialguard.analysis.detectors.base import CheckInput
from socialguard.analysis.finding import Finding
from socialguard.analysis.harms import HarmDetector, hits_in, national_policy, targets

_TOPICS = (
    ("an exclusion or suspension", ("exclusion", "exclusions", "excluded", "exclude", "suspension",
                                    "suspended", "managed move", "pru", "reduced timetable",
                                    "part-time timetable", "panel")),
    ("special educational needs (SEN/EHCP) details", ("ehcp", "ehc plan", "sen", "senco", "send",
                                                       "iep", "adhd", "autism", "diagnosis",
                                                       "diagnosed", "dyslexia", "camhs", "medication")),
    ("a safeguarding or child-protection matter", ("safeguarding", "child protection", "cp plan",
                                                    "referral", "referrals", "social services",
                                                    "children's services", "childrens services",
                                                    "social worker", "lado", "looked after", "foster",
                                                    "in care", "self harm", "self-harm", "self harms")),
    ("staff HR or pay", ("disciplinary", "capability", "sickness", "sick note", "signed off", "hr",
                         "grievance", "salary", "salaries", "pay scale", "pay rise", "m1", "m2", "m3",
                         "m4", "m5", "m6", "ups1", "ups2", "ups3", "ups", "tlr", "redundancy",
                         "redundancies", "appraisal", "investigation", "investigated", "tribunal",
                         "resigned", "sacked", "dismissed")),
    ("an inspection outcome or school information before publication",
     ("draft report", "ofsted", "inspection", "inspectors", "embargo", "before publication",
      "not published", "not been published", "deficit", "budget", "finance", "minutes",
      "confidential")),
    ("exam papers or pupils' results", ("exam paper", "test paper", "sats paper", "results", "scores")),
)


# Terms that are confidential whenever a reader can tell who they are about.
_STRONG = {"lado", "social services", "children's services", "childrens services", "cp plan",
           "child protection", "ehcp", "ehc plan", "excluded", "exclusion", "exclusions", "suspended",
           "suspension", "referral", "referrals", "disciplinary", "capability", "draft report",
           "reduced timetable", "part-time timetable", "managed move", "social worker", "camhs"}
_TITLED = re.compile(r"\b(?:Mr|Mrs|Miss|Ms|Mx|Dr)\.?\s+[A-Z][a-z'\-]+")
_FAMILY = re.compile(r"\bthe [A-Z][a-z]+ (?:kid|boy|girl|lad|family|twins)\b|'s (?:mum|dad|husband|wife)\b")


class ConfidentialDetector(HarmDetector):
    rule = "confidential"

    def vetoed(self, inp: CheckInput, p: float) -> bool:
        # labelling conventions: praise, and criticism of national policy, are not confidential
        return p < 0.75 and national_policy(inp)

    def floor(self, inp: CheckInput, p: float, thr: float) -> list[Finding]:
        """An exclusion, referral, LADO or EHCP matter about someone a reader can identify."""
        if p >= thr or inp.post.is_official:
            return []
        strong = [h for h in hits_in(inp, "confidential") if h[2] in _STRONG]
        text = inp.post.text
        if not strong or not (targets(inp) or _TITLED.search(text) or _FAMILY.search(text)):
            return []
        a, b, term, _ = strong[0]
        from socialguard.analysis.models.harm_model import sentences
        span = next(((x, y) for x, y in sentences(text) if x <= a < y), (a, b))
        topic = next((name for name, words in _TOPICS if term in words), "confidential school information")
        return [self.finding(inp, confidence=max(p, 0.55), span=span, detail={"topic": topic},
                             message=f"This appears to publish confidential or sensitive material about "
                                     f"an identifiable person: {topic}.")]

    def make(self, inp: CheckInput, p: float, span: tuple[int, int] | None) -> Finding | None:
        terms = {t for _, _, t, _ in hits_in(inp, "confidential")
                 if span is None or True}
        topic = next((name for name, words in _TOPICS if terms & set(words)),
                     "confidential school information")
        people = targets(inp)
        severity = None
        if not any(m.person.role in ("pupil", "staff") for m in people) and p < 0.8:
            severity = "review"  # nobody identifiable; it may already be public
        detail = {"topic": topic}
        msg = f"This appears to publish confidential or sensitive material: {topic}."
        return self.finding(inp, confidence=p, message=msg, span=span, severity=severity,
                            detail=detail)
