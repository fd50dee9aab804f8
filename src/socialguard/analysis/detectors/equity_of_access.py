"""equity-of-access (1.4): information or opportunities must not be offered exclusively on
social media; staff use alternative means of communication as well.

Only official posts are in scope (the school speaking). A post is a finding when it
offers something to act on (a booking, a place, tickets, a form, a deadline, a closure)
and nothing shows another route: ``context.shared_elsewhere`` names no alternative
channel (the school's ``alternative_channels`` or the usual e-mail, letter, website, text
message, app) and the text mentions none ("letters home today", "on our website").
Wording that makes social media the only way in ("first 15 to comment", "DM this page
to claim", "link in our bio", "ONLY here") is a finding on its own. Celebration and news
with nothing to act on are not.
"""

from __future__ import annotations

import re

from socialguard.analysis.detectors._facts import is_education_platform, is_official
from socialguard.analysis.detectors.base import CheckInput, Detector
from socialguard.analysis.finding import Finding

GENERAL_ALTERNATIVES = frozenset({
    "email", "e-mail", "letter", "letters", "website", "web", "text-message", "text", "sms",
    "app", "parent-app", "school-app", "newsletter", "phone", "telephone", "office", "paper",
    "post", "parentmail", "school-comms", "noticeboard", "classdojo", "tapestry",
})
_SOCIAL_WORDS = {"facebook", "instagram", "x", "twitter", "tiktok", "youtube", "snapchat", "whatsapp",
                 "linkedin", "messenger", "facebook-group-moderated", "social", "social-media"}

_SOCIAL = r"(?:facebook|fb|instagram|insta|tiktok|twitter|x|snapchat|youtube|whatsapp|messenger)"
_PLACE = (r"(?:(?:this|our|the) (?:facebook |instagram |tiktok |twitter |x )?(?:post|page|story|stories|group|feed|"
          r"poll|bio|comments|event|tweet|thread|channel|account)|here|" + _SOCIAL + r")")
# Social media as the only way in.
_EXCLUSIVE = re.compile(
    r"\bonly (?:be )?(?:available |bookable |posted |posting |shared |sharing |confirm(?:ed)? [^.!?\n]{0,60}?)?"
    r"(?:through|via|on|in|from|using|by) " + _PLACE +
    r"|\b(?:will|we'?ll) only (?:be )?(?:post|posting|posted|share|sharing|shared|confirm|announce|update)\w*"
    r"[^.!?\n]{0,60}?\b(?:here|on " + _SOCIAL + r"|in this group)"
    r"|\b" + _PLACE + r" only\b"
    r"|\bhere only\b|\bonly here\b"
    r"|\bthe only (?:way|place|link|route)\b[^.!?\n]{0,60}"
    r"|\bthis is the only place\b[^.!?\n]{0,30}"
    r"|\b(?:the )?first (?:\d+ )?(?:\w+ )?(?:to (?:comment|reply|like|share|message|dm|respond)|"
    r"who (?:comment|reply|message|respond))"
    r"|\b(?:comment|reply|respond|message us|dm us)(?: with|')?[^.!?\n]{0,25}?(?:below |here )?"
    r"to (?:claim|reserve|book|enter|get|win|register|sign up|bag|apply|put your name down)"
    r"|\bcomment (?:below )?with how many"
    r"|\blike (?:and|&) share (?:this post )?to (?:enter|be entered|win)"
    r"|\b(?:dm|message|pm|inbox) (?:us|this page|the page|me)\b[^.!?\n]{0,40}?(?:to (?:claim|book|apply|reserve|get)|"
    r"your child'?s|with your)"
    r"|\b(?:apply|book|register|sign up|enter|claim|vote|reserve|order) (?:\w+ ){0,3}?(?:by|via) (?:messaging|dm'?ing|"
    r"commenting|replying)"
    r"|\b(?:just )?reply to this (?:tweet|post)"
    r"|\b(?:via|through|using|in|with) (?:the |a )?(?:link|form|google form)s? "
    r"in (?:our |the )?(?:bio|comments|story)"
    r"|\blink in (?:our )?bio\b"
    r"|\b(?:via|through|on) (?:facebook |fb )?messenger\b"
    r"|\b(?:vote|book|sign up|apply|register) (?:\w+ ){0,4}(?:in|on|via) our "
    r"(?:facebook|instagram|twitter|tiktok) (?:poll|post|page|story)",
    re.I)
