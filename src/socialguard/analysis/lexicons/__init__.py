"""Word lists for the harm detectors: the floor under the classifiers, and features for them.

Every list is matched on the normalised text (``PostText.plain``: lower case, no
zero-width characters, homoglyphs and leetspeak undone, spaced letters joined), as whole
words; a ``*`` standing for letters inside a word ("f*g", "p**i") still matches. A hit is
a cue, not a verdict: the classifier heads weigh the cues with everything else, and the
counter-speech and teaching cues are there to *stop* a flag.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

CUES: dict[str, tuple[str, ...]] = {
    "profanity": (
        "fuck", "fucking", "fucked", "fucker", "fuckin", "fk", "fkn", "shit", "shite", "shitty",
        "cunt", "cunts", "twat", "twats", "wanker", "wankers", "dickhead", "dickheads", "prick",
        "bastard", "bastards", "bellend", "arsehole", "asshole", "piss", "pissed", "knobhead",
        "tosser", "bollocks", "bitch", "bitches", "slag", "slut", "whore", "stfu", "wtf", "bloody",
        "crap", "arse", "dick",
    ),
    "insult": (
        "ugly", "fat", "fatty", "loser", "losers", "freak", "weirdo", "smell", "smells", "stinks",
        "stinky", "thick", "idiot", "stupid", "dumb", "pathetic", "worthless", "disgusting",
        "minger", "munter", "nobody likes", "no one likes", "nobody wants", "no one wants",
        "cry baby", "crybaby", "scrounger", "scroungers", "chav", "chavs", "feral", "thicko",
        "thickos", "pig", "clown", "clowns", "vile", "nonce", "paedo", "pedo", "creep", "pervert",
        "pervy", "snake", "snitch", "grass",
    ),
    "threat": (
        "kill yourself", "kys", "neck yourself", "watch your back", "watch ur back",
        "watch their back", "watch his back", "watch her back", "watch out",
        "i know where you live", "know where you live", "know where you drink", "gonna get you",
        "going to get you", "batter", "smash your face", "smash his face", "smash her face",
        "beat you up", "beat him up", "beat her up", "jump him", "jump her", "deal with him",
        "sort him out", "sort her out", "come for you", "coming for you", "hurt you", "stab",
        "you're dead", "ur dead", "youre dead", "see you after school", "end you",
    ),
    "secrecy": (
        "dont tell", "don't tell", "do not tell", "our secret", "our little secret",
        "delete this", "delete after", "no adults", "just between us", "whats ur snap",
        "what's your snap", "whats your snap", "add me on", "dm me", "video call",
        "more mature than",
    ),
    "counter": (
        "not ok", "not okay", "never ok", "never okay", "unacceptable", "report it", "reported",
        "report", "stand up to", "anti-bullying", "anti bullying", "antibullying", "zero tolerance",
        "we don't tolerate", "we do not tolerate", "won't tolerate", "will not tolerate",
        "was called", "were called", "got called", "been called", "called my son", "called my daughter",
        "called my child", "called him", "called her", "shouted at", "racist abuse", "hurtful",
        "hurts", "hurt", "speak out", "stand together", "be kind", "kindness", "respect",
        "delete this", "please don't", "please do not", "not acceptable", "horrible",
        "disgusting that", "stop", "upset", "proud of", "standing up",
    ),
    "teaching": (
        "lesson", "lessons", "pshe", "rshe", "we talked", "we discussed", "we learned", "we learnt",
        "we explored", "we looked at", "assembly", "curriculum", "equality act", "history",
        "holocaust", "why the word", "why words", "the word", "in class", "discussion", "debate",
        "lesson plan", "learning about", "taught", "teach them", "anti-racism", "black history month",
        "pride month", "protected characteristics", "british values", "resources",
    ),
    "idiom": (
        "killing it", "killed it", "smashed it", "smashing it", "nailed it", "murdered that",
        "murdered it", "slayed", "slay", "i'm dead", "im dead", "i'm dying", "destroyed",
        "on fire", "crushed it", "bossed it", "sick", "mad for",
    ),
    "confidential": (
        "exclusion", "exclusions", "excluded", "exclude", "suspension", "suspended", "ehcp",
        "ehc plan", "sen", "senco", "send", "iep", "cp plan", "child protection",
        "safeguarding", "referral", "referrals", "social services", "children's services",
        "childrens services", "social worker", "lado", "disciplinary", "capability",
        "sickness", "sick note", "signed off", "hr", "grievance", "salary", "salaries", "pay scale",
        "pay rise", "m1", "m2", "m3", "m4", "m5", "m6", "ups1", "ups2", "ups3", "ups", "tlr", "redundancy",
        "redundancies", "draft report", "ofsted", "inspection", "inspectors", "embargo",
        "before publication", "not published", "not been published", "exam paper", "test paper",
        "sats paper", "camhs", "self harm", "self-harm", "self harms", "adhd", "autism",
        "diagnosis", "diagnosed", "reduced timetable", "part-time timetable", "managed move", "pru",
        "looked after", "foster", "in care", "deficit", "budget", "finance", "minutes", "confidential",
        "panel", "investigation", "investigated", "tribunal", "medication", "dyslexia",
        "results", "scores", "resigned", "sacked", "dismissed", "appraisal", "observation",
    ),
    "copyright": (
        "credit to", "credits to", "all credit", "credit goes", "credit the owner", "credit to owner",
        "not my photo", "not my pic", "not my picture", "not my video", "not my image", "not my art",
        "not mine", "no copyright", "copyright", "all rights reserved", "copied the whole",
        "copied the", "copy and paste", "copy pasted", "full article", "whole article",
        "paywall", "pay wall", "behind the", "lyrics", "found this online", "found online",
        "pinched", "nicked", "borrowed this", "screenshot", "screenshotted", "re-uploaded",
        "reuploaded", "reupload", "re-upload", "downloaded", "ripped", "stock image", "stock photo",
        "watermark", "watermarked", "shutterstock", "getty", "getty images", "istock", "alamy",
        "adobe stock", "dreamstime", "full song", "full track", "whole book", "all the pages",
        "every page", "scanned", "subscribers only", "the times", "the guardian", "telegraph",
        "daily mail", "bbc", "netflix", "disney", "spotify", "film", "movie", "episode",
    ),
    "allegation": (
        "drunk", "drinking", "drink driving", "hungover", "steal", "stole", "stolen", "stealing",
        "theft", "thief", "fraud", "fiddles", "fiddling", "fiddled", "embezzle", "embezzled",
        "embezzling", "lied", "lies", "liar", "fake", "faked", "fakes", "abuse", "abused", "abuser",
        "hit my", "hits", "hit", "assault", "assaulted", "nonce", "paedo", "pedo", "affair",
        "sleeping with", "slept with", "on drugs", "coke", "cocaine", "drugs", "dealer", "dealers",
        "investigated", "investigation", "arrested", "police", "sacked", "should be sacked",
        "struck off", "criminal", "record", "covered it up", "cover up", "cover-up", "bribe",
        "bribes", "backhander", "cheat", "cheats", "cheated", "pocketing", "pocketed", "nicked",
        "owes", "owe", "hasn't paid", "not paid", "never paid", "benefits", "everyone knows",
        "apparently", "i heard", "rumour", "allegedly", "on his phone", "on her phone", "asleep",
        "grabbed", "manhandled", "smacked", "shouted", "bully", "bullies", "racist",
    ),
    "complaint": (
        "disgrace", "disgraceful", "joke", "a joke", "useless", "shambles", "complaint", "complaints",
        "complain", "complained", "nobody listens", "no one listens", "ignored", "ignoring", "pathetic",
        "appalling", "fuming", "furious", "rant", "rant over", "slt", "management", "head teacher",
        "headteacher", "the head", "senior leadership", "leadership", "unfair", "extortionate",
        "ridiculous", "incompetent", "clueless", "workload", "overworked", "toxic", "the school",
        "this school", "my school", "our school", "the trust", "academy trust", "governors",
        "no idea", "sort it out", "sort yourselves out", "not good enough", "let down", "failing",
        "again", "still", "nobody", "why", "waste", "pointless", "shocking", "awful", "terrible",
        "worst", "can't wait to leave", "escape this place", "disgusted", "angry", "sick of",
        "fed up", "had enough", "never again", "unprofessional", "formal complaint", "ofsted",
        "uniform", "dinners", "lunches", "inset",
    ),
    "school_ref": (
        "the school", "this school", "my school", "our school", "the academy", "the trust",
        "school", "head teacher", "headteacher", "the head", "slt", "senior leadership", "governors",
        "teacher", "teachers", "staff", "ta", "tas", "caretaker", "site manager", "senco",
        "business manager", "office", "deputy", "class teacher", "supply teacher", "dinner lady",
        "midday", "coach",
    ),
}

_STOCK = re.compile(
    r"(?:^|[/\\_\-\s])(shutterstock|gettyimages|getty-images|getty_images|istockphoto|istock|"
    r"alamy|adobestock|adobe-stock|adobe_stock|dreamstime|depositphotos|123rf|stocksy|"
    r"bigstock|canstock|fotolia)(?=[_\-\.\d]|$)", re.I)
_WATERMARK_FILE = re.compile(r"watermark|preview[_\-]?wm|_wm\.|comp[_\-]image", re.I)


@dataclass(frozen=True)
class Hit:
    """A lexicon match in the normalised text (``start``/``end`` index ``plain.text``)."""

    kind: str
    term: str
    start: int
    end: int
    label: str = ""
    view: str = "plain"  # which normalised view start/end index: "plain" or "folded"


_SEP = r"[ .\-_*·•]{1,2}"


def _term_pattern(term: str, obfuscated: bool = False) -> str:
    """Regex for a term. With ``obfuscated``, inner letters may be masked ("r****d", "f*g":
    first and last letters kept) and letters may be spaced out ("p a k i")."""
    if not obfuscated:
        return "".join(r"[\s\-_.]*" if ch == " " else re.escape(ch) for ch in term)
    letters = term.replace(" ", "")
    masked = re.escape(letters[0]) + "".join(
        f"(?:{re.escape(c)}|\\*+)" if c.isalpha() else re.escape(c) for c in letters[1:-1]
    ) + re.escape(letters[-1])
    spaced = _SEP.join(re.escape(c) for c in letters)
    plain = "".join(r"[\s\-_.]*" if ch == " " else re.escape(ch) for ch in term)
    return f"(?:{plain}|{masked}|{spaced})"


class _Matcher:
    """A regex over one word list; used for the lists people disguise (slurs, swearing)."""

    def __init__(self, kind: str, terms: list[tuple[str, str]], obfuscated: bool = False) -> None:
        self.kind = kind
        # Longest term first; grouped by first character (every variant of a term starts
        # with it), so at each word start the regex tries one group, not every term: the
        # same matches at about a third of the cost.
        by_first: dict[str, list[str]] = {}
        for t in sorted({t for t, _ in terms}, key=len, reverse=True):
            by_first.setdefault(t[0], []).append(t)
        self.labels = {t: lab for t, lab in terms}
        self.alts = [t for group in by_first.values() for t in group]
        self.rx = re.compile(r"(?<![a-z0-9])(?:" + "|".join(
            f"(?={re.escape(c)})(?:" + "|".join(
                f"({_term_pattern(t, obfuscated and len(t) > 2)})" for t in group) + ")"
            for c, group in by_first.items()) + r")(?![a-z0-9])")

    def find(self, text: str, view: str = "plain") -> list[Hit]:
        out = []
        for m in self.rx.finditer(text):
            g = m.lastindex or 1
            term = self.alts[g - 1]
            out.append(Hit(self.kind, term, m.start(), m.end(), self.labels.get(term, ""), view))
        return out


_TOKEN = re.compile(r"[a-z0-9]+")


class _WordIndex:
    """Every plain (undisguised) word list at once: one pass over the words of a text.

    Terms are matched as whole words; "self-harm", "self harm" and "children's services"
    match as their word sequences. Much faster than one big regex per list.
    """

    def __init__(self, lists: dict[str, list[tuple[str, str]]]) -> None:
        self.first: dict[str, list[tuple[tuple[str, ...], str, str, str]]] = {}
        for kind, terms in lists.items():
            for term, label in terms:
                words = tuple(_TOKEN.findall(term))
                if words:
                    self.first.setdefault(words[0], []).append((words, kind, term, label))
        for v in self.first.values():
            v.sort(key=lambda e: -len(e[0]))

    def find(self, text: str, view: str = "plain") -> dict[str, list[Hit]]:
        toks = [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]
        out: dict[str, list[Hit]] = {}
        seen: set[tuple[str, int]] = set()
        for i, (w, a, _b) in enumerate(toks):
            for words, kind, term, label in self.first.get(w, ()):
                n = len(words)
                if n > 1 and tuple(t[0] for t in toks[i:i + n]) != words:
                    continue
                if (kind, a) in seen:  # longest term first: "self-harm" once, not twice
                    continue
                seen.add((kind, a))
                out.setdefault(kind, []).append(Hit(kind, term, a, toks[i + n - 1][2], label, view))
        return out


def _read_tsv(name: str) -> list[list[str]]:
    raw = (resources.files(__package__) / name).read_text(encoding="utf-8")
    return [ln.split("\t") for ln in raw.splitlines() if ln.strip() and not ln.startswith("#")]


_OBFUSCATED = {"profanity", "insult"}  # word lists people disguise; cue phrases they do not


@lru_cache(maxsize=1)
def matchers() -> tuple[dict[str, _Matcher], _WordIndex]:
    """Regex matchers for the disguised lists, and one word index for all the others."""
    rx = {k: _Matcher(k, [(t, "") for t in CUES[k]], obfuscated=True) for k in _OBFUSCATED}
    rx["slur"] = _Matcher("slur", [(t, c) for t, c in _read_tsv("slurs.txt")], obfuscated=True)
    lists = {k: [(t, "") for t in v] for k, v in CUES.items() if k not in _OBFUSCATED}
    for ch, terms in _read_tsv("characteristics.txt"):
        # one list per characteristic, so a term can count for two (e.g. "jews")
        lists[f"char:{ch}"] = [(t, ch) for t in terms.split("|")]
    return rx, _WordIndex(lists)


KINDS = (*CUES, "slur", *(f"char:{c}" for c in (
    "age", "disability", "gender reassignment", "marriage and civil partnership",
    "pregnancy and maternity", "race", "religion or belief", "sex", "sexual orientation")))


def _find(text: str, view: str) -> dict[str, list[Hit]]:
    rx, words = matchers()
    out = words.find(text, view)
    for k, m in rx.items():
        out[k] = m.find(text, view)
    return out


def find_all(text: str, folded: str | None = None) -> dict[str, list[Hit]]:
    """Every lexicon's hits in ``text`` (the plain view), plus terms found only in the
    ``folded`` view (leetspeak undoing turns "UPS3" into "upse"; codes need the folded view)."""
    out = {k: [] for k in KINDS}
    for k, v in _find(text, "plain").items():
        out[k] = v
    if folded is not None and folded != text:
        for k, hits in _find(folded, "folded").items():
            have = {h.term for h in out.get(k, ())}
            out.setdefault(k, []).extend(h for h in hits if h.term not in have)
    return out


CHARACTERISTICS = (
    "age", "disability", "gender reassignment", "marriage and civil partnership",
    "pregnancy and maternity", "race", "religion or belief", "sex", "sexual orientation",
)
#: stable ids (as in the labelled data sets): "religion or belief" -> "religion-belief"
CHARACTERISTIC_IDS = {c: c.replace(" and ", "-").replace(" or ", "-").replace(" ", "-")
                      for c in CHARACTERISTICS}


def stock_image(paths: list[str]) -> str | None:
    """The first image whose file name says it came from a stock library or is watermarked."""
    for p in paths:
        name = p.replace("\\", "/").rsplit("/", 1)[-1]
        if _STOCK.search(name) or _WATERMARK_FILE.search(name):
            return p
    return None


@lru_cache(maxsize=1)
def _english_vocab() -> frozenset[str]:
    """Whole words of the encoder's (English, uncased) WordPiece vocabulary."""
    import json
    path = resources.files("socialguard.analysis.models") / "data" / "minilm-tokenizer.json"
    vocab = json.loads(path.read_text(encoding="utf-8"))["model"]["vocab"]
    return frozenset(w for w in vocab if w.isalpha() and w.isascii() and len(w) > 1)


