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
    ("Come near my son again and you'll be going home in a body bag", "outcome"),
    ("I'll make sure he never walks again", None),
    ("I'll make sure you never teach again, one way or another", "outcome"),
    ("Jayden is getting his face kicked in after school", "outcome"),
    ("That ref is getting decked if he shows up at the next match", "outcome"),
    ("Nice car Mr Reid. Would look lovely on fire. Shame if your car got scratched.", "veiled"),
    ("Your car would look nice on fire", "veiled"),
    ("Your kids aren't safe round here, just saying", "veiled"),
    ("Someone should give that bus driver a good hiding", "call"),
    ("Somebody needs to teach that ref a lesson with a baseball bat", "call"),
    ("He deserves a proper beating for what he said", "deserve"),
    ("She deserves to be punched in the face", "deserve"),
    ("That boy needs his head kicked in", "deserve"),
    ("Mrs Collins deserves to get her tyres slashed", "deserve"),
    ("Someone punch that kid already", "incite"),
    ("Go and batter him at break, I'll film it", "incite"),
    ("I'm bringing a knife in tomorrow", "weapon"),
    ("im gonna bring my dad's gun to school", "weapon"),
    ("Gonna shoot up the school on Monday", "weapon"),
    ("Can't wait to see you bleed", "outcome"),
    ("You touch my kid again you won't have hands left", "outcome"),
    ("Your teeth are getting knocked out", "outcome"),
    ("We're going to make Ryan wish he was never born", "outcome"),
    ("Watch what happens to your son on the way home", "outcome"),
    ("I'd love to smack that smug grin off his face", "intent"),
    ("I'm going to break every bone in Jack's body", "intent"),
    ("I will end your career and your life", "intent"),
    ("I'd run him over if I saw him crossing", "intent"),
    ("I want to see you suffer", "outcome"),
    ("You'll get what you deserve, trust me", "outcome"),
    ("Give me five minutes alone with him", "outcome"),
    ("Better hope I don't see you at the school gates", "outcome"),
    ("You won't see Christmas.", "outcome"),
    ("Snitches get stitches, Aiden. Just saying", "veiled"),
    ("Watch what happens to you after PE, Max", "outcome"),
    ("You'll be crying before home time, I promise you that", "outcome"),
    ("Count your days.", "veiled"),
    ("meet me behind the sports hall at 3 and we'll settle this", "veiled"),
    ("I hope someone beats you up on the way home", "call"),
    ("Honestly hope somebody properly batters him", "call"),
    ("I'd love to punch that smug face", "intent"),
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
    "You'll be crying by the end of the nativity, I promise, it's so moving",
    "You'll be crying with laughter at the panto, trust me",
    "Watch what happens to the volcano after we add the vinegar!",
    "Watch what happens to you when you drink enough water: better focus in lessons",
    "Stitches came out today, the snitch in Harry Potter club is made of foil",
    "I'll teach them a lesson on fractions tomorrow",
    "Year 8 chopped onions in food tech today 🔪",
    "You better watch out, you better not cry: the carol concert is on Thursday",
    "Dean is getting his head around fractions after school",
    "Make sure you never walk alone on the canal path after dark, stay safe",
    "Please make sure they can't see the answers during the test",
    "If the council don't fix that crossing, someone's going to end up in an ambulance",
    "She left in an ambulance as a precaution and is home and fine now",
    "Your kids aren't safe crossing that road, please slow down at drop-off",
    "You'll never walk alone: proud of our Year 4 choir at the match",
    "Miss Hart is getting her head shaved for charity on Friday!",
    "Our coach will look great with the new school logo on it",
    "We'll teach the new starters a lesson on fire safety with a demonstration",
    "The egg whites need a good beating before you fold in the sugar",
    "This rug deserves a proper beating, so much dust",
    "Our Year 11 team deserves to be beaten by nobody this season!",
    "I'll bring a kitchen knife for the food tech lesson on Monday",
    "I'm bringing a water gun for the summer fair splash zone",
    "I'm bringing my hot glue gun for the DT project",
    "Year 9 are shooting the school play trailer this week",
    "I need a punch of colour for the display board",
    "Let's beat them on Saturday, come on the Reds!",
    "Someone kill this spider in the staffroom please",
    "Everyone hit him up with birthday messages today!",
    "Watch what happens to the colour when we add vinegar",
    "You won't make it home in time for tea if the traffic is like this",
    "She deserves to get her hair done for prom after all that revision",
    "Our new head deserves a medal for surviving the first week",
    "I'd kill for a cup of tea right now",
    "Give me five minutes with the printer and I'll have it fixed",
    "Give me a minute with him and I'll explain the homework again",
    "We'd destroy them at rounders, our Year 5s are unstoppable",
    "You won't see Christmas decorations up in school until December",
    "I'd knock on his door and ask nicely first",
    "I want to see you shine on stage tonight Year 3!",
    "Count your days of attendance on the class chart",
    "Meet me at the gates at 8.30 and we'll sort out the lift share",
    "Meet us outside the library after school and we can finish the project",
    "I hope someone beats my score on the leaderboard",
    "I hope they beat you in the final, sorry Jayden!",
    "I'd love to paint that face on the mural",
]


@pytest.mark.parametrize("text,kind", THREATS)
def test_threat_shapes_are_found(text, kind):
    t = find_threat(PostText(text).plain.text)
    assert t is not None and (kind is None or t.kind == kind)


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
