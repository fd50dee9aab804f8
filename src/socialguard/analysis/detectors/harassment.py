"""harassment (1.5, 2.3, 2.6): acting maliciously towards, or harassing, people or groups.

Bullying of a person or group, threats (also as "jokes"), pile-ons and secretive adult
contact with children; not profanity alone, not idioms ("killing it"), not counter-speech
that quotes an insult to condemn it. A roster pupil, member of staff or parent as the
target makes it more certain; pupils' cases are routed to the behaviour policy by the
policy file (``route``).
"""

from __future__ import annotations

import re

from socialguard.analysis.detectors.base import CheckInput
from socialguard.analysis.finding import Finding
from socialguard.analysis.harms import HarmDetector, condemns, counter_speech, describe, hits_in, targets
from socialguard.analysis.threats import Threat, find_threat

# Abuse aimed at the reader: "you stupid cow", "you're a waste of space".
_INSULT = (r"stupid|idiot|idiots|idiotic|moron|morons|loser|losers|ugly|fat|pig|pigs|cow|cows|slag|"
           r"slut|skank|scum|rat|rats|muppet|muppets|freak|freaks|weirdo|weirdos|creep|creeps|pathetic|"
           r"worthless|useless|disgrace|waste of space|waste of air|retard|retarded|thick|thicko|dumb|"
           r"dumbass|tosser|tossers|prick|pricks|twat|twats|dickhead|dickheads|knob|bellend|wanker|"
           r"wankers|bitch|cunt|minger|mong|spaz|slob|slobs|nobodies|prat|prats|weasel|jobsworth|"
           r"halfwit|imbecile|cretin|numpty|plonker|scumbag|scumbags|lowlife|clown|clowns|waste of oxygen|"
           r"nasty piece of work")
# Said of a person by name, the words that are abuse of the person and not criticism of what
# they did (a team or a decision can be "useless" or "a disgrace").
_PERSON_INSULT = (r"idiot|moron|loser|pig|cow|slag|slut|skank|scum|rat|muppet|freak|weirdo|creep|"
                  r"tosser|prick|twat|dickhead|knob|bellend|wanker|bitch|cunt|minger|slob|prat|weasel|"
                  r"jobsworth|halfwit|imbecile|cretin|numpty|plonker|scumbag|lowlife|waste of space|"
                  r"thicko|dumbass|waste of oxygen|nasty piece of work")
# up to three describing words before the insult ("a rude, useless jobsworth"), none a negation
_FILLERS = r"(?:(?!not\b|never\b|no\b)[a-z'\-]+,?\s+(?:and\s+)?){0,3}"
_AT_YOU = re.compile(
    rf"\b(?:you|u|ya)\s+(?:(?:are|r|were|look|looked|smell)\s+)?(?:(?:such|so|a|an|the|one|"
    rf"absolute|total|complete|fucking|fking|little|big|massive)\s+){{0,3}}(?:{_INSULT})\b"
    rf"|\b(?:you're|youre|ur|your|you are|you lot are|you lot r)\s+(?:(?:such|so|a|an|the|one|absolute|"
    rf"total|complete|fucking|fking|little|big|massive|bunch of)\s+){{0,3}}{_FILLERS}(?:{_INSULT})\b")
# A named person who is not (or not found) on the roster: "Mr Ashworth is a prat", "Keith, the
# lollipop man, is a miserable, power-mad idiot". A lone capitalised word counts only when it
# does not start the sentence (there it may be any word).
_NAMED_INSULT = re.compile(
    rf"(?:\b(?:Mr|Mrs|Miss|Ms|Mx|Dr|Sir)\.?\s+[A-Z][a-z'\-]+|\b[A-Z][a-z'\-]+\s+[A-Z][a-z'\-]+"
    # one of the school's staff, identifiable by the job: "that dinner lady is a nasty piece of work"
    rf"|\b(?i:that|the|this|our|(?:my|his|her|their) (?:son|daughter|kid|child)'?s)\s+(?i:new\s+)?"
    rf"(?i:dinner (?:lady|man)|teacher|caretaker|head ?teacher|head|receptionist|office lady|"
    rf"teaching assistant|ta|lollipop (?:man|lady)|lunchtime supervisor|deputy head|senco|"
    rf"supply teacher|pe teacher|form tutor|head of year|coach)"
    rf"|(?<=[a-z,;:] )[A-Z][a-z'\-]{{2,}})"
    rf"(?:\s*,[^,.!?]{{1,50}},|\s+(?:in|from|at|on)\s+[a-z][\w ]{{0,20}}?)?"
    rf",?\s+(?i:is|was|=)\s+(?i:(?:a|an|the|such|so|one|most|absolute|actual|total|complete|proper|"
    rf"right|utter|fucking|little|big|massive|biggest)\s+){{0,3}}(?i:{_FILLERS})(?i:{_PERSON_INSULT})\b")
