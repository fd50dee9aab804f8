"""discrimination (1.5): content against a protected characteristic (Equality Act 2010).

Slurs (also obfuscated: "p@k1", "f*g", spaced or zero-width letters), stereotypes and
exclusion on any of the nine characteristics, deadnaming or misgendering. Counter-speech,
reported speech and lessons about prejudice are not flagged. The finding names the
characteristic in its message and in ``detail['characteristic']``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from socialguard.analysis.detectors.base import CheckInput
from socialguard.analysis.finding import Finding
from socialguard.analysis.harms import HarmDetector, condemns, counter_speech, harm_model, hits_in
from socialguard.analysis.lexicons import CHARACTERISTIC_IDS, CHARACTERISTICS


_PUPIL_WORDS = {"boys", "girls", "boy", "girl", "lads"}


def _pupils_only(sex_words: Iterable[str]) -> bool:
    """Whether sex is named only by pupils' words ("our boys"): who a school post is about,
    rarely what it attacks, so another characteristic named as often wins."""
    return all(w in _PUPIL_WORDS for w in sex_words)


def characteristic(inp: CheckInput, span: tuple[int, int] | None) -> str:
    """The protected characteristic the post is about: slur, then topic words, then the model."""
    slurs = [h for h in hits_in(inp, "slur") if span is None or span[0] <= h[0] < span[1]] or \
        hits_in(inp, "slur")
    if slurs:
        return slurs[0][3]
    votes: Counter[str] = Counter()
    for ch in CHARACTERISTICS:
        for a, _b, _t, _l in hits_in(inp, f"char:{ch}"):
            votes[ch] += 2 if span is not None and span[0] <= a < span[1] else 1
    if votes:
        # "a teacher who's gay around our boys" attacks gay people, not boys
        demote = _pupils_only(t for _a, _b, t, _l in hits_in(inp, "char:sex"))
        return max(votes, key=lambda ch: (votes[ch], not (ch == "sex" and demote)))
    model = harm_model()
    sc = inp.cache.get("harm")
    if model is not None and sc is not None and model.centroids is not None and sc.emb is not None:
        sims = sc.emb @ model.centroids.T
        return CHARACTERISTICS[int(sims.max(0).argmax())]
    return "a protected characteristic"


# An inclusive, celebratory post about a group ("Happy Eid to our Muslim families", "trans
# people are welcome here") reads close to a post about the group that attacks it; these
# cues separate them when the model is unsure.
_WARM = re.compile(r"\b(?:equal|equally|equality|just as \w+ as|(?:ok|okay|fine) to be|as \w+ as anyone|deserve (?:equal|the same|"
                   r"respect|dignity)|welcome|welcoming|proud|pride|celebrat\w*|happy|congratulations|congrats|"
                   r"thank\w*|love|lovely|wonderful|delighted|excited|news|inclusive|together|"
                   r"great|brilliant|amazing|fantastic|excellent|superb|legends?|fab|fabulous|kind|kindest|"
                   r"everyone|all our)\b")
_HOSTILE = re.compile(r"\b(?:not|no|never|shouldn'?t|don'?t|doesn'?t|won'?t|can'?t|ban\w*|get rid|"
                      r"go back|send them|ruin\w*|typical|all the same|they all|sick of|fed up|"
                      r"disgust\w*|dirty|lazy|vermin|scum|hate|stupid|weird|normal|should)\b")


# The group as the one who suffers an injustice ("I hate that disabled people still face
# barriers", "it's wrong how trans kids are treated"): a stance for the group, not against it.
_SYMPATHY = re.compile(
    r"\b(?:hate|sad|shame|shameful|wrong|unfair|angry|angers|frustrat\w*|awful|terrible)\b[^.!?]{0,12}"
    r"\b(?:that|how|when|the way)\b[^.!?]{0,60}\b(?:face|faces|facing|experience|experiences|suffer|"
    r"suffers|struggle|struggles|have to|has to|are denied|are excluded|are left out|are treated|"
    r"get treated|are bullied|are targeted|are abused|still)\b")


# A generalisation about a protected group with a derogatory predicate in the same sentence
# ("X are disgusting", "I can't stand X", "X don't belong here"), unless the sentence reports
# or condemns it.
_DEROGATORY = re.compile(
    r"\b(?:disgusting|dirty|filthy|lazy|vermin|scum|animals|parasites|thieves|criminals|rapists|"
    r"terrorists|subhuman|inferior|freaks|perverts|groomers|(?:don'?t|do not|doesn'?t) belong|"
    r"go back|send (?:them|em|it) back|get rid of|kick (?:them|em) out|can'?t stand|can'?t bear|"
    r"despise|detest|loathe|abhor|"
    r"hate(?! (?:that|how|the way|it when|seeing|to see))|"
    r"ruin\w*|should(?:n'?t| not) be allowed|not welcome|no place|sick of|breeding|invading|"
    r"taking over|all the same)\b")
_REPORTED = re.compile(
    r"\b(?:not ok|not okay|never ok|never okay|wrong|unacceptable|report\w*|hateful|racis\w*|"
    r"discriminat\w*|abuse|saying|said|says|called|wrote|written|shouted|told|heard|stand with|"
    r"stand against|challenge|never say|would never|don'?t believe|myth|stereotype|"
    r"stop (?:acting like|saying|pretending|calling|treating|assuming))\b")


_GROUPS = [(re.compile(rf"\b(?:{words})\b"), ch) for words, ch in (
    (r"muslims|jews|jewish people|christians|hindus|sikhs|catholics|atheists", "religion or belief"),
    (r"gays|gay people|gay men|lesbians|bisexuals|homosexuals|queers", "sexual orientation"),
    (r"trans people|transgender people|trans kids|trans women|trans men|non-binary people", "gender reassignment"),
    (r"disabled people|disabled kids|the disabled|autistic people|autistic kids|sen kids|send kids|"
     r"wheelchair users|deaf people|blind people", "disability"),
    (r"immigrants|migrants|refugees|asylum seekers|foreigners|black people|white people|asians|"
     r"africans|pakistanis|indians|chinese people|polish people|polish families|poles|romanians|"
     r"eastern europeans|travellers|gypsies|roma", "race"),
    (r"women|girls|men|boys|females|males", "sex"),
    (r"old people|oldies|pensioners|the elderly|older teachers|older staff|young people", "age"),
    (r"pregnant women|pregnant staff|new mums|mums on maternity", "pregnancy and maternity"),
    (r"single mums|single parents|married couples|unmarried", "marriage and civil partnership"),
)]
# "<adjective> <people>": "Romanian families", "Muslim pupils", "female heads", "same-sex parents"
_ADJECTIVES = (
    ("religion or belief", r"muslim|jewish|christian|hindu|sikh|catholic|buddhist|islamic"),
    ("sexual orientation", r"gay|lesbian|bisexual|bi|queer|same-sex|same sex"),
    ("gender reassignment", r"trans|transgender|non-binary|nonbinary"),
    ("disability", r"disabled|autistic|deaf|blind|sen|send|wheelchair"),
    ("race", r"black|white|asian|african|caribbean|pakistani|indian|bangladeshi|chinese|polish|"
             r"romanian|bulgarian|lithuanian|albanian|somali|nigerian|eastern european|foreign|immigrant|"
             r"migrant|refugee|traveller|gypsy|roma|irish|arab|turkish|kurdish|syrian|afghan|jamaican"),
    ("sex", r"female|male|women|woman|lady|girl"),
    ("age", r"old|older|elderly|young|younger"),
    ("pregnancy and maternity", r"pregnant|expectant"),
    ("marriage and civil partnership", r"married|unmarried|single|divorced"),
)
_PEOPLE = (r"families|family|kids|children|pupils|parents|people|men|women|girls|boys|lads|staff|"
           r"teachers|mums|moms|dads|students|neighbours|folk|workers|colleagues|governors|couples|"
           r"coaches|heads|leaders|mothers|fathers|users|lot|ones|population|community")
_GROUPS += [(re.compile(rf"\b(?:{adj})\s+(?:{_PEOPLE})\b"), ch) for ch, adj in _ADJECTIVES]
_GROUPS.append((re.compile(r"\b(?:islam|sharia)\b"), "religion or belief"))
# "typical Irish", "a teacher who's gay": a person taken as a sample of the group
_GROUPS += [(re.compile(rf"\btypical\s+(?:{adj})\b"), ch) for ch, adj in _ADJECTIVES if ch not in ("age", "sex")]
_GROUPS += [(re.compile(rf"\b(?:who'?s|who is|who are|that'?s|that is)\s+(?:(?:a|openly|clearly)\s+)?(?:{adj})\b"), ch)
            for ch, adj in _ADJECTIVES if ch in ("religion or belief", "sexual orientation", "gender reassignment")]
_ANY_GROUP = re.compile("|".join(rx.pattern for rx, _ in _GROUPS))

# More derogatory predicates, for generalisations about a group named in the same sentence
# only (alone, "a problem" or "dangerous" are ordinary words).
_DEROGATORY_GROUP = re.compile(
    _DEROGATORY.pattern[:-3] + r"|a drain|a burden|a plague|a disease|diseased|a virus|a cancer|"
    r"cockroaches|rats|savages|backward|primitive|sneaky|greedy|thick|stupid|stoopid|dumb|"
    r"useless|worthless|pathetic|vile|evil|revolting|repulsive|trash|rubbish|a waste of space|pests|"
    r"abnormal|unnatural|not normal|not natural|mentally ill|the worst|a joke|a disgrace|"
    r"(?:are|is|r)n'?t cut out|not cut out|can'?t be trusted|cannot be trusted|wouldn'?t trust|"
    r"never trust|incompatible|a problem|predators|a danger|dangerous|a threat|hysterical|"
    r"too emotional|run (?:the|our|everything)|control (?:the|our|everything)|be banned|"
    r"banned from|keep (?:them|em) away|keep away from|away from (?:our|my) (?:kids|children|son|daughter)|"
    r"safe to let|safe around|not safe|supposed to trust|(?:how|why) (?:can|could|would|should) (?:we|you|anyone) trust|"
    r"breed like|multiply like|take (?:every|all (?:the|our)|our) (?:school places|places|jobs|houses|homes)|"
    r"taking (?:all )?our (?:school places|places|jobs|houses|homes)|steal\w* our (?:jobs|homes|places)|"
    r"(?:always|all|usually|permanently|constantly) drunk|drunk (?:by|before|every|all the time|again)|"
    r"scroungers|spongers|freeloaders)\b")
# A sentence that sets up a claim in order to deny it: "it's not like X are ...".
_DENIED = re.compile(r"\b(?:it'?s not like|its not like|not that|no one is saying|nobody is saying|"
                     r"no-one is saying|i'?m not saying|im not saying|isn'?t true that|it'?s a myth that|"
                     r"the myth that|not because)\b")
# Animal emoji aimed at a person: "kofi = 🐒", "you 🐒".
_EMOJI_SLUR = re.compile(r"(?:=|\bis a|\bis an|\byou|\bu|\bur|\blike a|\blooks like)\s*(?:🐒|🐵|🦍|🙈)")
# Slurs that are also ordinary British words ("fags" are cigarettes): only when aimed at someone.
_AMBIGUOUS = {"fag", "fags", "bender", "homo", "mong", "coon", "spic"}
# the cigarette, the faggot with gravy: "going for a fag", "a packet of fags"
_EVERYDAY = re.compile(r"\b(?:for|have|had|having|smoke|smoking|want|need|fancy|packet of|pack of|box of|"
                       r"couple of|sneaky|quick|crafty|rolled|roll|light|lit)\s+(?:a\s+)?$")
_AIMED = re.compile(r"(?:\b(?:a|an|you|u|ur|such|ya|little|dirty|fucking|is|are|them|those|these|"
                    r"bunch of|like a)\s+)$")


def _everyday_sense(lowered: str, hit: tuple) -> bool:
    """Whether a slur hit is a word with an everyday meaning used in that meaning, or not
    aimed at anyone ("nipping out for a fag", "a packet of fags")."""
    before = lowered[max(0, hit[0] - 25):hit[0]]
    return hit[2] in _AMBIGUOUS and bool(_EVERYDAY.search(before) or not _AIMED.search(before[-20:]))


_HEDGE = re.compile(r"\b(?:not|never)\s+(?:that\s+)?(?:i'?m\s+|im\s+)?saying\b")
_QUOTES = re.compile(r"['\"\u2018\u2019\u201c\u201d]")
_BUT = re.compile(r"[^.!?\n]{0,40}?\b(?:but|though|tho|however|just saying|all the same)\b")
_NEGATOR = re.compile(r"(?:\bnot|\bnever|\bno longer|n't|\bdont|\bdoesnt|\bisnt|\barent)\s+"
                      r"(?:(?:\w+\s+){1,2}(?:or|nor)\s+)?(?:\w+\s+)?$")


def _all_negated(text: str) -> bool:
    """Whether every derogatory word is negated ("I don't hate X", "X are not lazy").

    A negated attack is no attack; "not welcome" is itself derogatory, so it never counts
    as negating itself.
    """
    found = list(_DEROGATORY_GROUP.finditer(text))
    return bool(found) and all(
        _is_negated(text, m, max(text.rfind(c, 0, m.start()) for c in ".!?") + 1) for m in found)


def _is_negated(text: str, m: re.Match, start: int = 0) -> bool:
    """Whether the derogatory words ``m`` are negated or denied within their sentence, which
    starts at ``start`` ("X are not lazy", "it's not like X are ..."). "Not welcome" and
    "aren't cut out" carry their own negation: that is the insult."""
    if re.match(r"not |(?:are|is|r)n'?t ", m.group()):
        return False
    if _BUT.match(text, m.end()):
        return False  # "I'm not saying they're all thieves, but ...": the claim is kept
    # quotes around the denied words do not undo the denial: "Girls are not 'too emotional'"
    window = _QUOTES.sub("", text[max(start, m.start() - 30):m.start()])
    return bool(_NEGATOR.search(window) or _DENIED.search(text[start:m.start()]))


class DiscriminationDetector(HarmDetector):
    rule = "discrimination"

    def vetoed(self, inp: CheckInput, p: float) -> bool:
        text = inp.text.plain.text
        if p < 0.97 and counter_speech(inp, self._hurtful_at(inp)):
            return True
        if _all_negated(text) and not hits_in(inp, "slur"):
            return True
        if p < 0.95 and self._only_homonyms(inp) and not _DEROGATORY_GROUP.search(text):
            return True  # "nipping out for a fag": the word's other meaning, aimed at no one
        cues = any(hits_in(inp, k) for k in ("slur", "insult", "profanity", "threat"))
        if p < 0.75 and not cues and _SYMPATHY.search(text) and not _DEROGATORY.search(text):
            return True
        return (p < 0.75 and not cues and bool(_WARM.search(text)) and not _HOSTILE.search(text)
                and not self._group_floor(inp, p))

    @staticmethod
    def _only_homonyms(inp: CheckInput) -> bool:
        """Whether every slur in the post is one with an everyday meaning, not aimed at anyone."""
        slurs = hits_in(inp, "slur")
        lowered = inp.post.text.lower()
        return bool(slurs) and all(_everyday_sense(lowered, h) for h in slurs)

    @staticmethod
    def _hurtful_at(inp: CheckInput) -> list[int]:
        plain = inp.text.plain
        words = [plain.span(m.start(), m.end())[0] for m in _DEROGATORY.finditer(plain.text)]
        return words + [h[0] for k in ("slur", "insult") for h in hits_in(inp, k)]

    def make(self, inp: CheckInput, p: float, span: tuple[int, int] | None) -> Finding | None:
        # a generalisation read from the sentence names its group best ("single mums ... they're")
        group = None if hits_in(inp, "slur") else self._group_floor(inp, p)
        ch = group[0].detail["characteristic"] if group else characteristic(inp, span)
        return self.finding(
            inp, confidence=p, span=span,
            detail={"characteristic": ch, "characteristic_id": CHARACTERISTIC_IDS.get(ch, "")},
            message=f"This is discriminatory on the grounds of {ch} (a protected characteristic "
                    "under the Equality Act 2010).")

    def floor(self, inp: CheckInput, p: float, thr: float) -> list[Finding]:
        """A slur aimed at someone, or a derogatory generalisation about a protected group, is
        discrimination whatever the model says, unless the post reports, condemns or teaches it."""
        if p >= thr:
            return []
        if condemns(inp) or hits_in(inp, "teaching"):
            return []
        emoji = _EMOJI_SLUR.search(inp.post.text)
        if emoji and not counter_speech(inp, [emoji.start()]):
            return [self.finding(
                inp, confidence=max(p, 0.7), span=emoji.span(),
                detail={"characteristic": "race", "characteristic_id": CHARACTERISTIC_IDS.get("race", "")},
                message="This uses an animal emoji as a racist slur against a person (race is a protected "
                        "characteristic under the Equality Act 2010).")]
        slurs = hits_in(inp, "slur")
        if not slurs:
            return self._group_floor(inp, p)
        text = inp.post.text
        lowered = text.lower()
        slurs = [h for h in slurs if not _everyday_sense(lowered, h)]
        if not slurs:
            return self._group_floor(inp, p)
        a, b, term, ch = slurs[0]
        quoted = a > 0 and text[a - 1] in "\"'‘’“”" and b < len(text) and text[b] in "\"'‘’“”"
        if quoted or counter_speech(inp, [h[0] for h in slurs]):
            return []
        return [self.finding(
            inp, confidence=max(p, 0.7), span=(a, b),
            detail={"characteristic": ch, "characteristic_id": CHARACTERISTIC_IDS.get(ch, "")},
            message=f"This uses a slur against {ch} (a protected characteristic under the "
                    "Equality Act 2010).")]

    def _group_floor(self, inp: CheckInput, p: float) -> list[Finding]:
        from socialguard.analysis.models.harm_model import sentences
        plain = inp.text.plain.text
        if not (_ANY_GROUP.search(plain) and _DEROGATORY_GROUP.search(plain)):  # the common case, cheaply
            return []
        group_before: str | None = None
        for x, y in sentences(plain):
            sent = plain[x:y]
            x0 = x
            named = [(ch, m.group()) for rx, ch in _GROUPS for m in (rx.search(sent),) if m]
            inside = [ch for ch, _ in named]
            if len(inside) > 1 and _pupils_only(w for ch, w in named if ch == "sex"):
                inside.sort(key=lambda ch: ch == "sex")  # as in ``characteristic``
            # "Women in leadership? They're emotional...": the group named one sentence before
            if not inside and group_before and re.match(r"\W*(?:they|they'?re|theyre|them|those|these)\b", sent):
                inside = [group_before]
            group_before = inside[0] if inside else None
            x, y = inp.text.plain.span(x, y)
            der = _DEROGATORY_GROUP.search(sent)
            rep = _REPORTED.search(sent)
            # reported or condemned only when the frame comes first ("saying X are ...");
            # "X are vermin and saying so isn't racist" is the author's own claim
            reported = rep is not None and der is not None and rep.start() <= der.start()
            if reported and _HEDGE.search(sent[:der.start()]) and _BUT.match(sent, der.end()):
                reported = False  # "not saying X are criminals but ...": a hedge, not a report
            if inside and der and not reported:
                # or quoted and condemned anywhere in the post ("claiming '...'. This is prejudice")
                reported = counter_speech(inp, [inp.text.plain.span(x0 + der.start(), x0 + der.end())[0]])
            if inside and der and not (reported or _is_negated(sent, der)) and "'" not in sent[:1]:
                ch = inside[0]
                return [self.finding(
                    inp, confidence=max(p, 0.6), span=(x, y),
                    detail={"characteristic": ch, "characteristic_id": CHARACTERISTIC_IDS.get(ch, "")},
                    message=f"This is a derogatory generalisation on the grounds of {ch} (a protected "
                            "characteristic under the Equality Act 2010).")]
        return []