def looks_english(text: str) -> bool | None:
    """False when most words of a text of some length are not English words; None if too short.

    A word counts as English when the English WordPiece vocabulary has it whole: Polish,
    Arabic or Chinese text falls apart into pieces, slang and typos mostly do not.
    """
    # hashtags and handles are names, not words of any language
    words = [w for w in re.findall(r"[^\W\d_]+", _TAGS.sub(" ", text.lower())) if len(w) > 1 or w in ("u", "r", "i")]
    if len(words) < 5:
        return None
    vocab = _english_vocab()
    abuse = _abuse_words()
    share = sum(w in vocab or w in abuse or _texting(w) for w in words) / len(words)
    # French and Spanish share many short words with the vocabulary ("la", "des", "por"); an
    # English text of five words or more nearly always has one of its function words, or
    # English abuse
    return share >= 0.6 or (share >= 0.3 and any(w in _FUNCTION or w in abuse for w in words))


_TAGS = re.compile(r"[#@][\w.]+")


@lru_cache(maxsize=1)
def _abuse_words() -> frozenset[str]:
    """Slurs, insults and swearing: English however the vocabulary spells them."""
    words = {t for t, _ in _read_tsv("slurs.txt")} | set(CUES["profanity"]) | set(CUES["insult"])
    return frozenset(w for w in words if " " not in w)


