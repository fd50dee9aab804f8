"""personal-data (clause 1.5, GDPR): contact details, addresses, dates of birth, pupil,
National Insurance and NHS numbers, and health details about a named person.

Each kind of identifier is one small finder below; each finding says what was found and
the remedy for that kind. Numbers are checked (UPN check letter, NHS mod-11, NI prefix
rules), so a random string of digits is not reported.

Not findings: the school's own office number or e-mail, organisations' numbers (national
helplines, freephone, 03 and 08 numbers), someone offering their own number or address
("call me on ..."), health in general terms, and a parent talking about their own child.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from collections.abc import Iterator
from itertools import islice
from dataclasses import dataclass

import phonenumbers
from phonenumbers import Leniency, PhoneNumberMatcher
from stdnum.gb import nhs as _nhs
from stdnum.gb import upn as _upn

from socialguard.analysis.detectors.base import CheckInput, Detector
from socialguard.analysis.finding import Finding
from socialguard.analysis.names import Mention, own_children, roster_mentions

# Short numbers and helplines that belong to services, not people. Freephone (080x),
# 03 and 08 numbers are organisational by range, so only the odd ones need listing.
_SERVICE_NUMBERS = frozenset({
    "8001111",        # Childline 0800 1111
    "8088005000",     # NSPCC helpline
    "116123",         # Samaritans
    "116111",         # Childline (EU short form)
    "116000",
    "116006",
    "116117",
})

_MANY_DIGITS = re.compile(r"\d(?:[\s().\-+/]{0,3}\d){5,}")  # a phone number has 6+ digits
_DIGIT_RUN = re.compile(r"[+(]?\d[\d \t().\-/]*\d")


def _phone_matches(text: str) -> Iterator:
    """PhoneNumberMatcher over each run of digits (plus a little context), not the whole text:
    the same answers, in time linear in the text even for a post of a million digits."""
    for run in _DIGIT_RUN.finditer(text):
        if sum(c.isdigit() for c in run.group()) < 6:
            continue
        pieces = [(run.start(), run.end())]
        if run.end() - run.start() > 60:  # pathological: cut at spaces into short pieces
            pieces, a = [], run.start()
            for sp in re.finditer(r"\s+", run.group()):
                b = run.start() + sp.start()
                if b - a > 30:
                    pieces.append((a, b))
                    a = run.start() + sp.end()
            pieces.append((a, run.end()))
        for a, b in pieces:
            lo = max(0, a - 4)  # "+44", "(0" and word edges just before the run
            for m in PhoneNumberMatcher(text[lo:b], "GB", leniency=Leniency.POSSIBLE):
                m.start += lo
                m.end += lo
                yield m


_OWN_OFFER = re.compile(
    r"\b(?:call|ring|phone|text|message|msg|whats\s?app|contact|reach|dm|email|e-mail|mail)\s+me\b"
    r"|\bmy\s+(?:own\s+|personal\s+|mobile\s+|work\s+)?(?:number|mobile|phone|no\.?|e-?mail|address|email address)\b"
    r"|\bme\s+on\b|\bi'?m\s+on\b",
    re.I)
_SCHOOL_LINE_CUE = re.compile(r"\b(?:office|reception|school|call us|ring us|phone us|contact us|tel|telephone)\b",
                              re.I)
# staff speaking to pupils: "Year 7s", "my tutor group", "for revision"
_PUPIL_AUDIENCE = re.compile(r"\b(?:year\s?\d{1,2}s?|y\d{1,2}s?|pupils|students|my class|tutor group|form group|"
                             r"revision|homework help|any of you kids)\b", re.I)
_OWN_AFTER = re.compile(r"\W{0,3}(?:my|mine|me)\b", re.I)  # "07700 900123 (my mobile)"
_THIRD_PARTY = re.compile(
    r"\b(?:his|her|their|hers)\s+(?:own\s+|personal\s+|private\s+|mobile\s+|home\s+)?"
    r"(?:number|mobile|phone|no\.?|e-?mail|address|email address)\b"
    r"|\b(?:contact|call|ring|text|email|e-mail|message)\s+(?:him|her|them)\b",
    re.I)

_EMAIL = re.compile(
    r"(?<![\w.+-])[a-z0-9][a-z0-9._%+-]*"
    r"(?:@|\s*[\[(]\s*at\s*[\])]\s*)"
    r"[a-z0-9-]+(?:(?:\.|\s*[\[(]\s*dot\s*[\])]\s*)[a-z0-9-]+)*(?:\.|\s*[\[(]\s*dot\s*[\])]\s*)[a-z]{2,}\b",
    re.I)
_SPOKEN_EMAIL = re.compile(
    r"(?<![a-z0-9._-])[a-z0-9][a-z0-9._-]*\s+at\s+(?:gmail|googlemail|hotmail|yahoo|outlook|icloud|live|btinternet|aol|"
    r"sky|ymail|protonmail|mail)\s+dot\s+(?:com|net|co\s+dot\s+uk|co\.uk|org)\b", re.I)
_ROLE_MAILBOX = frozenset({
    "office", "admin", "enquiries", "enquiry", "info", "head", "headteacher", "bursar", "dsl",
    "safeguarding", "senco", "sendco", "reception", "contact", "hello", "support", "help",
    "admissions", "pta", "finance", "hr", "governors", "clerk", "attendance", "accounts",
    "school", "noreply", "no-reply", "press", "media", "comms", "communications",
})
_INSTITUTION_DOMAIN = re.compile(r"(?:\.sch\.uk|\.gov\.uk|\.nhs\.uk|\.nhs\.net|\.ac\.uk|\.police\.uk)$")

# UK postcodes, including GIR 0AA and BFPO numbers.
_POSTCODE = re.compile(
    r"(?<![a-z0-9])(?:gir ?0aa|bfpo ?\d{1,4}|"
    r"(?:[a-pr-uwyz](?:\d[a-hjkps-uw0-9]?|[a-hk-y]\d[abehmnprv-y0-9]?)) ?\d[abd-hjlnp-uw-z]{2})(?![a-z0-9])")
_PLATE = re.compile(r"(?<![A-Za-z0-9])[A-Z]{2}\d{2} ?[A-Z]{3}(?![A-Za-z0-9])")

_STREET_SUFFIX = (
    r"(?:(?i:road|street|avenue|lane|close|drive|way|crescent|court|place|gardens|grove|terrace|"
    r"walk|row|square|hill|rise|mews|park|green|parade|meadows?|chase|fields|vale|wharf|yard|"
    r"end|gate|wynd|croft|common|hollow|view|approach)"
    r"|(?:Rd|St|Ave|Ln|Cl|Dr|Cres|Ct|Pl|Gdns|Sq)\.?(?!\s+[A-Z]))")
_ADDRESS = re.compile(
    r"(?<![\w£$.,:/])(?:(?i:flat|apartment|apt|unit)\s+\d+[a-z]?,?\s+)?\d{1,4}[a-z]?,?\s+"
    r"(?:[A-Z][a-z'’]+\s+){1,3}" + _STREET_SUFFIX + r"\b"
    r"(?:\s+(?:East|West|North|South|Upper|Lower)\b)?")
_PERSON_PRONOUN = re.compile(r"\b(?:he|she|him|her|his|hers|he's|she's)\b", re.I)
_NAMED_BEFORE = re.compile(r"[A-Z][a-z'’-]+\s+[A-Z][a-z'’-]+(?:['’]s)?\s*(?:at|,|:|-|lives at)?\s*$")
_FLAT = re.compile(r"\b(?:flat|apartment|apt)\s+\d{1,3}[a-z]?\b", re.I)
_LIVES = re.compile(
    r"\b(?:lives|living|live|staying|moved)\s+(?:at|on|in)\s+(?:the\s+)?"
    r"(?:\d{1,4}[a-z]?\s+)?(?:[A-Z][a-z'’]+\s+){1,3}" + _STREET_SUFFIX + r"\b")
_ADDRESS_CUE = re.compile(r"\b(?:lives|living|moved|moving|address|house|home|door|knock|round to)\b", re.I)

# Dates: 02/11/2010, 30.04.22, 2 November 2010, Nov 2nd 2010, 2010-11-02
_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
          r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")
_DATE = re.compile(
    r"(?<!\d)(?:\d{1,2}[/.\-]\d{1,2}[/.\-](?:\d{4}|\d{2})"
    r"|\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r"\.?,?\s+\d{4}"
    r"|" + _MONTH + r"\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}"
    r"|\d{4}-\d{2}-\d{2})(?!\d)", re.I)
_BIRTH_CUE = re.compile(
    r"\b(?:born|d\.?\s?o\.?\s?b\.?|date of birth|birth ?date|birthday|b'?day|bday)\b", re.I)
_BORN_CUE = re.compile(r"\b(?:born|d\.?\s?o\.?\s?b\.?|date of birth|birth ?date)\b", re.I)
_MONTHS = {m: i for i, ms in enumerate(
    [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",), ("jun", "june"),
     ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"), ("oct", "october"),
     ("nov", "november"), ("dec", "december")], start=1) for m in ms}


def _parse_date(s: str) -> dt.date | None:
    """A date as written in a post (day first, as in the UK); None when it is not a real date."""
    s = s.lower().replace(",", " ").replace(".", " ") if not re.match(r"^\d", s) else s.lower()
    nums = [int(x) for x in re.findall(r"\d+", s)]
    try:
        if re.match(r"^\d{4}-\d{2}-\d{2}$", s):
            return dt.date(nums[0], nums[1], nums[2])
        word = next((v for k, v in _MONTHS.items() if re.search(rf"\b{k}\b", s)), None)
        if word is not None:
            day = next(n for n in nums if n <= 31)
            year = next(n for n in nums if n > 31)
            return dt.date(year, word, day)
        d, mth, y = nums[0], nums[1], nums[2]
        if y < 100:
            y += 2000 if y <= dt.date.today().year % 100 else 1900
        return dt.date(y, mth, d)
    except (ValueError, IndexError, StopIteration):
        return None


_DATA_LIST = re.compile(
    r"\b(?:names|dobs|d\.o\.b\.?s|dates of birth|addresses|phone numbers|emergency (?:contacts?|numbers)|"
    r"medical (?:info|information|needs|details)|contact details)\b[^.!?\n]{0,60}?"
    r"\b(?:attached|below|in the comments|spreadsheet|list|screenshot)\b"
    r"|\b(?:attached|here'?s|heres)\b[^.!?\n]{0,30}\b(?:dobs|dates of birth|addresses|emergency numbers)\b",
    re.I)

_DATA_HINT = re.compile(r"dobs|d\.o\.b|dates of birth|addresses|phone numbers|emergency|medical|contact details")
_OWN_CHILD_BEFORE = re.compile(
    r"\b(?:my|our)\s+(?:\w+\s+)?(?:son|daughter|child|boy|girl|lad|kid|baby|little one|youngest|eldest|"
    r"dad|mum|mom|mam|father|mother|husband|wife|partner|nan|nana|gran|grandma|grandad|grandpa|"
    r"brother|sister|twins?)\b"
    r"|\b(?:i was|i'm|i am)\s+born\b", re.I)
_UPN = re.compile(r"(?<![a-z0-9])[a-z]\d{11}[a-z0-9](?![a-z0-9])", re.I)
_NINO = re.compile(
    r"(?<![a-z0-9])((?!bg|gb|kn|nk|nt|tn|zz)(?:qq|[a-ceghj-pr-tw-z][a-ceghj-npr-tw-z]))"
    r"[ -]?(\d{2})[ -]?(\d{2})[ -]?(\d{2})[ -]?([a-d])(?![a-z0-9])", re.I)
_NI_CUE = re.compile(r"\b(?:ni|nino|n\.i\.|national insurance)\b", re.I)
_NHS = re.compile(r"(?<![\d+])(\d{3})[ -]?(\d{3})[ -]?(\d{4})(?!\d)")
_NHS_CUE = re.compile(r"\bnhs\b", re.I)

# Health details. Minor everyday illness (a bug, a cold) is not listed on purpose.
_HEALTH = re.compile(
    r"\b(?:diagnos(?:ed|is)|autis(?:m|tic)|adhd|asd\b|dyslexi[ac]|dyspraxi[ac]|epilep(?:sy|tic)|"
    r"seizures?|diabet(?:es|ic)|type 1|anaphyla(?:xis|ctic)|epi-?pen|allerg(?:y|ies|ic) to|"
    r"self[- ]?harm(?:s|ing|ed)?|suicid(?:e|al)|depress(?:ion|ed)|anxiety|eating disorder|anorexi[ac]|"
    r"bulimi[ac]|ocd\b|bipolar|schizophreni[ac]|cancer|chemo(?:therapy)?|leukaemia|tumou?r|"
    r"cerebral palsy|down'?s syndrome|tourette'?s?|selective mutism|mutism|hearing aids?|deaf|"
    r"pregnan(?:t|cy)|miscarri(?:age|ed)|mental health|nervous breakdown|on medication|medication|"
    r"meds|inhaler|hiv|sectioned|wets (?:him|her|them)self|soil(?:s|ed) (?:him|her)self|"
    r"incontinen(?:t|ce)|off with stress|signed off (?:sick|with|for|work)|long[- ]term sick|sick leave|stress(?:ed)? leave|"
    r"terminal(?:ly ill)?|rehab|addict(?:ion|ed)?|alcoholic|asthma(?:tic)?|(?:nut |peanut |severe )?allerg(?:y|ies)|"
    r"heart condition|heart problem|stroke|dementia|multiple sclerosis|crohn'?s|coeliac|celiac|"
    r"dyscalculi[ac]|global developmental delay|learning disabilit(?:y|ies)|speech (?:and language )?therapy|"
    r"occupational therapy|physio(?:therapy)?|camhs|counselling|therapist|wheelchair|visually impaired|"
    r"hearing impaired|blind in|bed-?wetting|wets the bed|wet the bed|pull-?ups|overdosed?|ptsd|"
    r"panic attacks?|antidepressants?|ritalin|melatonin|insulin|ivf|(?:in|rushed to|taken to) hospital|"
    r"hospitali[sz]ed|(?:had|having|needs|needed) (?:an |his |her |their )?(?:operation|surgery))\b",
    re.I)
_HEALTH_TOPIC = re.compile(
    r"\s*(?:awareness|acceptance|week|month|day|uk|society|charity|trust|team|nurse|nurses|service|services|"
    r"training|workshop|talk|assembly|research|support group|specialist|clinic|friendly|lead)\b", re.I)
# Cheap substring test before the regex above (most posts mention no health at all)
_HEALTH_STEMS = (
    "diagnos", "autis", "adhd", "asd", "dyslex", "dyspra", "epilep", "seizure", "diabet", "type 1",
    "anaphyla", "epi", "allerg", "harm", "suicid", "depress", "anxiety", "eating dis", "anorex", "bulim",
    "ocd", "bipolar", "schizo", "cancer", "chemo", "leuk", "tumo", "palsy", "syndrome", "tourette",
    "mutism", "hearing aid", "deaf", "pregnan", "miscarr", "mental", "breakdown", "medication", "meds",
    "inhaler", "hiv", "sectioned", "wets", "soil", "incontin", "stress", "signed off", "sick", "terminal",
    "rehab", "addict", "alcoholic", "asthma", "heart", "stroke", "dementia", "sclerosis", "crohn", "coeliac",
    "celiac", "dyscalc", "developmental", "disabilit", "therap", "physio", "camhs", "counselling",
    "wheelchair", "impaired", "blind", "bed", "pull", "overdose", "ptsd", "panic", "ritalin", "melatonin",
    "insulin", "ivf", "hospital", "operation", "surgery")
# Who a health detail can be about, when no roster name is there.
_ROLE_PERSON = re.compile(
    r"\b(?i:(?:the|our|my|their|your)\s+(?:new\s+)?(?:head(?:teacher| teacher)?|deputy(?: head)?|caretaker|"
    r"site manager|senco|business manager|office manager|dinner lady|lunchtime supervisor|"
    r"midday supervisor|ta|teacher|class teacher|receptionist|chair of governors))\b"
    r"|\b(?:Mr|Mrs|Miss|Ms|Mx|Dr)\.?\s+[A-Z][a-z'’-]+")
_CHILD_REF = re.compile(
    r"\b(?:the|that|this|a|whoever'?s|one)\s+(?:\w+\s+){0,2}?(?:boy|girl|kid|lad|child|son|daughter)\b"
    r"[^.!?\n]{0,40}?\b(?:in|from)\s+(?:year\s*\d{1,2}|y\d{1,2}|reception|\d[a-z]\b|my class|class)",
    re.I)
_OWN = re.compile(r"\b(?:my|our)\s+(?:\w+\s+)?$", re.I)
# The author or the author's own child as the subject: "my son is autistic", "my dyslexia"
_OWN_REF = re.compile(
    r"\b(?:my|our)\s+(?:\w+\s+)?(?:son|daughter|child|boy|girl|lad|kid|little one|youngest|eldest)\b"
    r"|\b(?:i|i'?m|i am|i'?ve|i have)\b|\bmy\s+(?:\w+\s+)?$", re.I)


@dataclass(frozen=True)
class _Hit:
    kind: str
    span: tuple[int, int]
    confidence: float
    message: str
    remedy: str


_REMEDY = {
    "mobile": "Remove the number; give the school office's contact details instead.",
    "phone": "Remove the number; give the school office's contact details instead.",
    "staff-number": "Remove the number: staff must not give pupils a personal number; use the school's approved channels.",
    "email": "Remove the e-mail address; point people to the school office's address instead.",
    "address": "Remove the address: never publish where someone lives. Raise concerns with the school directly.",
    "postcode": "Remove the postcode and any other part of the address.",
    "plate": "Remove the registration number; raise parking or safety concerns with the school office.",
    "dob": "Remove the date of birth; a birthday message needs no date or year.",
    "list": "Do not post pupils' details: share lists only through the school's secure systems.",
    "upn": "Remove the UPN: pupil numbers belong in the school's MIS only. Tell the data protection officer.",
    "nino": "Remove the National Insurance number and tell the data protection officer.",
    "nhs": "Remove the NHS number: health records stay in the school's secure systems. Tell the data protection officer.",
    "health": "Remove the health details: health is special-category data and needs the person's "
              "(or their parent's) explicit consent to share.",
}


def _digits(s: str) -> str:
    return "".join(c for c in s if c.isdigit())


_SENTENCE_END = re.compile(r"[.!?\n]")
MAX_PER_KIND = 20  # one finding already blocks; more only cost time on a huge post


def _sentence_bounds(inp: CheckInput, a: int, b: int) -> tuple[int, int]:
    """The sentence around original text[a:b] (boundaries found once per post)."""
    ends = inp.cache.get("sentence_ends")
    if ends is None:
        ends = inp.cache["sentence_ends"] = [m.start() for m in _SENTENCE_END.finditer(inp.post.text)]
    i = bisect_left(ends, a)
    start = ends[i - 1] + 1 if i > 0 else 0
    j = bisect_left(ends, b)
    return start, (ends[j] if j < len(ends) else len(inp.post.text))


def _mention_starts(inp: CheckInput, mentions: list[Mention]) -> list[int]:
    starts = inp.cache.get("mention_starts")
    if starts is None or len(starts) != len(mentions):
        starts = inp.cache["mention_starts"] = [m.start for m in mentions]
    return starts


def _mentions_between(mentions: list[Mention], starts: list[int], a: int, b: int) -> list[Mention]:
    return mentions[bisect_left(starts, a):bisect_left(starts, b)]


class PersonalDataDetector(Detector):
    rule = "personal-data"
    order = 40

    def detect(self, inp: CheckInput) -> list[Finding]:
        if not inp.post.text:
            return []
        hits: list[_Hit] = []
        for finder in (self._phones, self._emails, self._ids, self._dates, self._addresses,
                       self._health):
            hits.extend(islice(finder(inp), MAX_PER_KIND))
        return [self.finding(inp, confidence=h.confidence, message=h.message, span=h.span,
                             remedy=h.remedy, detail={"kind": h.kind})
                for h in hits]

    # ------------------------------------------------------------ phones
    def _phones(self, inp: CheckInput) -> Iterator[_Hit]:
        nt = inp.text.folded
        school = inp.school
        office = _digits(school.office_phone) if school and school.office_phone else ""
        office = office[-10:]
        if not _MANY_DIGITS.search(nt.text):
            return
        for m in _phone_matches(nt.text):
            raw = m.raw_string.strip()
            if not (raw.startswith(("0", "+44", "(0", "0044", "+ 44"))):
                continue
            nsn = phonenumbers.national_significant_number(m.number)
            if m.number.country_code != 44 or not 9 <= len(nsn) <= 10:
                continue
            if nsn in _SERVICE_NUMBERS or nsn[:1] in "3589" or nsn.startswith("116"):
                continue  # helplines, freephone, 03/08 and premium numbers are organisations'
            if office and (nsn[-len(office):] == office[-len(nsn):] or
                           (len(nsn) == len(office) == 10 and nsn[:7] == office[:7])):
                continue  # the school's office number, or another line in its own block
            span = nt.span(m.start, m.end)
            before = inp.post.text[max(0, span[0] - 60):span[0]]
            if inp.post.account == "official" and not nsn.startswith("7") and _SCHOOL_LINE_CUE.search(before[-40:]):
                continue  # "ring the office on ...": the school's own line (office_phone may be unset)
            if self._own_offer(before) or _OWN_AFTER.match(inp.post.text, span[1]):
                if inp.post.author.role == "staff" and inp.post.account != "official" and (
                        inp.post.interaction.get("with_role") == "pupil" or _PUPIL_AUDIENCE.search(inp.post.text)):
                    yield _Hit("staff-number", span, 0.9, "A member of staff gives pupils a personal phone number.",
                               _REMEDY["staff-number"])
                continue
            if nsn.startswith("7"):
                yield _Hit("mobile", span, 0.95, "A mobile phone number is published.", _REMEDY["mobile"])
            else:
                yield _Hit("phone", span, 0.8, "A phone number is published.", _REMEDY["phone"])

    @staticmethod
    def _own_offer(before: str) -> bool:
        tail = before[-45:]
        return bool(_OWN_OFFER.search(tail)) and not _THIRD_PARTY.search(tail)

    # ------------------------------------------------------------ e-mail
    def _emails(self, inp: CheckInput) -> Iterator[_Hit]:
        nt = inp.text.folded
        school = inp.school
        office = (school.office_email or "").lower() if school else ""
        office_domain = office.split("@", 1)[1] if "@" in office else ""
        for m in _EMAIL.finditer(nt.text):
            addr = re.sub(r"\s*[\[(]\s*at\s*[\])]\s*", "@", m.group())
            addr = re.sub(r"\s*[\[(]\s*dot\s*[\])]\s*", ".", addr).lower()
            if "@" not in addr:
                continue
            local, domain = addr.split("@", 1)
            if addr == office or (office_domain and domain == office_domain and local in _ROLE_MAILBOX):
                continue
            if _INSTITUTION_DOMAIN.search(domain) and (local in _ROLE_MAILBOX or domain == office_domain):
                continue
            if local in _ROLE_MAILBOX:
                continue  # office@, info@ of a business or club: not a person's
            span = nt.span(m.start(), m.end())
            if self._own_offer(inp.post.text[max(0, span[0] - 60):span[0]]):
                continue
            conf = 0.9 if not _INSTITUTION_DOMAIN.search(domain) else 0.6
            yield _Hit("email", span, conf, "A personal e-mail address is published.", _REMEDY["email"])
        for m in _SPOKEN_EMAIL.finditer(nt.text):
            span = nt.span(m.start(), m.end())
            if not self._own_offer(inp.post.text[max(0, span[0] - 60):span[0]]):
                yield _Hit("email", span, 0.85, "A personal e-mail address is published.", _REMEDY["email"])

    # ------------------------------------------------------------ UPN, NI, NHS
    def _ids(self, inp: CheckInput) -> Iterator[_Hit]:
        nt = inp.text.folded
        t = nt.text
        for m in _UPN.finditer(t):
            if _upn.is_valid(m.group().upper()):
                yield _Hit("upn", nt.span(m.start(), m.end()), 0.97,
                           "A pupil's unique pupil number (UPN) is published.", _REMEDY["upn"])
        for m in _NINO.finditer(t):
            original = inp.post.text[slice(*nt.span(m.start(), m.end()))]
            letters_upper = all(c.isupper() for c in original if c.isalpha())
            cue = _NI_CUE.search(t[max(0, m.start() - 40):m.start()])
            if letters_upper or cue:
                yield _Hit("nino", nt.span(m.start(), m.end()), 0.95 if cue else 0.85,
                           "A National Insurance number is published.", _REMEDY["nino"])
        for m in _NHS.finditer(t):
            number = "".join(m.groups())
            if not _nhs.is_valid(number):
                continue
            cue = _NHS_CUE.search(t[max(0, m.start() - 40):m.start()])
            spaced = m.group() != number
            if cue or spaced:
                yield _Hit("nhs", nt.span(m.start(), m.end()), 0.97 if cue else 0.75,
                           "An NHS number is published.", _REMEDY["nhs"])

    # ------------------------------------------------------------ dates of birth
    def _dates(self, inp: CheckInput) -> Iterator[_Hit]:
        nt = inp.text.folded
        t = nt.text
        own = own_children(inp)
        for m in (_DATE.finditer(t) if _BIRTH_CUE.search(t) else ()):
            window = t[max(0, m.start() - 45):m.end() + 25]
            cue = _BIRTH_CUE.search(window)
            if cue:
                when = _parse_date(m.group())
                if when is not None and when > inp.day:
                    continue  # a date still to come is a party or an event, not a birth
                if when is not None and not _BORN_CUE.search(window) and (inp.day - when).days < 3 * 365:
                    continue  # "birthday party on 14/11": this year's date, not the year of birth
                if _OWN_CHILD_BEFORE.search(t[max(0, m.start() - 45):m.start()]):
                    continue  # a parent giving their own child's birthday: their own family's data
                span = nt.span(m.start(), m.end())
                s_, _e = _sentence_bounds(inp, *span)
                mentions = roster_mentions(inp)
                named = _mentions_between(mentions, _mention_starts(inp, mentions), s_, span[0])
                if named and all(mm.person.id in own for mm in named):
                    continue
                yield _Hit("dob", nt.span(m.start(), m.end()), 0.9,
                           "A date of birth is published.", _REMEDY["dob"])
        m = _DATA_LIST.search(t) if _DATA_HINT.search(t) else None
        if m:
            yield _Hit("list", nt.span(m.start(), m.end()), 0.8,
                       "Pupils' personal details (such as dates of birth or contact numbers) are shared.",
                       _REMEDY["list"])

    # ------------------------------------------------------------ addresses
    def _addresses(self, inp: CheckInput) -> Iterator[_Hit]:
        text = inp.post.text
        nt = inp.text.folded
        official = inp.post.account == "official"
        found: list[tuple[int, int]] = []
        for m in _ADDRESS.finditer(text):
            before = text[max(0, m.start() - 50):m.start()]
            if official and not _ADDRESS_CUE.search(before):
                continue  # a venue's address on the school's own account
            if self._own_offer(before):
                continue
            if not self._address_of_someone(inp, m.start(), m.end()):
                continue  # "10 Downing Street announced ...", "the car park at 12 Abbey Road"
            found.append((m.start(), m.end()))
            yield _Hit("address", (m.start(), m.end()), 0.9, "A home address is published.", _REMEDY["address"])
        for m in _LIVES.finditer(text):
            if any(a < m.end() and m.start() < b for a, b in found):
                continue
            found.append((m.start(), m.end()))
            yield _Hit("address", (m.start(), m.end()), 0.75,
                       "Where someone lives is published.", _REMEDY["address"])
        for m in _FLAT.finditer(text):
            if any(a <= m.start() < b for a, b in found):
                continue
            if _ADDRESS_CUE.search(text[max(0, m.start() - 50):m.end() + 50]) and not official:
                found.append((m.start(), m.end()))
                yield _Hit("address", (m.start(), m.end()), 0.7, "A home address is published.", _REMEDY["address"])
        for m in _POSTCODE.finditer(nt.text):
            span = nt.span(m.start(), m.end())
            if any(a <= span[0] <= b + 3 for a, b in found):
                yield _Hit("postcode", span, 0.9, "A home address with its postcode is published.",
                           _REMEDY["postcode"])
                continue
            s, e = _sentence_bounds(inp, *span)
            mentions = roster_mentions(inp)
            if not official and (_ADDRESS_CUE.search(text[s:e]) or
                                 _mentions_between(mentions, _mention_starts(inp, mentions), s, e)):
                yield _Hit("postcode", span, 0.7, "A postcode linked to a person is published.",
                           _REMEDY["postcode"])
        if not official:
            for m in _PLATE.finditer(text):
                yield _Hit("plate", (m.start(), m.end()), 0.7,
                           "A vehicle registration number is published.", _REMEDY["plate"])

    @staticmethod
    def _address_of_someone(inp: CheckInput, a: int, b: int) -> bool:
        """An address counts when the post ties it to a person or a home, not to a venue."""
        text = inp.post.text
        s, e = _sentence_bounds(inp, a, b)
        window = text[max(0, s - 1):min(len(text), e + 80)]
        if _ADDRESS_CUE.search(window) or _PERSON_PRONOUN.search(window):
            return True
        if _NAMED_BEFORE.search(text[max(0, a - 40):a]) or _ROLE_PERSON.search(text[s:e]):
            return True
        mentions = roster_mentions(inp)
        return bool(_mentions_between(mentions, _mention_starts(inp, mentions), s, e))

    # ------------------------------------------------------------ health
    def _health(self, inp: CheckInput) -> Iterator[_Hit]:
        text = inp.post.text
        nt = inp.text.folded
        mentions = roster_mentions(inp)
        own = own_children(inp)
        seen_sentences: set[tuple[int, int]] = set()
        if not any(stem in nt.text for stem in _HEALTH_STEMS):
            return
        for m in _HEALTH.finditer(nt.text):
            span = nt.span(m.start(), m.end())
            if _HEALTH_TOPIC.match(nt.text, m.end()):
                continue  # "Autism Awareness Week", "Diabetes UK", "the epilepsy nurse"
            if m.group().lower() == "mental health" and not re.search(
                    r"(?:\b(?:his|her|their)|'s)\s+$", nt.text[max(0, m.start() - 12):m.start()]):
                continue  # mental health as a topic, not someone's
            s, e = _sentence_bounds(inp, *span)
            if (s, e) in seen_sentences:
                continue
            about = self._health_subject(inp, text, s, e, span, mentions, own)
            if about is None:
                continue
            seen_sentences.add((s, e))
            yield _Hit("health", span, about,
                       "Health details about an identifiable person are published.", _REMEDY["health"])

    @staticmethod
    def _health_subject(inp: CheckInput, text: str, s: int, e: int, span: tuple[int, int],
                        mentions: list[Mention], own: set[str]) -> float | None:
        starts = _mention_starts(inp, mentions)
        """Confidence that the health words in text[s:e] are about an identifiable other person."""
        near = [mm for mm in _mentions_between(mentions, starts, s, e) if abs(mm.start - span[0]) < 90]
        others = []
        for mm in near:
            if mm.person.id in own or _OWN.search(text[max(0, mm.start - 20):mm.start]):
                continue
            if inp.author_person is not None and mm.person.id == inp.author_person.id:
                continue
            others.append(mm)
        own_ref = [m.end() for m in _OWN_REF.finditer(text, s, span[0])]
        if others and own_ref and own_ref[-1] > max(mm.end for mm in others) and span[0] - own_ref[-1] < 40:
            return None  # "Dean, my son is autistic": the author's own child, not Dean
        if others and len(others) < len(near) and re.search(
                r"\b(?:his|her|their)\s+(?:\w+\s+)?$", text[max(0, span[0] - 20):span[0]], re.I):
            return None  # "Alfie's teacher has been amazing with his dyslexia": own child's, by pronoun
        if others:
            return 0.85 if any(mm.person.role == "pupil" for mm in others) else 0.8
        if near:
            return None  # only the author or their own child
        own_ref = [m.end() for m in _OWN_REF.finditer(text, s, span[0])]
        sentence = text[s:e]
        refs = [m.start() + s for m in _CHILD_REF.finditer(sentence)] + \
               [m.start() + s for m in _ROLE_PERSON.finditer(sentence)]
        if own_ref and span[0] - own_ref[-1] < 40 and not any(own_ref[-1] <= r < span[0] for r in refs):
            return None  # the author's own health, or their own child's
        if refs:
            return 0.7
        # "The Denny girl is on a reduced timetable because she self harms": a person named
        # earlier in the post, then referred to by a pronoun
        pron = re.search(r"\b(?:she|he|his|her)\b", text[s:span[0]] + " " + text[span[0]:e], re.I)
        if pron:
            earlier = [mm for mm in _mentions_between(mentions, starts, s - 200, s) if s - mm.end < 120
                       and mm.person.id not in own and mm.kind in ("full", "surname", "first", "preferred")]
            if earlier:
                return 0.75
        return None

