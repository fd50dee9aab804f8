"""What the seven harm detectors of clause 1.5 share: the model, spans, targets, messages.

Each detector (``detectors/harassment.py`` ...) is a ``HarmDetector`` naming its rule and
adding what is special to it (the protected characteristic, a stock image, a severity
rule). The model scores a whole batch once in ``prepare``; results sit in
``inp.cache['harm']`` so seven detectors cost one pass of the encoder.
"""

from __future__ import annotations

import logging
import re
from functools import lru_cache
from typing import ClassVar

from socialguard.analysis.detectors.base import CheckInput, Detector
from socialguard.analysis.finding import Finding

log = logging.getLogger(__name__)


@lru_cache(maxsize=1)
def harm_model():
    """The shipped harm model, or None (logged once) when its files cannot be loaded."""
    try:
        from socialguard.analysis.models.harm_model import default_model
        return default_model()
    except Exception:
        log.exception("harm model could not be loaded; the harm detectors are off")
        return None


def hits_in(inp: CheckInput, kind: str) -> list[tuple[int, int, str, str]]:
    """Lexicon hits of ``kind`` in the post: (start, end) in the original text, term, label."""
    sc = inp.cache.get("harm")
    if sc is None:
        return []
    from socialguard.analysis.models.harm_model import views
    out = []
    for u in sc.units:
        # a chunk's hits index that chunk's views
        unit_views = views(inp, u.start, u.end)
        for h in u.lex.get(kind, ()):
            view = unit_views.folded if h.view == "folded" else unit_views.plain
            a, b = view.span(h.start, h.end)
            out.append((a + u.start, b + u.start, h.term, h.label))
    return sorted(out)


def targets(inp: CheckInput, span: tuple[int, int] | None = None) -> list:
    """Roster people named in the post (or in ``span``), the author excluded."""
    from socialguard.analysis.models.harm_model import mentions
    author = inp.author_person
    out = []
    for m in mentions(inp):
        if m.person == author:
            continue
        if span is not None and not (span[0] <= m.start < span[1]):
            continue
        if all(o.person != m.person for o in out):
            out.append(m)
    return out


_PRAISE = re.compile(r"\b(?:gold|brilliant|amazing|fantastic|wonderful|great|lovely|love|loves|loved|"
                     r"thank|thanks|thankyou|grateful|proud|star|superstar|kind|kindest|helpful|"
                     r"credit to (?:the|our|bury|\w+ school)|best|legend|incredible|outstanding)\b")
_NEGATIVE_KINDS = ("complaint", "allegation", "insult", "profanity", "threat", "slur")
_NATIONAL = re.compile(r"\b(?:government|governments|national|nationally|councils?|dfe|"
                       r"department for education|educationgovuk|ministers?|minister|mps?|"
                       r"parliament|westminster|policy|reforms?|in england|across the country|"
                       r"report cards|every school|all schools|schools in england)\b")


# Counter-speech names a harm in order to condemn it: a reporting frame ("saying ...",
# "calling someone ...", a quotation) together with a judgement on it ("is sexist",
# "never say"). The model reads the harmful words and not the frame, so the frame decides.
_REPORT_FRAME = re.compile(
    r"\b(?:saying|to say|says|said|calling (?:someone|somebody|people|anyone|others|a person|"
    r"them|him|her)|call (?:someone|somebody|people|anyone|others)|words like|the word|"
    r"using the word|use the word|phrases like|comments like|posts like|people who say|"
    r"anyone who says|if you say|if you call|when people say|when someone says|"
    # a victim reporting what was said to them
    r"called me|calling me|call me|called my|calling my|called us|keep calling|kept calling|"
    r"claiming|claimed|commented that|comments saying|wrote that|"
    r"(?:no one|nobody|no-one) (?:is |was )?(?:saying|says|said))\b"
    r"|(?:^|(?<=\s))[\"\u201c\u2018']\w")
_CONDEMN = re.compile(
    r"\b(?:is|are|was|were|be|being|it's|its|that's|thats)\s+(?:so\s+|really\s+|just\s+|totally\s+|"
    r"completely\s+)?(?:not ok(?:ay)?|never ok(?:ay)?|not acceptable|wrong|unacceptable|hateful|"
    r"hurtful|racist|sexist|homophobic|transphobic|biphobic|ableist|antisemitic|islamophobic|"
    r"bigoted|offensive|discriminat\w+|bullying|harmful|abuse|abusive|disgraceful|shameful|"
    r"not (?:funny|a joke|banter))\b"
    r"|\b(?:never|don'?t|do not|shouldn'?t|should not|stop|won'?t|will not)\s+(?:ever\s+)?"
    r"(?:say|saying|call|calling|use|using|tolerate|accept)\b"
    # naming the prejudice: "that's pregnancy discrimination", "this is prejudice"
    r"|\b(?:is|are|was|it's|its|that's|thats|this is)\s+(?:\w+\s+)?(?:prejudice|prejudiced|bigotry|"
    r"hate speech|discrimination|racism|sexism|homophobia|transphobia|biphobia|ableism|ageism|"
    r"misogyny|a hate crime|hate crime)\b"
    r"|\b(?:isn'?t|is not|aint|ain'?t)\s+(?:just\s+)?(?:banter|funny|a joke|ok|okay|acceptable)\b"
    r"|(?:^|[.!?]\s+)(?:disgusting|appalling|vile|shameful|disgraceful)\b"
    r"|\b(?:really hurts|it hurts|hurts (?:him|her|them|me|people)|please stop|ignorant)\b"
    r"|\b(?:(?:no one|nobody|no-one) (?:is |was )?(?:saying|says|said))\b"
    # a lesson about it: "we learnt how propaganda called them 'vermin'"
    r"|\b(?:we learnt|we learned|we talked about|we discussed|propaganda|in (?:history|pshe|rshe|re)\b)"
    # or someone dealing with it: "we have removed it", "can I show you", "I told Mr Hussain"
    r"|\b(?:removed|deleted|reported|report|reporting|investigating|investigated|dealt with|"
    r"taking action|screenshot\w*|can i show|anti[- ]?bullying|told (?:mr|mrs|miss|ms|sir|dr|my|a|"
    r"the)\s+\w+)\b")