# A group of people abused as a group: "the dinner staff are lazy, useless slobs".
_GROUP_INSULT = re.compile(
    rf"\b(?:are|r|were)\s+(?:(?:a bunch of|a load of|a pack of|all|just|nothing but|such|absolute|"
    rf"total|complete)\s+){{0,2}}{_FILLERS}(?:idiots|morons|losers|muppets|freaks|weirdos|creeps|"
    rf"tossers|pricks|twats|dickheads|wankers|slobs|nobodies|prats|scumbags|scum|pigs|clowns)\b")
# Warmth that makes an insult a tease between friends: "love u more u muppet x".
_AFFECTION = re.compile(r"\b(?:love (?:you|u|ya)|luv (?:you|u|ya)|ily|happy (?:birthday|bday|\d+(?:st|nd|rd|th))|"
                        r"bestie|best friend|bff|favourite)\b|[❤💕💖💗🥰😘🥳]")
# ...and the same said of a named person of the school: "Jade T is an actual slag".
_IS_INSULT = re.compile(
    rf"\s*(?:is|'s|was|are|r|=)\s+(?:(?:such|so|a|an|the|one|absolute|actual|total|complete|"
    rf"proper|right|utter|fucking|fking|little|big|massive)\s+){{0,3}}(?:{_INSULT})\b")
_NOT_BEFORE = re.compile(r"(?:\bnot|n't|\bnever)\s+(?:\w+\s+){0,2}$")
# Wishing someone harm, and organising others against someone.
_WISH = re.compile(r"\b(?:hope|wish)\s+(?:someone|somebody|some1|sum1|a (?:car|bus|lorry|truck))\s+(?:\w+\s+)?"
                   r"(?:stabs|kills|shoots|hurts|batters|punches|runs over|beats up|knocks out)\s+(?:you|u|him|her|them)\b|"
                   r"\b(?:hope|wish)\s+(?:you|u|he|she|they|him|her)\s+(?:\w+\s+){0,2}?"
                   r"(?:die|dies|died|get hit|gets hit|get run over|gets run over|rot|rots|burn|burns|"
                   r"suffer|suffers|drown|drowns|get cancer|gets cancer|get stabbed|gets stabbed|"
                   r"fall down|falls down|fall off|falls off|choke|chokes|get hurt|gets hurt|"
                   r"break (?:a|their|his|her|your|ur) (?:leg|legs|neck|arm))\b")
# "hope your house burns down with you in it": harm wished on what is someone's
_WISH_THEIRS = re.compile(r"\b(?:hope|wish)\s+(?:your|ur|his|her|their)\s+(?:\w+\s+)?(?:house|home|car|van|shop|"
                          r"business|kids?|family|children|dog|mum|dad|wife|husband)\s+(?:\w+\s+)?"
                          r"(?:burns?|burnt|catches fire|gets? (?:torched|smashed|burgled|hurt|hit|run over|cancer)|"
                          r"dies|die|crashes|crash|blows? up|falls? down|rots?)\b(?: down\b)?")
# Telling someone they are unwanted: "nobody at this school can stand you", "everyone laughs at you"
_SHUNNED = re.compile(
    r"\b(?:(?:nobody|no one|no-one|noone|no1)(?:\s+(?:here|else|at (?:this|our|the|ur|your) school|"
    r"in (?:this|our|the|ur|your) (?:class|school|year|form|group|team)|in year \d+))?\s+"
    r"(?:even\s+|actually\s+|really\s+|ever\s+)?(?:likes|wants|can stand|cares about|would miss|will miss|"
    r"would care if|talks to|rates)\s+(?:you|u|ya)\b(?!\s+to\b)"
    r"|\b(?:everyone|everybody|the whole (?:class|school|year))(?:\s+(?:here|at (?:this|our|the) school|"
    r"in (?:this|our|the) (?:class|school|year|form|group)))?\s+(?:\w+\s+)?(?:hates|laughs at|can'?t stand|"
    r"cannot stand|is sick of|is laughing at|thinks you'?re a joke|talks about)\s+(?:you|u|ya)\b)")
_GANG_UP = re.compile(r"\b(?:let'?s all|lets all|everyone|everybody|we should all|we all need to|all of us)\s+"
                      r"(?:\w+\s+)?(?:block|ignore|unfriend|unfollow|leave out|kick out|exclude|"
                      r"blank|gang up on)\s+(?P<target>[a-z]+)\b")
