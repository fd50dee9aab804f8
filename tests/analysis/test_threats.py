"""The grammar of threats (``socialguard.analysis.threats``) and the harassment floor it feeds."""

import pytest

from socialguard.analysis.pipeline import Engine
from socialguard.analysis.post import Post
from socialguard.analysis.text import PostText
from socialguard.analysis.threats import find_threat

THREATS = [  # (text, kind)
    ("Touch my brother again and I'll put you in hospital.", "conditional"),
    ("keep talking about my daughter and see what happens to you", "conditional"),
    ("im going to absolutely batter you", "intent"),
    ("If I see that kid near my son I'll break his legs.", "intent"),
    ("we're gonna make her life hell until she leaves", "intent"),
    ("I'll break every bone in your body", "intent"),
    ("Mr Hughes will get what's coming to him, mark my words.", "veiled"),
    ("I know where Miss Dalton parks.", "veiled"),
    ("Anyone who backs the new head should sleep with one eye open.", "veiled"),
    ("ur gonna get battered monday", "veiled"),
    ("Those people had better be gone by Friday or else", "veiled"),
    ("we know where the Kowalski family live. time they got a visit", "veiled"),
    ("Gay teachers should be strung up.", "call"),
    ("Someone should torch that mosque.", "call"),
    ("burn them out, they don't belong on our street", "call"),
    ("we'll be waiting by the bus stop 🔪", "weapon"),
]
NOT_THREATS = [
    "My mum will kill me if I'm late again",
    "We're going to smash it at the county finals!",
    "I'm going to murder a cuppa after parents' evening",
    "I'll get you a ticket for the panto",
    "I'll sort you out with a lift on Friday",
    "You'll regret missing the cake sale!",
    "Watch yourself on the ice this morning, the playground is slippery",
    "I'll break it to him gently",
    "I'm going to end the lesson with a quiz",
    "You're dead right about the parking",
    "I'll hit you up later",
    "I'll teach them a lesson on fractions tomorrow",
    "Year 8 chopped onions in food tech today 🔪",
    "You better watch out, you better not cry: the carol concert is on Thursday",
]


@pytest.mark.parametrize("text,kind", THREATS)
def test_threat_shapes_are_found(text, kind):
    t = find_threat(PostText(text).plain.text)
    assert t is not None and t.kind == kind


@pytest.mark.parametrize("text", NOT_THREATS)
def test_violent_words_that_threaten_no_one_are_not_threats(text):
    assert find_threat(PostText(text).plain.text) is None


def test_obfuscated_threat_is_found():
    assert find_threat(PostText("I'll b@tt3r y\u200bou").plain.text) is not None


@pytest.mark.slow
@pytest.mark.parametrize("text,flagged", [
    ("Jake Morris you are going to regret opening your mouth. See you Monday.", True),
    ("One more word out of you and I'll put you through that window", True),
    ("We'll destroy them on Saturday ⚽ come on the Rovers", False),  # a match
    ("I'll destroy you at Mario Kart tonight", False),  # a game
    ("Someone wrote 'watch your back' on my son's locker. We have reported it.", False),  # reported
])
def test_harassment_floor_flags_threats_but_not_play_or_reports(text, flagged):
    post = Post.from_dict({"id": "t", "text": text, "author": {"role": "parent"},
                           "account": "personal", "platform": "facebook"})
    res = Engine(rules={"harassment"}).check(post)
    got = any(f.rule == "harassment" and f.severity in ("review", "block") for f in res.findings)
    assert got is flagged
