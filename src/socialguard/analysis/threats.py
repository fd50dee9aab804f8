"""Threatening language: intent to hurt a person, veiled threats and calls for violence.

The harm heads learn threats from examples, but a threat has a grammar that examples
cover only in part: someone (I, we, "someone") + intent (will, going to, should) + an act
of violence + a person (you, him, her, them, a name, their face, car or house). These
patterns are that grammar, so a threat in words no training post used is still found.
They run on the normalised text (``PostText.plain``: lower case, leetspeak and look-alikes
undone). What makes violent words harmless is checked by the caller (idioms, matches and
games, quotation, counter-speech); here only the shape of a threat is recognised.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_WHO = r"(?:you|u|ya|yous|youse|him|her|them|em)"
_POSS = r"(?:your|ur|his|her|their|yer)"
# harmful acts done to a person: those that need a person after them...
_ACT = (
    r"kill|murder|hurt|stab|shank|shoot|punch|kick|batter|smash|break|burn|torch|slap|strangle|"
    r"choke|rape|beat|bash|deck|knock|snap|slash|glass|bottle|brick|jump|drown|hang|bury|"
    r"cut|rip|wreck|end|ruin|destroy|terrorise|terrorize|stamp on|spark|merk|bang|key|egg|slit|gut|"
    r"cripple|maim|paralyse|thump|clobber|leather|lamp|wallop|headbutt|floor|pound|cave|kick in"
)
# ...and those that name the person themselves ("get/find/sort" only with no errand after)
_ACT_WHO = (
    rf"run {_WHO} over|do {_WHO} in|sort {_WHO} out(?! (?:a|an|some|the|with|for)\b)|"
    rf"knock {_WHO} out(?! (?:of|in)\b)|"
    rf"put {_WHO} (?:in (?:hospital|a wheelchair|the ground|a box|the grave|intensive care)|"
    rf"six feet under|through (?:a|the) (?:wall|window))|"
    rf"get {_WHO}(?! (?:a|an|some|one|two|the|to|from|back|home|there|sorted|involved|in|on|"
    rf"into|ready|up|out|something|anything|that|this|more|tickets?|for|with|at|next|another|again)\b)(?=\s|$|[.!,])|"
    rf"come (?:for|after|round for) {_WHO}|hunt {_WHO} down|"
    rf"make {_POSS} life (?:hell|a (?:living )?hell|a misery|miserable)|"
    rf"make {_WHO} (?:pay|suffer|bleed|regret|wish)|take {_WHO} out(?! (?:for|to|on|of|at|in|the|a|with|"
    rf"tonight|tomorrow|shopping|later|again|more)\b)|teach {_WHO} a lesson(?! (?:on|about|in|of)\b)"
)
_OBJ = (rf"(?:{_WHO}\b|{_POSS}\s+(?:\w+\s+)?(?:face|head|legs?|arms?|neck|teeth|jaw|nose|skull|body|throat|"
        r"knees?|car|house|windows?|tyres|tires|door|bike|family|kids?)\b|"
        r"[a-z]+'s\s+(?:face|head|legs?|arms?|neck|teeth|jaw|nose|skull|knees?|car|house|windows?|"
        r"tyres|tires|door|bike)\b)")
_INTENT = (r"(?:i'?ll|i will|we'?ll|we will|i'?m (?:going to|gonna|gunna|about to)|"
           r"im (?:going to|gonna|gunna|about to)|i am (?:going to|about to)|"
           r"we'?re (?:going to|gonna|gunna)|were gonna|ima|imma|i'?ma|i swear (?:down )?i'?ll|"
           r"i'?d (?:happily|gladly|love to)|(?:i|we) want to|i wanna|gonna|going to|"
           r"can'?t wait to|cant wait to|when (?:i|we)|"
           r"(?:i|we) (?:should|could|might|will) (?:just )?(?:go and|come and)|ill(?= \w+ (?:you|u|him|her)\b))")
# up to four words between the intent and the act: adverbs, swearing, "come round and"
_BETWEEN = (r"(?:(?:\w+ly|fucking|fkn|fking|fuckin|proper|actually|literally|just|so|gonna|"
            r"come|go|round|and|wait|catch|find|for|after|school|tomorrow|you|u|him|her|them)\s+){0,4}")
_YOU_ARE = r"(?:you'?re|ur|youre|you are|u r|he'?s|hes|she'?s|shes|they'?re|theyre)"
_PEOPLE = (r"(?:bastards|scum|lot|families|family|kids|children|people|teachers|parents|mums|dads|"
           r"boys|girls|lads|freaks|pensioners|men|women|immigrants|migrants|refugees|foreigners|"
           r"muslims|jews|gays|lesbians|queers|trannies|travellers|gypsies|pikeys|asians|blacks|"
           r"poles|romanians|ones|types|sort|lgbt lot)")
# a word between the act and the person may be "up", "in", "right": not "above", "with"...
_NOT_SKIPPED = r"(?:above|below|beyond|with|for|to|at|than|from|like|about|of|into|off)\b"
_YOU_WILL = (r"(?:you'?ll|you will|u will|ull|you'?re (?:going to|gonna)|you are (?:going to|gonna)|"
             r"ur (?:going to|gonna)|he'?ll|she'?ll|they'?ll|(?:he|she|they) will)")

_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    # "I'm going to absolutely batter you", "we'll smash his face in", "ima find u"
    ("intent", re.compile(rf"\b{_INTENT}\s+{_BETWEEN}(?:(?:{_ACT})\s+(?:(?!{_NOT_SKIPPED})\w+\s+){{0,3}}?{_OBJ}|{_ACT_WHO})")),
    # "touch my brother again and you'll see", "say that again and I'll..."
    ("conditional", re.compile(
        r"\b(?:touch|hit|hurt|look at|come near|go near|talk to|speak to|message|say that|say owt|"
        r"mess with|lay a finger on|keep talking|keep on|carry on|try (?:it|that)|do that|one more word|"
        r"one more time|show (?:your|ur|his|her|their) face)\b"
        r"[^.!?\n]{0,60}?\b(?:and|or|&)\s+(?:"
        rf"(?:i|we)(?:'?ll| will) (?:\w+ly |fucking |proper )?(?:{_ACT}|make|show|come|sort|deal|put|do|have (?:you|u|him|her|them))\b|"
        rf"{_YOU_WILL} (?:be sorry|regret|pay|know about it|find out|get it|be next|wish|be dead)|"
        r"(?:just )?(?:see|watch) what (?:happens|i do|we do|i'?ll do)|there'?ll be trouble|"
        r"you'?re dead|ur dead|youre dead)")),
    # veiled: "your days are numbered", "I know where you live", "you'll get what's coming"
    ("veiled", re.compile(
        rf"\b{_POSS} days are numbered\b|\bsleep with one eye open\b|"
        rf"\b(?:won'?t|wont|will not|never) see (?:it|me|us|them) coming\b|"
        rf"\bwatch {_POSS} back\b|\bwatch (?:yourself|urself)\b(?! (?:on|in|at)\b)|"
        rf"\bknow (?:where|what time) (?:you|u|he|she|they|your|ur|his|her|their|"
        rf"(?:mr|mrs|miss|ms|sir|dr|mx) \w+) "
        rf"(?:\w+ )?(?:lives?|parks?|works?|drinks?|leaves?|finish(?:es)?|walks?|sleeps?|kids?|"
        rf"family|car|house|mum|live)\b|"
        rf"\b(?:get|gets|getting) what'?s coming(?: to (?:you|u|him|her|them))?\b|"
        rf"\b(?:shame|pity) if (?:something|anything) (?:happened|was to happen|were to happen|"
        rf"bad happened) to\b|\bbe careful (?:walking|going|on (?:your|ur) way) home\b|"
        rf"\b{_YOU_ARE} (?:so )?dead(?: meat)?\b(?! (?:to me|funny|good|tired|right|on|lucky|excited|cute|"
        rf"nice|happy|proud|serious|jealous|set|against|keen|inside|bored|chuffed)\b)|"
        rf"\b{_YOU_ARE} (?:finished|getting it|gonna get it|going to get it|in for it|next)\b(?! (?:back|for|"
        rf"from|day|on|in|done|sorted|fixed|wrong|out|first|up|to|with|at|week|year|time|term)\b)|"
        rf"\b(?:it|this) (?:won'?t|will not|wont) end well for {_WHO}\b|"
        rf"\bnext time (?:it|i|we) won'?t (?:be|just)\b|\bwon'?t (?:just )?be (?:just )?words\b|"
        rf"\b{_YOU_WILL} "
        rf"(?:regret (?:it|this|that|the day|ever|opening|crossing|messing|saying|what)|pay for (?:this|that|it)|"
        rf"be sorry(?! (?:you|u|to) miss)|get (?:yours|it)\b|"
        rf"find out what happens|learn the hard way|wish (?:you|u|he|she|they)'?d? never|"
        rf"(?:be )?(?:eating through a straw|picking (?:your|ur|his|her|their) teeth up|"
        rf"need(?:ing)? (?:a new face|stitches|an ambulance|dental records|a wheelchair)))|"
        rf"\bwon'?t be (?:walking|smiling|laughing|talking|standing) (?:for long|much longer|straight|"
        rf"again|when i'?m done|after)\b|"
        rf"\b(?:you'?ve|youve|uve|he'?s|she'?s|they'?ve|you have|he has|she has) got it coming\b|"
        rf"\b(?:you|u|he|she|they|ur|you'?re|he'?s|she'?s|they'?re) (?:are |is |r )?(?:going to|gonna|gunna) get "
        rf"(?:hurt|battered|stabbed|smashed|done in|jumped|beaten|killed|slapped|a slap|a kicking|a beating|"
        rf"what'?s coming|it)\b|"
        rf"\b(?:you|u|he|she|they)(?:'d| had)? (?:better|best) watch (?:out|it|yourself|urself|{_POSS} back)\b"
        rf"(?!,? (?:you|u) (?:better|best) not cry)|"
        rf"\b(?:leave|get out|be gone|go back|stay away|keep away|back off|move)\b[^.!?\n]{{0,40}}\bor (?:else|"
        rf"(?:we|i)'?ll (?:make|drag|throw|burn|force|carry|come)|get carried out|be carried out)\b|"
        rf"\b(?:brick|petrol bomb|firework|rock|stone)s? through (?:their|the|his|her|your|ur) "
        rf"(?:window|door|letterbox)|\bcave (?:your|ur|his|her|their) (?:head|skull|face) in\b|"
        rf"\b(?:we'?re|we are|were|i'?m|im|i am|they'?re|they are) (?:\w+ )?coming (?:for|after) (?:{_WHO}\b|"
        rf"(?:the|those|all the|every|all) (?:\w+ ){{0,2}}{_PEOPLE})|"
        rf"\b(?:we|i) know (?:exactly )?(?:where|which \w+|what time) (?:{_WHO}|they|he|she|{_POSS}|"
        rf"(?:the|those|that) (?:\w+ ){{0,4}}?{_PEOPLE}(?: \w+){{0,3}}?) (?:\w+ )?(?:live|lives|work|works|park|"
        rf"parks|sleep|sleeps|drink|drinks|drop|drops|work at|go to school)\b|"
        rf"\btime (?:they|he|she|you|u|them) got a (?:visit|surprise|reminder|kicking|slap)\b|"
        rf"\b(?:will|'ll|gonna|going to|is|are|'s|'re) (?:be |get |getting )(?:battered|stabbed|jumped|done in|"
        rf"beaten up|knifed|shanked|kicked in|glassed)\b(?=[^.!?\n]{{0,40}}(?:warned|\bif\b|\bnext\b|tomorrow|"
        rf"tmrw|tonight|monday|tuesday|wednesday|thursday|friday|after school|at lunch|at break|when))|"
        rf"\b(?:deserves?|needs?|gets?|getting) a bullet\b|\bbullets? (?:for|in) (?:every|each|all|the lot)\b")),
    # calls for violence on people: "should be strung up", "someone should torch that place"
    ("call", re.compile(
        r"\b(?:should|need to|needs to|ought to|deserve to|deserves to|want to)\s+be\s+"
        r"(?:\w+\s+)?(?:shot|hanged|hung|strung up|gassed|burn(?:ed|t)(?: alive)?|killed|wiped out|"
        r"exterminated|put down|lined up|beaten|stoned|castrated|sterilised|sterilized|drowned|"
        r"kicked to death|set on fire|culled|battered|stabbed|lynched)\b|"
        r"\bsomeone (?:should|needs to|ought to|wants to|is gonna|is going to|will)\s+(?:just\s+)?"
        r"(?:torch|burn|bomb|shoot|stab|kill|batter|smash|petrol bomb|firebomb|brick|jump|"
        r"do (?:him|her|them) in|sort (?:him|her|them) out|run (?:him|her|them) over|"
        r"teach (?:him|her|them) a lesson|give (?:him|her|them) a (?:slap|kicking|hiding|beating))\b|"
        r"\b(?:burn|torch|bomb|firebomb|petrol bomb|smash up)\s+(?:the|that|their|every|all the|all)\s+"
        r"(?:\w+\s+)?(?:mosques?|synagogues?|churches|church|temples?|gurdwaras?|mandirs?|houses?|camps?|"
        r"hotels?|caravans?|sites?|shops?|homes?)\b|"
        r"\b(?:kill|shoot|gas|hang|string up|burn|exterminate|wipe out|cull|deport)\s+(?:them\s+)?"
        r"(?:all|every (?:last )?one of (?:them|em)|the lot of (?:them|em))\b|"
        r"\bround (?:them|em) (?:all )?up\b|\bround up (?:every|all|the lot)\b|"
        r"\bneeds? (?:running|driving|kicking|chasing|burning|smoking|hounding) out of\b|"
        r"\b(?:burn|smoke) (?:them|em|the \w+|those \w+|the lot) out\b|"
        r"\b(?:run|drive|chase|hound|force) (?:them|em|the \w+|those \w+|the lot) out of (?:town|the area|here|"
        r"our|the village|the estate|the country|this country|the street|my street)\b|"
        r"\b(?:put|line) (?:them|em|the lot)(?: all)? (?:up )?against a wall\b|"
        r"\bbring back (?:the )?(?:gas chambers?|camps|hanging|lynching|the noose) for\b|"
        r"\bhope (?:they|them|the lot of them|all of them|every one of them|they all) (?:all )?"
        r"(?:die|drown|burn|rot|get (?:shot|stabbed|bombed|killed|hurt|run over))\b|"
        r"\bhope (?:the|their|that) \w+ (?:burns(?: down)?|blows up|gets? (?:bombed|torched|burned|burnt|smashed))\b|"
        r"\b(?:run|mow|knock) (?:over|down) (?:the lot|all|every (?:last )?one) of (?:them|em)\b")),
    # the first, fixed phrasings (kept as they were; the grammar above covers most of them).
    # Intent to do violence to someone: "I'm going to break your legs", "I'll stab him". The
    # pronoun must follow the verb at once, so "going to kill it at sports day" stays an idiom
    # and "I'll hit you up later" a plan.
    ("everyday", re.compile(
        r"\b(?:i'?m going to|i am going to|i'?m gonna|im gonna|i'?ll|i will|we'?ll|we will|"
        r"we'?re going to|gonna|going to)\s+(?:\w+\s+(?:you|u|him|her|them)\s+and\s+)?"
        r"(?:kill|hurt|stab|shoot|punch|kick|batter|smash|break|burn|slap|strangle|rape|hit(?! (?:you|u) up))"
        r"\s+(?:you|your|u|ur|him|his|her|them|their)\b"
        # "ur getting done in at lunch", "he's gonna get battered"
        r"|\b(?:ur|you'?re|youre|you are|u r|he'?s|hes|she'?s|shes|they'?re|theyre)\s+(?:getting|gonna get|"
        r"going to get|about to get|gunna get)\s+(?:done in|battered|jumped|stabbed|shanked|merked|decked|"
        r"smacked|bodied|beaten up|beat up|hurt|knocked out|sparked out|sparked)\b"
        r"|\b(?:is|'s|are|r)\s+(?:getting|gonna get|going to get)\s+(?:done in|battered|jumped|stabbed|shanked|"
        r"merked|decked|bodied|beaten up|smacked)\s+(?:after school|at lunch|at break|tomorrow|tmrw|tonight|"
        r"later|at the gates?|on the way home|when)\b"
        # "needs a slap and I'm happy to give him one"
        r"|\bneeds? (?:a |another )?(?:good |proper )?(?:slap|smack|kicking|punch|beating|hiding|battering)\b"
        r"|\b(?:happy|going|gonna|about) to give (?:him|her|them|you|u) one\b"
        # veiled: "you've been warned. Next time it won't just be words"
        r"|\bwon'?t (?:just )?be (?:just )?words\b")),
)


# a weapon emoji in a message about a person: "we'll be waiting by the gates 🔪"
_WEAPON = re.compile(r"[\U0001F52A\U0001F52B\U0001F5E1\U0001FA93\U0001F4A3\u2694]")
_AT_PERSON = re.compile(rf"\b(?:{_WHO}|ur|your|his|her|their|better not|waiting|wait|coming|see)\b")
_KITCHEN = re.compile(r"\b(?:cook|cooking|bake|baking|recipe|chef|kitchen|food|chopping|knife skills|"
                      r"food tech|dt|veg|vegetables|onions?|carv\w*|bbq|barbecue|dinner|lunch|tea)\b")


@dataclass(frozen=True)
class Threat:
    """A threat found in normalised text: its kind and where it is in that text."""

    kind: str
    start: int
    end: int


def find_threat(plain: str) -> Threat | None:
    """The first threat in ``plain`` (normalised, lower-case text), or None."""
    best: Threat | None = None
    w = _WEAPON.search(plain)
    if w is not None and not _KITCHEN.search(plain):
        line_start = max(plain.rfind(c, 0, w.start()) for c in ".!?\n") + 1
        if _AT_PERSON.search(plain, line_start, w.start()):
            best = Threat("weapon", line_start, w.end())
    for kind, rx in _PATTERNS:
        m = rx.search(plain)
        if m and (best is None or m.start() < best.start):
            best = Threat(kind, m.start(), m.end())
    return best