_FUNCTION = frozenset((
    "the", "and", "to", "of", "is", "are", "was", "were", "you", "your", "in", "on", "for", "it",
    "its", "that", "this", "we", "our", "my", "me", "he", "she", "they", "them", "his", "her",
    "be", "not", "with", "at", "have", "has", "had", "will", "would", "can", "do", "does", "did",
    "just", "so", "but", "or", "if", "from", "all", "what", "who", "why", "how", "an", "by",
    "no", "there", "their", "been", "am", "im", "dont", "u", "ur", "r", "shld", "frm", "wiv",
    "us", "didnt", "cant", "wont", "isnt", "arent", "wasnt", "ive", "youre", "theyre", "please",
    "thanks", "sorry", "yes", "hi", "hello", "when", "out", "up", "about", "as", "one", "get", "got",
    "like", "go", "haha", "lol", "omg", "well", "very", "too", "more", "any", "some", "than", "then",
))


# Text-speak is English: pupils write "u r", "ppl", "shld b bannd frm".
_TEXTING = frozenset((
    "u", "ur", "r", "ppl", "pls", "plz", "thx", "tho", "bc", "cos", "coz", "tmrw", "tmr", "tmoz",
    "gonna", "wanna", "gotta", "innit", "bruv", "fam", "lol", "lmao", "lmfao", "omg", "idk", "imo",
    "tbh", "ngl", "fr", "rn", "smh", "wtf", "stfu", "ffs", "bday", "msg", "txt", "abt", "wiv", "dat",
    "dis", "dem", "nd", "wot", "wat", "nah", "yh", "ye", "ya", "yeah", "yep", "nope", "mate", "bro",
    "sis", "luv", "hun", "babe", "x", "xx", "xxx", "ty", "np", "ok", "okay", "k", "kk", "srsly",
    "prob", "probs", "deffo", "defo", "obvs", "tbf", "jk", "irl", "dm", "dms", "pic", "pics",
))
_VOWEL = re.compile(r"[aeiou]")


@lru_cache(maxsize=1)
def _skeletons() -> frozenset[str]:
    """English words with their vowels left out ("should" -> "shld"), three letters or more."""
    return frozenset(s for s in (_VOWEL.sub("", w) for w in _english_vocab() if len(w) > 3) if len(s) >= 3)


def _texting(word: str) -> bool:
    """Text-speak: a known abbreviation, or an English word with (nearly) no vowels ("frm")."""
    if word in _TEXTING:
        return True
    return len(_VOWEL.findall(word)) <= 1 and _VOWEL.sub("", word) in _skeletons()