# ...or shutting them out: "let's make a group chat without Leo"
_LEAVE_OUT = re.compile(r"\b(?:let'?s|lets|we should|we need to|everyone|everybody)\s+(?:\w+\s+){0,2}?"
                        r"(?:make|start|create|set up|do)\s+(?:a\s+|another\s+|a new\s+|new\s+)*"
                        r"(?:group ?chat|gc|chat|group|party|sleepover|team)\s+without\s+(?P<target>[a-z]+)\b"
                        r"(?!\s+(?:knowing|seeing|finding|noticing|realising|realizing))")
_PRONOUN = {"him", "her", "them"}
# A match or a fixture: "we're gonna batter them Saturday" is about the score.
_SPORT = re.compile(r"[⚽🏉🏏🏀🏑🏒🎾🏆]|\b(?:vs?|match|fixture|derby|kick-?off|league|cup|final|semi|"
                    r"tournament|game|score|goals?|rovers|united|city|fc|u\d\d?s?)\b|\b\d+\s*-\s*\d+\b")
# Play, not violence: "I'll destroy you at Mario Kart", a stage fight, a thriller.
_GAME = re.compile(r"\b(?:fifa|fortnite|minecraft|roblox|call of duty|xbox|ps[45]|playstation|nintendo|"
                   r"server|nether|clan|raid|raiding|rematch|mario ?kart|among us|chess|monopoly|"
                   r"scrabble|quiz|rehearsal|stage fight|stage combat|script|novel|thriller|episode|"
                   r"level \d+|boss fight)\b")


# "calls you stupid" reports an insult; it does not make one
_REPORTED_INSULT = re.compile(r"\b(?:call|calls|called|calling|name|names|named|said|says)\s+$")


def _quoted(text: str, at: int) -> bool:
    """Whether ``at`` lies inside a quotation in its sentence (an odd number of quotes before)."""
    start = max(text.rfind(".", 0, at), text.rfind("!", 0, at), text.rfind("?", 0, at)) + 1
    head = text[start:at]
    return (head.count('"') % 2 == 1 or head.count("\u201c") > head.count("\u201d")
            or len(re.findall(r"(?:^|\s)'", head)) > len(re.findall(r"(?<=\S)'(?:\s|$|[,.;:!?])", head)))


def _reported(inp: CheckInput, at: int) -> bool:
    """Whether the words at ``at`` are quoted, reported or condemned rather than said."""
    return condemns(inp) or counter_speech(inp, [at]) or _quoted(inp.post.text, at)


# A weapon brought to school or an attack on it is a safeguarding emergency, not only a
# breach of 1.5: the finding says who to tell now.
_WEAPON_MESSAGE = "This threatens violence with a weapon, or an attack on a school."
_WEAPON_REMEDY = ("Treat it as a safeguarding emergency: tell the designated safeguarding lead now, "
                  "and call 999 if anyone may be in immediate danger. Do not share or reply to it.")


def _threat(inp: CheckInput) -> Threat | None:
    """The post's first threat, found once per post (the veto, the floor and the message all ask)."""
    if "threat" not in inp.cache:
        inp.cache["threat"] = find_threat(inp.text.plain.text)
    return inp.cache["threat"]


