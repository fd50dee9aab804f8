"""pupil-photo (2.4): pictures of other people's children taken at school or a school event.

Who posts decides the question:
- a parent, family member (or anyone outside school) posting a picture taken on a school
  site or at a school event: a finding unless it can only be their own child (one face,
  and the post is about their child); children small in the background: review;
- staff (or governors) on a personal account with pupils in the picture: always a finding;
- a pupil posting classmates: review;
- the official account: every pupil named or tagged in a pictured post needs photo
  consent (reported as identifiable-pupil, clause 1.5, since that is a GDPR question);
- a private event off site (a birthday party) is not covered by 2.4.

When a picture can be read, its faces decide; when it cannot (an API call or a data set
that gives image names only, or an unreadable file), the text and context decide. An
image file that is there but cannot be read (corrupt, truncated, not an image, too large)
is itself reported, once per image, so a person looks at it; a file that is not there
is treated like an image that was not supplied (a warning names it).
"""

from __future__ import annotations

import re
from typing import ClassVar

from socialguard.analysis.detectors.base import CheckInput, Detector
from socialguard.analysis.finding import Finding
from socialguard.analysis.images.info import ERROR, OK, ImageInfo, image_infos
from socialguard.analysis.text import fold

try:  # roster name matching lives in its own module; the rule still works without it
    from socialguard.analysis.names import roster_mentions
except ImportError:  # pragma: no cover - only while names.py is being written
    def roster_mentions(inp):  # type: ignore[no-redef]
        return []

OUTSIDERS = ("parent", "family", "public")
ADULT_PERSONAL = ("staff", "governor", "trustee")
#: a face smaller than this share of the largest face's area is "in the background"
BACKGROUND_AREA = 0.2

_EVENT = (
    r"sports? day|nativity|school trip|trip to|field trip|residential|in the playground|"
    r"playground|assembly|school disco|disco|prom|leavers|concert|(?:summer|christmas|xmas|"
    r"spring|winter|school) (?:fair|fete)|fete|parade|harvest (?:festival|assembly)|"
    r"presentation evening|prize ?giving|awards? evening|school play|school production|"
    r"carol service|football match|netball match|rugby match|match v\b|fixture|swimming gala|"
    r"open day|book day|world book day|christmas jumper day|children in need|class photo|"
    r"school gates?|school hall|dinner hall|canteen|classroom|"
    r"celebration assembly|graduation|school camp|school show|talent show|bake sale"
)
_EVENT_RE = re.compile(rf"\b(?:{_EVENT})\b")
_SITE_WORDS = re.compile(r"\b(?:gates?|hall|field|playground|yard|car park|canteen|classroom|"
                         r"reception class|disco|fair|fete)\b")
_PRIVATE = re.compile(r"\b(?:birthday|party at home|soft ?play|bowl(?:ing| planet)?|wedding|"
                      r"christening|holiday|sleepover|at home|our house|garden party|bbq|"
                      r"barbecue|play ?date|family day out)\b")
_OWN = re.compile(r"(?:^|[^a-z])(?:our|my) (?:little |lovely |gorgeous |beautiful |big |baby )?"
                  r"(?:boy|girl|son|daughter|lad|lass|kid|child|one|princess|superstar|star|"
                  r"grandson|granddaughter|niece|nephew|baby)\b|\bjust my\b|"
                  # "Our Rory at the nativity", not "our school", "my class", "our kids"
                  r"^(?:our|my) (?!school|class|year|team|kids|children|little ones|lot|gang|"
                  r"boys|girls|friends|pupils|students|y\d)[a-z]+\b")
_MANY = re.compile(
    r"\b(?:whole (?:class|year|school|choir|team|cast|group)|(?:them|you) all|all of them|"
    r"this lot|(?:his|her|their|my) (?:mates|friends|class|classmates|team)|and (?:his |her )?"
    r"(?:mates|friends|pals|the gang|classmates|the class|class)|best (?:buddies|friends|mates)|"
    r"mates|friends|classmates|kids|children|cuties|choir|squad|crew|lads|the girls|the boys|"
    r"girls|boys|everyone|the gang|the team|the cast|look at them|every single one|"
    r"year \d+ (?:singing|dancing|performing|all)|(?:\w+) vs (?:\w+)|circled|sneaky (?:pic|photo|snap))\b")
_BACKGROUND = re.compile(r"\b(?:in the back(?:ground)?|background|behind (?:him|her|them)|"
                         r"other kids|other children|photobomb\w*)\b")
_PUPIL_GROUP = re.compile(r"\b(?:y(?:ear)? ?\d{1,2}s?|reception|my class|the class|our class|"
                          r"pupils|students|kids|children|class \w+)\b")
_TRIP = re.compile(r"\b(?:trip|coach|museum|residential|visit|outing|zoo|farm|camp)\b")
# a picture of a document, not of people (a trip list, a letter, a scan)
_DOCUMENT = re.compile(r"\b(?:list|register|letter|form|sheet|screenshot|scan(?:ned)?|document|"
                       r"page|pdf|spreadsheet|rota|timetable|poster|flyer|menu)\b")
