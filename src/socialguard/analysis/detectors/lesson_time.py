"""lesson-time (2.1): staff must not use social networking sites for personal use within
lesson times.

Decided from facts only: the author is staff, the account is personal, the channel is
not one of the school's approved ones, and ``posted_at`` (converted to the school's
time zone) falls inside a lesson on a term day. What the post says does not matter:
"it's PPA" or "I don't teach" is for the reviewer, so the finding is review.
"""

from __future__ import annotations

from socialguard.analysis.detectors._facts import describe_time, is_approved_channel, is_official
from socialguard.analysis.detectors.base import CheckInput, Detector
from socialguard.analysis.finding import Finding


class LessonTimeDetector(Detector):
    rule = "lesson-time"

    def detect(self, inp: CheckInput) -> list[Finding]:
        post, school = inp.post, inp.school
        if school is None or post.posted_at is None or post.author.role != "staff":
            return []
        if is_official(inp) or is_approved_channel(inp):
            return []
        if not school.lesson_times or not school.in_lesson(post.posted_at):
            return []
        when = describe_time(school, post.posted_at)
        # An unknown account kind is probably personal (official posts say so), but less sure.
        confidence = 0.95 if post.account == "personal" else 0.7
        return [self.finding(
            inp, confidence=confidence,
            message=f"A staff member posted on a personal account during a lesson: posted {when}.",
            evidence=f"posted {when}",
            detail={"local_time": post.posted_at.astimezone(school.tz).isoformat()},
        )]