class HarassmentDetector(HarmDetector):
    rule = "harassment"

    def make(self, inp: CheckInput, p: float, span: tuple[int, int] | None) -> Finding | None:
        threats = hits_in(inp, "threat")
        if threats and (span is None or not any(span[0] <= a < span[1] for a, *_ in threats)):
            # a threat is the evidence a reader must see, whichever sentence the model preferred
            from socialguard.analysis.models.harm_model import sentences
            a = threats[0][0]
            span = next(((x, y) for x, y in sentences(inp.post.text) if x <= a < y), span)
        who = targets(inp, span) or targets(inp)
        detail: dict = {}
        severity = None
        if who:
            # a named pupil, colleague or parent: more certain, and it stays a block
            p = 1 - (1 - p) * 0.6
            detail["target"] = who[0].person.full_name
            detail["target_role"] = who[0].person.role
            msg = f"This reads as bullying or harassment of {describe(who[0].person)}."
        else:
            msg = "This reads as bullying, a threat or harassment of a person or group."
            if p < 0.6 and not hits_in(inp, "threat"):
                severity = "review"  # no identifiable target and the model is unsure
        t = _threat(inp)
        if t is not None and t.kind == "weapon":
            return self._weapon(inp, p, span, detail)
        return self.finding(inp, confidence=p, message=msg, span=span, severity=severity,
                            detail=detail)

    def _weapon(self, inp: CheckInput, p: float, span: tuple[int, int] | None, detail: dict | None = None) -> Finding:
        return self.finding(inp, confidence=max(p, 0.7), message=_WEAPON_MESSAGE, span=span,
                            remedy=_WEAPON_REMEDY, detail=detail or {})

    def vetoed(self, inp: CheckInput, p: float) -> bool:
        hurtful = [h[0] for k in ("slur", "insult", "threat", "profanity") for h in hits_in(inp, k)]
        if p < 0.9 and not hurtful and len(inp.text.plain.text.split()) < 5:
            return True  # a few words with nothing hurtful in them ("from the parent") harass no one
        return p < 0.97 and counter_speech(inp, hurtful) and not _threat(inp)

    def floor(self, inp: CheckInput, p: float, thr: float) -> list[Finding]:
        if p >= thr:
            return []
        plain = inp.text.plain
        # a team's bravado before a match, or "you are a disgrace" after a 3-0 defeat
        bravado = bool(_SPORT.search(plain.text)) and not targets(inp)
        t = None if bravado or _GAME.search(plain.text) else _threat(inp)
        if t and not _reported(inp, plain.span(t.start, t.end)[0]) and not _AFFECTION.search(inp.post.text):
            if t.kind == "weapon":
                return [self._weapon(inp, p, plain.span(t.start, t.end))]
            return [self.finding(inp, confidence=max(p, 0.7), span=plain.span(t.start, t.end),
                                 message="This contains a threat of violence against a person.")]
        for rx, conf, msg in ((_WISH, 0.7, "This wishes harm on a person."),
                              (_WISH_THEIRS, 0.7, "This wishes harm on a person or their family or home."),
                              (_GANG_UP, 0.65, "This organises others against a person."),
                              (_LEAVE_OUT, 0.65, "This organises others to shut a person out."),
                              (_SHUNNED, 0.65, "This tells a person that nobody wants them, which is bullying."),
                              (_AT_YOU, 0.65, "This insults the person it is addressed to."),
                              (_GROUP_INSULT, 0.6, "This abuses a group of people.")):
            m = rx.search(plain.text)
            if m is None:
                continue
            if rx not in (_WISH, _WISH_THEIRS) and _AFFECTION.search(inp.post.text):
                continue  # teasing a friend
            if rx is _AT_YOU and bravado:
                continue
            before = plain.text[max(0, m.start() - 20):m.start()]
            if _NOT_BEFORE.search(before) or _REPORTED_INSULT.search(before):
                continue
            if (_quoted(plain.text, m.start()) or hits_in(inp, "teaching")
                    or re.search(r"anti[- ]?bullying", plain.text)):
                continue  # insults quoted in a lesson or an anti-bullying post
            span = plain.span(*m.span())
            if rx in (_GANG_UP, _LEAVE_OUT) and m.group("target") not in _PRONOUN:
                a, _ = plain.span(*m.span("target"))
                if not inp.post.text[a:a + 1].isupper():
                    continue  # "everyone ignore the noise": no one is singled out
            if counter_speech(inp, [span[0]]):
                continue
            return [self.finding(inp, confidence=max(p, conf), span=span, message=msg)]
        named = targets(inp)
        lowered = inp.post.text.lower() if named else ""
        for m in named:
            hit = _IS_INSULT.match(lowered, m.end)
            if hit and not _reported(inp, m.start):
                return [self.finding(inp, confidence=max(p, 0.65), span=(m.start, hit.end()),
                                     message=f"This insults {describe(m.person)}.",
                                     detail={"target": m.person.full_name, "target_role": m.person.role})]
        hit = _NAMED_INSULT.search(inp.post.text)
        if hit and not _reported(inp, hit.start()) and not _AFFECTION.search(inp.post.text):
            return [self.finding(inp, confidence=max(p, 0.6), span=hit.span(),
                                 message="This insults a named person.")]
        threats = [] if bravado else hits_in(inp, "threat")
        if threats and (targets(inp) or "you" in inp.text.plain.text) and not condemns(inp):
            a, b, term, _ = threats[0]
            return [self.finding(inp, confidence=max(p, 0.6), span=(a, b),
                                 message="This contains a threat aimed at a person.")]
        return []

    def out_of_scope(self, inp: CheckInput) -> list[Finding]:
        # said once for the seven harm rules, from this detector
        return [self.finding(
            inp, confidence=0.05, severity="advice",
            message=("The text does not look like English. The checks for harassment, "
                     "discrimination, defamation and the other harms read English only, "
                     "so a person should read this post."),
            detail={"out_of_scope": "language"})]
