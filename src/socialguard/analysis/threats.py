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
    r"kill|murder|hurt|stab|smack|whack|shank|shoot|punch|kick|batter|smash|break|burn|torch|slap|strangle|"
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
_OBJ = (rf"(?:(?:that|the|this|your|ur|his|her|their) (?:\w+ )?(?:grin|smile|smirk|look) off {_POSS} face\b|"
        rf"(?:that|this) (?:\w+ )?(?:face|head|gob|mouth)\b|"
        rf"{_WHO}\b|{_POSS}\s+(?:\w+\s+)?(?:face|head|legs?|arms?|neck|teeth|jaw|nose|skull|body|throat|"
        r"knees?|life|car|house|windows?|tyres|tires|door|bike|family|kids?)\b|"
        r"[a-z]+'s\s+(?:face|head|legs?|arms?|neck|teeth|jaw|nose|skull|knees?|body|car|house|windows?|"
        r"tyres|tires|door|bike)\b)")
_INTENT = (r"(?:i'?ll|i will|we'?ll|we will|i'?m (?:going to|gonna|gunna|about to)|"
           r"im (?:going to|gonna|gunna|about to)|i am (?:going to|about to)|"
           r"we'?re (?:going to|gonna|gunna)|were gonna|ima|imma|i'?ma|i swear (?:down )?i'?ll|"
           r"i'?d (?:happily|gladly|love to)|(?:i|we) want to|i wanna|gonna|going to|"
           r"(?:i|we)'?d|(?:i|we) would|"
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
_NOT_SKIPPED = r"(?:above|below|beyond|with|for|to|at|than|from|like|about|of|into|off|on)\b"
# "we'd destroy them at rounders": a contest, not violence
_CONTEST = (r"(?! (?:at|in) (?:rounders|netball|hockey|football|rugby|cricket|tennis|badminton|chess|monopoly|"
            r"scrabble|fifa|fortnite|mario ?kart|sports day|the quiz|quiz|the race|the match|the game|the final|"
            r"dodgeball|bowling|golf|swimming|athletics|darts|pool|snooker|cards|uno|table tennis|ping pong|"
            r"spelling bee|times tables|maths)\b)")
_YOU_WILL = (r"(?:you'?ll|you will|u will|ull|you'?re (?:going to|gonna)|you are (?:going to|gonna)|"
             r"ur (?:going to|gonna)|he'?ll|she'?ll|they'?ll|(?:he|she|they) will)")

# violence done to someone, as a participle ("punched") or a noun ("a beating")
_HURT_PP = (r"(?:punched|smacked|slapped|beaten(?: up)?|battered|stabbed|shot|slashed|kicked in|kicked|"
            r"knocked out|hurt|killed|attacked|jumped|bottled|glassed|knifed|shanked|strangled|run over|"
            r"thumped|decked|leathered|done in|put in hospital|smashed(?: in)?)(?! out of| off the| up the)")
_HURT_NOUN = r"(?:beating|kicking|hiding|slap|smack|punch|battering|thumping|leathering|bullet|knife|good hiding)"
# someone or something of someone's: "that kid", "the ref", "him", "Mrs Collins"
_TARGET = (rf"(?:{_WHO}\b|(?:that|this|the|those|these) (?:\w+ )?(?:kid|boy|girl|lad|teacher|man|woman|"
           r"guy|bloke|ref|referee|driver|coach|head|dinner lady|cow|prick|idiot|twat|kids|boys|girls)\b)")
_WEAPON_WORD = (r"(?:knife|knives|blade|machete|shank|gun|shotgun|rifle|pistol|bomb|weapon|axe|acid|"
                r"crossbow|zombie knife|kitchen knife)")
# things that "need a good beating": the rug, the egg whites
_THING = r"(?:rug|carpet|mat|mats|cushion|pillow|egg|eggs|whites|mixture|dough|cream|butter|batter|steak|meat|sofa|duvet)"
_THING_BEFORE = re.compile(rf"\b{_THING}\s+(?:\w+\s+)?$")
# acts others are told to do to someone; not "beat", "smash" or "destroy" (said of a team)
_INCITE_ACT = (r"(?:kill|murder|hurt|stab|shank|shoot|punch|kick|batter|slap|strangle|choke|glass|bottle|brick|"
               r"jump|drown|headbutt|thump|lamp|smack|whack|knife|deck|beat up|shoot up|run over|leather|twat)")
_TOY = r"(?:glue|water|nerf|toy|cap|foam|bubble|squirt|hot glue|massage|staple|paint|bath|butter|plastic|pretend|prop)"

_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    # "I'm going to absolutely batter you", "we'll smash his face in", "ima find u"
    ("intent", re.compile(rf"\b{_INTENT}\s+{_BETWEEN}(?:(?:{_ACT})\s+(?:(?!{_NOT_SKIPPED})\w+\s+){{0,3}}?{_OBJ}|"
                          rf"{_ACT_WHO}){_CONTEST}")),
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
        rf"\bcount {_POSS} days\b(?=\s*(?:$|[.!,?\n]|mate|pal|lol))|"
        # a fight called for a time and place: "meet me behind the sports hall at 3 and we'll settle this"
        rf"\bmeet (?:me|us) (?:behind|outside|at|by|after|round|near|in)\b[^.!?\n]{{0,40}}\b(?:and|so|&) "
        rf"(?:we'?ll|we will|we can|i'?ll|i will|ill|we'?re gonna|we gonna) (?:settle|sort|finish|end|see about) "
        rf"(?:this|it|that|this out|it out|things)\b|"
        rf"\bsnitch(?:es)? (?:get|gets|end up with|end up in|will get) (?:stitches|ditches|hurt|battered)\b|"
        rf"\b(?:won'?t|wont|will not|never) see (?:it|me|us|them) coming\b|"
        rf"\bwatch {_POSS} back\b|\bwatch (?:yourself|urself)\b(?! (?:on|in|at)\b)|"
        rf"\bknow (?:where|what time) (?:you|u|he|she|they|your|ur|his|her|their|"
        rf"(?:mr|mrs|miss|ms|sir|dr|mx) \w+) "
        rf"(?:\w+ )?(?:lives?|parks?|works?|drinks?|leaves?|finish(?:es)?|walks?|sleeps?|kids?|"
        rf"family|car|house|mum|live)\b|"
        rf"\b(?:get|gets|getting) what'?s coming(?: to (?:you|u|him|her|them))?\b|"
        rf"\b(?:shame|pity) if (?:something|anything) (?:happened|was to happen|were to happen|"
        rf"bad happened) to\b|"
        rf"\b(?:shame|pity) if {_POSS} (?:\w+ )?(?:car|house|windows?|van|shop|bike|kids?|family|face) "
        rf"(?:got|was|were|went|caught|had)\b|"
        rf"\b{_POSS} (?:car|house|van|shop|windows?|bike|garden|home) (?:would|will|might|'d) look "
        rf"(?:nice|good|better|lovely|great|pretty) (?:on fire|in flames|smashed|burnt out|burned out|"
        rf"with (?:a brick|no windows))\b|"
        rf"\b{_POSS} (?:kids|children|family|daughter|son|wife|husband|mum|missus|girlfriend|boyfriend) "
        rf"(?:aren'?t|arent|are not|isn'?t|isnt|is not|won'?t be|wont be|will not be|ain'?t) safe\b"
        rf"(?=[^.!?\n]{{0,20}}(?:just saying|anymore|any more|round here|around here|from (?:me|us)|"
        rf"remember that|think about (?:it|that)|if (?:you|u|he|she|they)))|"
        rf"\bbe careful (?:walking|going|on (?:your|ur) way) home\b|"
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
    # the state the target will be left in: "you'll be leaving in an ambulance", "I'll make
    # sure you never walk again", "Dean is getting his head kicked in"
    ("outcome", re.compile(
        r"\b(?:leav(?:e|es|ing)|go(?:ing)? home|be carried out|come out) in "
        r"(?:an ambulance|a body ?bag|a coffin|a box|a wheelchair)\b|"
        r"\bmake sure (?:you|u|he|she|they|him|her|them) (?:never|can'?t|cant|won'?t|wont) "
        r"(?:(?:walks?|talks?|smiles?|breathes?|sees?|works?|teach(?:es)?|comes? back) again|"
        r"show (?:your|ur|his|her|their) face (?:again|round here|around here))\b|"
        r"\b(?:you|u|he|she|they)(?:'ll| will) never (?:walk|talk|smile|breathe|see straight) again\b|"
        r"\b(?:won'?t|wont|will not) have (?:any )?(?:hands|teeth|legs|fingers|arms|kneecaps|a face) left\b|"
        r"\b(?:won'?t|wont|will not) (?:make it|get) home (?:alive|in one piece|tonight)\b|"
        r"\b(?:can'?t wait|(?:i|we) (?:want|wanna|would love|'?d love|'?d like)) to (?:see|watch|make) "
        r"(?:you|u|him|her|them) (?:bleed|suffer|die|get hurt|get battered|in hospital|beg|burn|rot)\b|"
        r"\b(?:you|u|he|she|they)(?:'ll| will) get what (?:you|u|he|she|they) deserves?\b|"
        r"\bgive me (?:\w+ )?(?:minutes?|mins?|seconds?) (?:alone with [a-z]+\b|with (?:him|her|them|you|u) "
        r"(?:and|&) (?:he|she|they|you|u)(?:'ll| will)? (?:won'?t|wont|will never|never|be sorry|regret))|"
        r"\bbetter hope (?:i|we) (?:don'?t|never|do not) (?:see|catch|find|meet|bump into) (?:you|u|him|her|them)\b|"
        r"\b(?:you|u|he|she|they) (?:won'?t|wont|will not|ain'?t gonna|aren'?t gonna) (?:see|live to see|make it to) "
        r"(?:christmas|next week|the weekend|(?:your|his|her|their) next birthday|monday|tomorrow|another day|"
        r"the end of the (?:week|day|term|year))(?=\s*(?:$|[.!,?]))|"
        r"\bmake (?:you|u|him|her|them|[a-z]+) wish (?:you|u|he|she|they)(?:'d| had| was| were)? (?:never been|was never|"
        r"were never|never) born\b|"
        r"\bwatch what happens to (?:your|ur|his|her|their) (?:\w+ )?(?:son|daughter|kids?|children|family|car|"
        r"house|wife|husband|mum|dad|face)\b|"
        # ...to the person themself, at a time or place ("watch what happens to you after PE")
        r"\bwatch what happens to (?:you|u|him|her|them)\b(?=\s*(?:$|[.!,]|after\b|at\b|outside\b|tomorrow\b|"
        r"tonight\b|on (?:monday|tuesday|wednesday|thursday|friday|the way)\b|when (?:i|we) ))|"
        # "you'll be crying by Friday, I promise you that"
        rf"\b{_YOU_WILL} be (?:crying|begging|bleeding)\s+(?:by|before)\s+(?:monday|tuesday|wednesday|thursday|"
        r"friday|the weekend|tomorrow|tonight|home ?time|break|lunch)\b[^.!?\n]{0,20}"
        r"\b(?:i promise(?: you)?|promise you|trust me|mark my words|just (?:you )?wait)\b|"
        rf"\b{_POSS} (?:teeth|head|face|legs?|nose|jaw|kneecaps) (?:is|are|'s|'re|will be|gonna be|are gonna be|"
        r"are going to be|is gonna be) (?:getting |gonna get )?(?:knocked out|kicked in|smashed in|smashed|caved in|"
        r"broken|punched in)\b|"
        r"\bnext time (?:you|u) see (?:me|us)[^.!?\n]{0,20}\b(?:better run|you'?re dead|ur dead|run)\b|"
        rf"\b(?:get|gets|getting|gonna get|going to get|about to get|will get|'ll get) {_POSS} "
        r"(?:head|face|teeth|legs?|skull|jaw|nose|knees?) (?:kicked|smashed|caved|punched|bashed|battered|"
        r"stamped|booted)(?: in| off| out)?\b|"
        r"\b(?:is|are|'s|'re) (?:getting|gonna get|going to get|about to get) (?:smacked|slapped|decked|merked|"
        r"bodied|punched|bottled|glassed|leathered|twatted|sparked out|knocked out)\b"
        r"(?=[^.!?\n]{0,40}(?:\bif\b|\bwhen\b|\bnext\b|\bagain\b|warned|tomorrow|tonight|after school|"
        r"monday|tuesday|wednesday|thursday|friday|at lunch|at break))")),
    # harm someone "deserves" or "needs": "he deserves a proper beating", "she needs her head
    # kicked in", "deserves to get her tyres slashed"
    ("deserve", re.compile(
        rf"\b(?:deserves?|needs?|wants?|should get|ought to get)\s+(?:a |an |another )?(?:good |"
        rf"proper |real |right |bloody |fucking )?{_HURT_NOUN}\b(?! of\b)|"
        rf"\b(?:deserves?|needs?) to (?:be|get) (?:\w+ )?{_HURT_PP}\b(?! by\b)|"
        rf"\b(?:deserves?|needs?|wants?)(?: to (?:get|have))? {_POSS} (?:\w+ )?(?:head|face|teeth|legs?|jaw|nose|"
        rf"tyres|tires|windows?|car|house) (?:kicked|smashed|punched|caved|knocked|slashed|keyed|bricked|"
        rf"put through|burnt|burned|done)(?: in| out| through)?\b")),
    # others told to do it: "someone punch that kid", "go and batter him", "let's jump her"
    ("incite", re.compile(
        rf"\b(?:someone|somebody|some1|sum1|go and|go|let'?s|lets|everyone|y'?all|you lot) (?:just |should |"
        rf"needs to |wanna |gotta )?{_INCITE_ACT} {_TARGET}(?! up\b)")),
    # weapons brought in, and attacks on a place: "I'm bringing a knife in tomorrow",
    # "gonna shoot up the school"
    ("weapon", re.compile(
        rf"\b(?:i'?m|im|i am|i will|i'?ll|ill|we'?re|we are|we will|we'?ll|gonna|going to|imma|ima)\s+"
        rf"(?:\w+\s+)?(?:bring|bringing|carry|carrying|take|taking|tek)\s+(?:a|an|my|me|his|her|the|\w+'s)\s+"
        rf"(?:(?!{_TOY}\b)[\w']+\s+)?{_WEAPON_WORD}\b|"
        r"\b(?:shoot|shooting|bomb|bombing|blow|blowing|torch|torching|set fire to|setting fire to|firebomb|"
        r"petrol bomb|burn|burning) (?:up |down )?(?:the|that|this|our|ur|your|my|his|her) (?:\w+ )?"
        r"(?:school|academy|college|classroom|staffroom|assembly|canteen|hall)\b(?! (?:play|show|disco|fair|"
        r"production|musical|trip|photo|drill))")),
    # calls for violence on people: "should be strung up", "someone should torch that place"
    ("call", re.compile(
        r"\b(?:should|need to|needs to|ought to|deserve to|deserves to|want to)\s+be\s+"
        r"(?:\w+\s+)?(?:shot|hanged|hung|strung up|gassed|burn(?:ed|t)(?: alive)?|killed|wiped out|"
        r"exterminated|put down|lined up|beaten|stoned|castrated|sterilised|sterilized|drowned|"
        r"kicked to death|set on fire|culled|battered|stabbed|lynched|punched|smacked|slapped|knifed|"
        r"glassed|bottled|run over|beaten up|attacked)\b(?! by (?:nobody|no one|noone|anyone|anybody)\b)|"
        r"\bsomeone (?:should|needs to|ought to|wants to|is gonna|is going to|will)\s+(?:just\s+)?"
        r"(?:torch|burn|bomb|shoot|stab|kill|batter|smash|petrol bomb|firebomb|brick|jump|"
        r"do (?:him|her|them) in|sort (?:him|her|them) out|run (?:him|her|them) over|"
        r"teach (?:him|her|them) a lesson|give (?:him|her|them) a (?:slap|kicking|hiding|beating)|"
        r"give (?:that|this|the) \w+ (?:\w+ )?a (?:good )?(?:slap|kicking|hiding|beating|battering))\b|"
        r"\bteach\b[^.!?\n]{0,30}\ba lesson\b[^.!?\n]{0,40}\bwith (?:a|my|the|his|her|their|me) "
        r"(?:baseball )?(?:bat|knife|brick|hammer|crowbar|machete|golf club|belt|blade|fists?)\b|"
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
        # wishing an attack on a person: "I hope someone beats you up on the way home"
        r"\bhope (?:someone|somebody|some1|sum1|they|he|she) (?:\w+ )?(?:beats|batters|punches|stabs|hurts|kills|"
        r"jumps|smacks|slaps|kicks|bottles|glasses|knifes|runs over|does in|shoots|attacks) "
        r"(?:you|u|him|her|them|that \w+|ur|your|his)\b|"
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
        # "... and I'm happy to give him one"
        r"|\b(?:happy|going|gonna|about) to give (?:him|her|them|you|u) one\b"
        # veiled: "you've been warned. Next time it won't just be words"
        r"|\bwon'?t (?:just )?be (?:just )?words\b")),
)