_TAG = re.compile(r"(?<![\w@])@[A-Za-z0-9_.]{2,}")


def _folded(s: str) -> str:
    return fold(s).text if s else ""


class PupilPhotoDetector(Detector):
    rule = "pupil-photo"
    order = 60
    uses_images: ClassVar[bool] = True

    def detect(self, inp: CheckInput) -> list[Finding]:
        post = inp.post
        if not post.images:
            return []
        infos = image_infos(inp)
        out = [self._unreadable(inp, i) for i in infos if i.status == ERROR]
        facts = PhotoFacts(inp, infos)
        role, account = post.author.role, post.account
        if account == "official":
            out += self._official(inp, facts)
        elif role in ADULT_PERSONAL:
            out += self._staff_personal(inp, facts)
        elif role == "pupil":
            out += self._pupil(inp, facts)
        elif role in OUTSIDERS or (role is None and account == "personal"):
            out += self._outsider(inp, facts)
        return out

    # ------------------------------------------------------------ by author

    def _outsider(self, inp: CheckInput, f: "PhotoFacts") -> list[Finding]:
        if not f.school_setting:
            return []
        where = f.setting_reason
        if f.seen:
            # per picture: three photos of one child are one child, not three
            n = f.max_faces
            if n == 0 and f.all_seen:
                return []
            if n == 1 and f.about_own_child and f.all_seen:
                return []
            if n == 1 and f.all_seen:
                return [self._hit(inp, f, 0.6, "review",
                                  f"A photo {where} shows a child, and the post does not say it is "
                                  "the author's own child.")]
            if n >= 2 and f.background_only and (f.about_own_child or f.all_seen):
                return [self._hit(inp, f, 0.7, "review",
                                  f"A photo {where} shows other children in the background "
                                  "(small faces behind the main one).")]
            if n >= 2:
                return [self._hit(inp, f, 0.9, None,
                                  f"A photo {where} shows {n} faces: other people's children "
                                  "as well as, or instead of, the author's own.")]
        # the picture could not be looked at: decide from the words
        if f.other_named:
            names = ", ".join(sorted(f.other_named))
            return [self._hit(inp, f, 0.85, None,
                              f"A photo {where} names a child who is not the author's own ({names}).")]
        if f.background:
            return [self._hit(inp, f, 0.7, "review",
                              f"A photo {where} has other children in the background (\"{f.background}\").")]
        if f.many:
            return [self._hit(inp, f, 0.8, None,
                              f"A photo {where} shows several children (\"{f.many}\").")]
        if f.about_own_child:
            return []
        return [self._hit(inp, f, 0.5, "review",
                          f"A photo {where} may show other people's children; check who is in it.")]

    def _staff_personal(self, inp: CheckInput, f: "PhotoFacts") -> list[Finding]:
        pupils_said = bool(f.pupil_group) or bool(f.named_pupils)
        if f.seen and f.face_count == 0 and f.all_seen:
            return []
        if not f.seen and f.document:
            return []
        context_ok = f.school_setting or (pupils_said and f.trip)
        if not (context_ok and (pupils_said or (f.seen and f.face_count > 0 and f.school_setting))):
            return []
        who = f.pupil_group or ", ".join(sorted(f.named_pupils)) or "pupils"
        return [self._hit(inp, f, 0.85, "block",
                          f"A photo of pupils ({who}) on a personal account: photo consent covers "
                          "the school's official channels only.")]

    def _pupil(self, inp: CheckInput, f: "PhotoFacts") -> list[Finding]:
        if not f.school_setting:
            return []
        if f.seen and f.all_seen:
            if f.face_count >= 2:
                return [self._hit(inp, f, 0.7, "review",
                                  f"A pupil's photo {f.setting_reason} shows {f.face_count} faces "
                                  "of other pupils.")]
            return []
        cue = f.many or (", ".join(sorted(f.other_named)) if f.other_named else "") or f.tags
        if not cue:
            return []
        return [self._hit(inp, f, 0.65, "review",
                          f"A pupil's photo {f.setting_reason} shows other pupils (\"{cue}\").")]

    def _official(self, inp: CheckInput, f: "PhotoFacts") -> list[Finding]:
        if f.seen and f.all_seen and f.face_count == 0:
            return []
        out = []
        seen_ids = set()
        for m in f.pupil_mentions:
            p = m.person
            if p.photo_consent is True or p.id in seen_ids:
                continue
            seen_ids.add(p.id)
            out.append(Finding(
                rule="identifiable-pupil", clause="1.5", confidence=0.85 if f.seen else 0.75,
                severity="block",
                message=(f"{p.full_name} is named or tagged in a post with a photo, and the consent "
                         "register has no photo consent for them."),
                remedy="Remove the photo (or blur them) and their name, or get photo consent first.",
                evidence=inp.post.text[m.start:m.end],
                detail={"person": p.id, "images": list(inp.post.images),
                        "faces": f.face_count if f.seen else None}))
        return out

    # ------------------------------------------------------------ findings

    def _hit(self, inp: CheckInput, f: "PhotoFacts", confidence: float, severity: str | None,
             message: str) -> Finding:
        detail = {"images": list(inp.post.images), "setting": f.setting_reason}
        if f.seen:
            detail["faces"] = f.face_count
            detail["boxes"] = {i.name: [list(x.box) for x in i.faces] for i in f.infos if i.ok}
        else:
            detail["decided_from"] = "text and context (images not available)"
        missing = [i.name for i in f.infos if i.error == "file not found"]
        if missing:
            detail["images_not_found"] = missing
        return Finding(rule=self.rule, confidence=confidence, severity=severity, message=message,
                       evidence=", ".join(inp.post.images), detail=detail)

    def _unreadable(self, inp: CheckInput, info: ImageInfo) -> Finding:
        return Finding(
            rule=self.rule, confidence=1.0, severity="review",
            message=f"Could not read image {info.name}: {info.error}. It was not checked; "
                    "look at it before it is published.",
            remedy="Attach the image again as a JPEG, PNG or WebP file.",
            evidence=info.name, detail={"image": info.name, "image_error": info.error})