# Something to act on, a time limit or a change to plans.
_OFFER = re.compile(
    r"\b(?:booking|bookings|book (?:now|your|a|online|early|places?|tickets?|slots?|in)|sign[- ]?ups?|sign up|"
    r"apply|applications? (?:open|close)|tickets?|places? (?:available|left|remaining|are limited)|"
    r"limited (?:places|spaces|numbers)|"
    r"only \d+ (?:places|spaces|tickets|slots)|"
    r"spaces|slots?|deadline|closes|closing date|consent (?:form|link)s?|(?:return|complete|fill in) the form|"
    r"register (?:now|your|by|for)|registration|vote|voting|raffle|prize draw|vouchers?|"
    r"free (?:\w+ )?(?:places?|tickets?|meals?|uniform|breakfast|vouchers?)|grants?|claim|reserve|"
    r"(?:places|spaces) are limited|(?:school|we) (?:is |are |will be )?closed|closure|closing (?:early|at)|"
    r"cancell?ed|postponed|"
    r"change (?:to|of) (?:pick[- ]up|drop[- ]off|the timetable|plan)|pick[- ]up arrangements|"
    r"parents'? evening|open (?:evening|day|morning)s?|auditions?|trials?|deposits? (?:are |is )?due|payments? due)\b",
    re.I)
# Thanks and congratulations look back at an event; they offer nothing to act on.
_LOOKING_BACK = re.compile(
    r"^\W*(?:a )?(?:big |huge |massive )?(?:thank|thanks|well done|congrat|what a|lovely|great|brilliant|fantastic|"
    r"amazing|proud)|\b(?:last night|yesterday|last week|came to|went to|took part|winning|won)\b", re.I)
# The text itself points to another route.
_ALT_IN_TEXT = re.compile(
    r"\b(?:e-?mail(?:ed|s)?|letters? (?:home|sent|went|going|to (?:all|every|families|parents))|letter went home|"
    r"(?:by|in|via) (?:letter|post|text|sms|e-?mail)|text (?:message|sent)|texted|sent by text|"
    r"(?:on|via|from) (?:our|the) (?:school )?(?:website|app|portal|newsletter)|website|newsletter|"
    r"paper (?:cop(?:y|ies)|slip|form)s?|(?:from|at|call|ring|contact|phone) the (?:school )?office|"
    r"parentmail|parent ?app|school app|reading records?|book bags?|in bags|sent home|went home|"
    r"01\d{3} ?\d{3} ?\d{3}|\w+@\w+\.)",
    re.I)


def _alternative(channel: str, school_alts: set[str]) -> bool:
    c = channel.strip().lower().replace(" ", "-").replace("_", "-")
    if c in _SOCIAL_WORDS:
        return False
    return c in school_alts or c in GENERAL_ALTERNATIVES or any(
        w in c for w in ("mail", "letter", "web", "text", "sms", "app", "paper", "phone"))


class EquityOfAccessDetector(Detector):
    rule = "equity-of-access"

    def detect(self, inp: CheckInput) -> list[Finding]:
        post = inp.post
        if not is_official(inp) or is_education_platform(inp):
            return []
        school_alts = set(inp.school.alternative_channels) if inp.school else set()
        shared = post.context.get("shared_elsewhere") or []
        if not isinstance(shared, list):
            shared = [shared]
        if any(_alternative(str(c), school_alts) for c in shared):
            return []
        text = inp.text.folded
        if _ALT_IN_TEXT.search(text.text):
            return []
        m = _EXCLUSIVE.search(text.text)
        if m:
            return [self.finding(
                inp, confidence=0.9, span=_trim(inp, text.span(m.start(), m.end())),
                message="This is offered only through social media; families who don't use it will miss it.")]
        m = _OFFER.search(text.text)
        if m and not _LOOKING_BACK.search(text.text[:m.start()].rsplit(".", 1)[-1] + m.group()):
            return [self.finding(
                inp, confidence=0.6, span=_sentence(inp, text.span(m.start(), m.end())),
                message="This offers information or an opportunity and no other channel is recorded "
                        "(shared_elsewhere is empty); families not on social media will miss it.")]
        return []


def _trim(inp: CheckInput, span: tuple[int, int]) -> tuple[int, int]:
    a, b = span
    t = inp.post.text
    while b > a and t[b - 1] in " ,;:-\u2014":
        b -= 1
    return a, b


def _sentence(inp: CheckInput, span: tuple[int, int]) -> tuple[int, int]:
    """Widen a cue word to its sentence, so the evidence reads as the offer."""
    t = inp.post.text
    a, b = span
    while a > 0 and t[a - 1] not in ".!?\n":
        a -= 1
    while b < len(t) and t[b] not in ".!?\n":
        b += 1
    while a < b and t[a].isspace():
        a += 1
    return a, b