def counter_speech(inp: CheckInput, harm_at: list[int] = ()) -> bool:
    """Whether the post quotes or reports hurtful words in order to condemn them.

    ``harm_at``: original offsets of the hurtful words found. In reported speech they come
    after the frame ("saying 'X'", "calling someone X"); said before it ("X don't belong,
    and I don't care who says that's homophobic") they are the author's own.
    """
    plain = inp.text.plain
    frame = _REPORT_FRAME.search(plain.text)
    condemn = _CONDEMN.search(plain.text)
    if not (frame and condemn):
        return False
    frame_at = plain.span(frame.start(), frame.end())[0]
    if harm_at:
        return all(h >= frame_at for h in harm_at)
    return frame.start() <= condemn.start()


# Counter-speech cues too common in ordinary posts to veto a threat or a slur on their own
# ("bus stop", "I'll hurt you", "called her a slag").
_WEAK_COUNTER = {"stop", "hurt", "hurts", "upset", "respect", "be kind", "kindness", "proud of",
                 "horrible", "report", "standing up", "called him", "called her"}


def condemns(inp: CheckInput) -> bool:
    """Whether the post carries a clear counter-speech cue ("not okay", "we have reported it")."""
    return any(h[2] not in _WEAK_COUNTER for h in hits_in(inp, "counter"))


def praise_only(inp: CheckInput) -> bool:
    """Warm words about people or the school, and nothing negative alongside them."""
    text = inp.text.plain.text
    if not _PRAISE.search(text):
        return False
    return not any(hits_in(inp, k) for k in _NEGATIVE_KINDS if k not in ("complaint",)) and not [
        h for h in hits_in(inp, "complaint") if h[2] not in ("the school", "school", "our school",
                                                              "my school", "again", "still", "why")]


def national_policy(inp: CheckInput) -> bool:
    """About national policy (government, councils, Ofsted's system), not about a person here."""
    return bool(_NATIONAL.search(inp.text.plain.text)) and not targets(inp)


def describe(person) -> str:
    role = {"pupil": "a pupil", "staff": "a member of staff", "parent": "a parent",
            "governor": "a governor", "trustee": "a trustee"}.get(person.role, "a person")
    return f"{person.full_name} ({role})"


class HarmDetector(Detector):
    """A rule scored by the shared harm model; subclasses shape the finding."""

    rule: ClassVar[str] = ""
    order: ClassVar[int] = 60

    def prepare(self, inputs: list[CheckInput]) -> None:
        model = harm_model()
        if model is not None:
            model.prepare(inputs)

    def detect(self, inp: CheckInput) -> list[Finding]:
        model = harm_model()
        extra = self.fixed_findings(inp)
        if model is None:
            return extra
        sc = model.scores(inp)
        if not sc.units:
            return extra
        if sc.english is False:
            return extra + self.out_of_scope(inp)
        p = sc.prob(self.rule)
        thr = model.threshold[self.rule]
        found = self.floor(inp, p, thr)
        if p >= thr and not self.vetoed(inp, p):
            span = sc.best_span(self.rule)
            f = self.make(inp, p, span)
            if f is not None:
                found.append(f)
        return extra + found

    # ---- hooks for the rules
    def fixed_findings(self, inp: CheckInput) -> list[Finding]:
        """Findings decided from facts (a stock image's file name), model or not."""
        return []

    def floor(self, inp: CheckInput, p: float, thr: float) -> list[Finding]:
        """Lexicon findings the model must not be able to miss (obfuscated slurs...)."""
        return []

    def vetoed(self, inp: CheckInput, p: float) -> bool:
        return False

    def make(self, inp: CheckInput, p: float, span: tuple[int, int] | None) -> Finding | None:
        return self.finding(inp, confidence=p, message=self.message(inp, span), span=span)

    def message(self, inp: CheckInput, span: tuple[int, int] | None) -> str:
        return ""

    def out_of_scope(self, inp: CheckInput) -> list[Finding]:
        return []