# a weapon emoji in a message about a person: "we'll be waiting by the gates 🔪"
_WEAPON = re.compile(r"[\U0001F52A\U0001F52B\U0001F5E1\U0001FA93\U0001F4A3\u2694]")
_AT_PERSON = re.compile(rf"\b(?:{_WHO}|ur|your|his|her|their|better not|waiting|wait|coming|see)\b")
_COOK = (r"cook|cooking|bake|baking|recipe|chef|chopping|knife skills|food tech|veg|vegetables|onions?|carv\w*|"
         r"bbq|barbecue")
_KITCHEN = re.compile(rf"\b(?:{_COOK}|kitchen|food|dt|dinner|lunch|tea)\b")
# cooking, not violence; narrower than _KITCHEN: "bringing a knife in at lunch" is a threat
_COOKING = re.compile(rf"\b(?:{_COOK}|food technology|whisk|whites|mixture|dough|fold in|cake|sponge|batter|meringue)\b")


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
    kitchen = None
    for kind, rx in _PATTERNS:
        m = rx.search(plain)
        if m and kind == "deserve" and _THING_BEFORE.search(plain[max(0, m.start() - 30):m.start()]):
            m = None  # "this rug deserves a proper beating"
        if m and kind in ("weapon", "deserve"):
            kitchen = _COOKING.search(plain) if kitchen is None else kitchen
            if kitchen:  # "a knife for food tech", "the whites need a good beating"
                continue
        if m and (best is None or m.start() < best.start):
            best = Threat(kind, m.start(), m.end())
    return best