class PhotoFacts:
    """What the post, its context and its pictures say about who is pictured where."""

    def __init__(self, inp: CheckInput, infos: list[ImageInfo]) -> None:
        post = inp.post
        self.infos = infos
        self.seen = any(i.ok for i in infos)
        self.all_seen = all(i.ok for i in infos)
        faces = [f for i in infos if i.ok for f in i.faces]
        self.face_count = len(faces)
        self.max_faces = max((len(i.faces) for i in infos if i.ok), default=0)
        # every picture with several faces has one main face and only small ones behind it
        crowded = [i.faces for i in infos if i.ok and len(i.faces) >= 2]
        self.background_only = bool(crowded) and all(
            all(f.area < BACKGROUND_AREA * fs[0].area for f in fs[1:]) for fs in crowded)
        text = inp.text.folded.text
        event = _folded(str(post.context.get("event") or ""))
        site = post.context.get("on_school_site")
        self.school_setting, self.setting_reason = _setting(inp, text, event, site)
        # who is named, and whose children they are
        mentions = [m for m in roster_mentions(inp) if m.person.role == "pupil"]
        self.pupil_mentions = mentions
        author = inp.author_person
        own = set(getattr(author, "child_ids", ()) or ())
        if author is not None and author.role == "pupil":
            own = {author.id}
        self.named_pupils = {m.person.full_name for m in mentions}
        # one place in the text may match several pupils (two called Imogen): it is the
        # author's own child when any of them is
        spans: dict[tuple[int, int], list] = {}
        for m in mentions:
            spans.setdefault((m.start, m.end), []).append(m.person)
        own_spans = [k for k, ps in spans.items() if any(p.id in own for p in ps)]
        other_spans = [ps for k, ps in spans.items() if not any(p.id in own for p in ps)]
        self.other_named = {ps[0].full_name for ps in other_spans} if own else set()
        own_cue = bool(_OWN.search(text))
        self.about_own_child = (bool(own_spans) and not other_spans) or (
            own_cue and not (other_spans if own else len(spans) > 1))
        named_ids = {m.person.id for m in mentions}
        m = _MANY.search(text)
        self.many = m.group(0) if m else ""
        if not self.many and len(spans) >= 2 and not self.about_own_child:
            self.many = " and ".join(sorted(self.named_pupils))
        if not self.many and _two_names(post.text) and not self.about_own_child:
            self.many = _two_names(post.text)
        b = _BACKGROUND.search(text)
        self.background = b.group(0) if b else ""
        g = _PUPIL_GROUP.search(text)
        self.pupil_group = g.group(0) if g else ""
        self.trip = bool(_TRIP.search(text) or _TRIP.search(event))
        self.document = bool(_DOCUMENT.search(text))
        self.tags = " ".join(_TAG.findall(post.text)[:5])


def _setting(inp: CheckInput, text: str, event: str, site) -> tuple[bool, str]:
    if site is True:
        return True, "taken on the school site" + (f" ({event})" if event else "")
    if event:
        if _PRIVATE.search(event) and "school" not in event:
            return False, f"at a private event ({event})"
        return True, f"at a school event ({event})"
    if site is False:
        return False, "taken away from school"
    m = _EVENT_RE.search(text)
    if m:
        return True, f"at a school event (\"{m.group(0)}\")"
    school = inp.school
    if school is not None and _SITE_WORDS.search(text):
        names = [_folded(n).lstrip("@") for n in (school.name, *school.aliases) if n]
        if any(n and n in text for n in names):
            return True, "on the school site (the school is named)"
    return False, ""


_NAME_PAIR = re.compile(r"\b([A-Z][a-z]{2,}) (?:and|&) ([A-Z][a-z]{2,})\b")


def _two_names(text: str) -> str:
    """'Jacob and Dylan' when two capitalised first names are paired (roster or not)."""
    m = _NAME_PAIR.search(text)
    return m.group(0) if m else ""
