"""pupil-in-school (2.3): pupils should not use social networking sites in school unless a
teacher directs it for an educational purpose.

A current pupil posting on a social platform counts as "in school" when the post is
timed inside a lesson on a term day, or during the school day (break, lunch) with the
context or the text placing them on site. Text alone ("in maths rn") is enough when the
time is unknown or within the school day; it never overrides an evening or weekend time.
Teacher direction (``context.teacher_directed``, the event, or the text saying a teacher
set the post) clears it; "miss said we could use the iPads for research but I'm on
YouTube" does not.
"""

from __future__ import annotations

import re

from socialguard.analysis.detectors._facts import (
    describe_time, is_approved_channel, local, teacher_directed,
)
from socialguard.analysis.detectors.base import CheckInput, Detector
from socialguard.analysis.finding import Finding

# Being at school, in a lesson or on site, in the pupil's own words.
_IN_LESSON = re.compile(
    r"\b(?:in (?:class|lesson|assembly|registration|form(?: time)?|tutor(?: time)?|the (?:hall|classroom)|"
    r"(?:maths|math|english|science|geography|history|french|spanish|german|pe|re|ict|computing|art|music|"
    r"drama|dt|pshe|biology|chemistry|physics)(?: class| lesson)?)(?: rn| right now| atm)?|"
    r"(?:during|from|at the back of|from the back of|back of the (?:hall|class)) (?:the )?"
    r"(?:lesson|class|assembly|hall|maths|english|science)|"
    r"(?:this|my|the|our) (?:lesson|class) is|"
    r"snap from (?:the back of )?(?:the )?(?:hall|assembly|class)|"
    r"(?:bored|posting|sat|sitting|scrolling) (?:in|under) (?:\w+ ){0,2}"
    r"(?:class|lesson|assembly|desk|table|ict|maths|english|science)|"
    r"under the (?:desk|table)|"
    r"(?:sir|miss|mrs|mr|ms|teacher)\b[^.!?\n]{0,30}\b(?:not notice|no (?:clue|idea)|not looking|asleep|doesn'?t care|"
    r"doesn'?t know|hasn'?t noticed)|"
    r"(?:not notice|no clue)[^.!?\n]{0,20}\b(?:phone|this)|"
    r"(?:dont|don'?t) tell (?:sir|miss|mrs|mr|ms)\b|"
    r"(?:with|got) a (?:cover|supply) teacher|(?:cover|supply) teacher\b[^.!?\n]{0,20}(?:chaos|doesn'?t care|lol)|"
    r"\bperiod ?[1-6]\b|"
    r"hiding my phone|on my phone in|phone back off (?:sir|miss)|"
    r"posting from the (?:toilets?|loos?|canteen|playground|classroom|corridor)|"
    r"(?:art|science|maths|english|music|pe|drama|computing) (?:class|lesson) vibes|"
    r"\b\w+ class vibes|year \d+ (?:\w+ )?(?:lesson|class))(?![a-z])",
    re.I)
_ON_SITE = re.compile(
    r"\b(?:(?:at|in|from) (?:the )?(?:school|canteen|dinner hall|lunch hall|playground|field|library|toilets?|loos?)|"
    r"(?:at|during) (?:lunch|break|breaktime|lunchtime|dinner)(?:time)?|lunch crew|break time|"
    r"(?:toilet|canteen|playground|classroom|corridor) (?:selfie|pic|snap|video)|"
    r"sneaky (?:pic|snap|video)|the school photographer is here)(?![a-z])",
    re.I)


class PupilInSchoolDetector(Detector):
    rule = "pupil-in-school"

    def detect(self, inp: CheckInput) -> list[Finding]:
        post, school = inp.post, inp.school
        if post.author.role != "pupil" or is_approved_channel(inp):
            return []
        person = inp.author_person
        if person is not None and not person.is_current_pupil(inp.day):
            return []
        text = inp.text.folded
        if teacher_directed(inp):
            return []
        in_lesson_cue = _IN_LESSON.search(text.text)
        on_site_cue = _ON_SITE.search(text.text)
        cue = in_lesson_cue or on_site_cue
        span = text.span(cue.start(), cue.end()) if cue else None
        when = local(inp)
        on_site = post.context.get("on_school_site")
        if on_site is False:  # the context says they were not at school (ill, at home)
            return []

        if when is not None and school is not None and school.lesson_times:
            if not school.in_term(when.date()):
                return []
            if school.in_lesson(post.posted_at):
                return [self._finding(inp, 0.9 if cue or on_site else 0.8, span,
                                      f"posted {describe_time(school, post.posted_at)}, in a lesson")]
            if school.in_school_day(post.posted_at) and (on_site is True or cue):
                return [self._finding(inp, 0.8, span,
                                      f"posted {describe_time(school, post.posted_at)}, on site in the school day")]
            return []
        # No usable time: only the pupil's own words (or the context) put them in school.
        if in_lesson_cue or (on_site is True and on_site_cue):
            return [self._finding(inp, 0.6, span, None)]
        return []

    def _finding(self, inp: CheckInput, confidence: float, span: tuple[int, int] | None,
                 when: str | None) -> Finding:
        msg = "A pupil is using social media in school without a teacher's direction"
        msg += f" ({when})." if when else "."
        kw = {} if span else {"evidence": when}
        return self.finding(inp, confidence=confidence, message=msg, span=span, **kw)
