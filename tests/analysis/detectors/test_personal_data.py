"""personal-data: contact details, addresses, dates of birth, pupil/NI/NHS numbers and
health details of a named person; and the near misses that are not personal data."""

import pytest

import factories
from socialguard.analysis.pipeline import Engine

ENGINE = Engine(rules={"personal-data"})
OFFICIAL = {"role": "staff", "name": "Oakfield Primary School", "account": "official", "platform": "facebook"}
PARENT = {"role": "parent", "name": "Sarah Hughes", "account": "personal", "platform": "facebook"}
OTHER_PARENT = {"role": "parent", "name": "David Brown", "account": "personal", "platform": "facebook"}
STAFF = {"role": "staff", "name": "Jane Smith", "account": "personal", "platform": "facebook"}
PUBLIC = {"role": "public", "name": "Anon", "account": "personal", "platform": "facebook"}

# (case, text, post fields, expected evidence or None)
CASES = [
    # phones
    ("a mobile number", "Text Dave on 07700 900123 about the car boot", PUBLIC, "07700 900123"),
    ("a mobile with no spaces", "her number is 07700900456", PUBLIC, "07700900456"),
    ("a mobile in +44 form", "Ring him: +44 7700 900789", PUBLIC, "+44 7700 900789"),
    ("a mobile with dashes", "Mrs Smith's mobile 07700-900-321 lol", PUBLIC, "07700-900-321"),
    ("a landline in brackets", "Her home phone is (0113) 496 0555, go on, ring it", PUBLIC, "(0113) 496 0555"),
    ("a parent volunteer's mobile on the official account",
     "Thanks to Sam for the uniform swap! Contact her on 07700 900792", OFFICIAL, "07700 900792"),
    ("a number hidden with zero-width spaces", "call 0770\u200b0 900\u200b123 now", PUBLIC, "0770\u200b0 900\u200b123"),
    ("a number in fullwidth digits", "ring \uff10\uff17\uff17\uff10\uff10 900123", PUBLIC,
     "\uff10\uff17\uff17\uff10\uff10 900123"),
    ("staff give pupils a personal number", "Revision group: message me on 07700 900187 if you want adding",
     dict(STAFF, interaction={"with_role": "pupil"}), "07700 900187"),
    ("staff give a year group a personal number", "Year 9s, text me on 07700 900188 for the revision notes",
     STAFF, "07700 900188"),
    # e-mail
    ("a personal e-mail", "Email Mr Patel direct on mark.patel72@gmail.com, he never answers",
     PUBLIC, "mark.patel72@gmail.com"),
    ("an e-mail spelt out", "email her: jane.smith at gmail dot com", PUBLIC, "jane.smith at gmail dot com"),
    ("an obfuscated e-mail", "her email is jane.smith [at] hotmail [dot] com", PUBLIC,
     "jane.smith [at] hotmail [dot] com"),
    # addresses and postcodes
    ("a house number and street", "Sarah Hughes lives at 67 Earlham Road, go and knock", PUBLIC,
     "67 Earlham Road"),
    ("a postcode with the address", "She's at 14 Hollow Road, NR6 2JD", PUBLIC, "14 Hollow Road"),
    ("lives on a named street", "He lives on Eastgate Street, the one with the red door", PUBLIC,
     "lives on Eastgate Street"),
    ("a flat number", "Moved into flat 3b above the chippy, her new home", PUBLIC, "flat 3b"),
    ("a postcode next to where someone lives", "Her house is in IP33 1XX if anyone wants to visit", PUBLIC,
     "IP33 1XX"),
    ("a registration plate", "The mum with the Qashqai KX19 ABC keeps blocking my drive", PUBLIC, "KX19 ABC"),
    # dates of birth
    ("a named adult's date of birth", "Jane Smith (born 4 April 1985) is a terrible teacher", PUBLIC,
     "4 April 1985"),
    ("a date of birth", "Happy birthday Alfie! Born 02/05/2016, can't believe it", STAFF, "02/05/2016"),
    ("a DOB abbreviation", "Admission form for Olivia, DOB 14.01.17, done", STAFF, "14.01.17"),
    ("a new baby's date of birth", "Mr Patel's baby was born on 01/11/2026, 7lb 2oz", STAFF, "01/11/2026"),
    ("a date in words", "her birthday is 14 January 2017 not what she says", PUBLIC, "14 January 2017"),
    ("a list of pupils' details", "Trip list for tomorrow (names, DOBs and emergency numbers attached)", STAFF,
     "names, DOBs and emergency numbers attached"),
    # identifiers
    ("a UPN with a valid check letter", "Form done for Kacper, UPN X926205522165", STAFF, "X926205522165"),
    ("a National Insurance number", "Found a payslip: Jane Smith, NI QQ 12 34 56 C", PUBLIC, "QQ 12 34 56 C"),
    ("an NI number without spaces", "NI number QQ123456C left on the printer", PUBLIC, "QQ123456C"),
    ("an NHS number with a valid check digit", "Medication form: NHS no. 943 476 5919", STAFF, "943 476 5919"),
    # health
    ("a named pupil's diagnosis", "Kacper has been diagnosed with autism, explains a lot", STAFF, "diagnosed"),
    ("another family's child's condition", "Olivia Brown is type 1 diabetic and her mum lets her have sweets",
     PARENT, "type 1"),
    ("a child described by class", "the boy in 5S who wets himself in PE", PUBLIC, "wets himself"),
    ("a named colleague signed off", "Mr Patel signed off for a month with stress", STAFF, "signed off for"),
    ("a named pupil in hospital", "Olivia Brown was rushed to hospital with her asthma again", PUBLIC,
     "rushed to hospital"),
    ("a named pupil's allergy", "Kacper's nut allergy is so bad they banned peanut butter", PUBLIC, "nut allergy"),
    ("a health detail about a pupil by initial", "Bit shaken after Kacper N's anaphylaxis today", STAFF,
     "anaphylaxis"),
    # ---- not personal data
    ("the school office number on the official post",
     "Any questions, ring the office on 01632 960 123", OFFICIAL, None),
    ("the office number written another way", "Call us on (01632) 960123 or +44 1632 960 123", OFFICIAL, None),
    ("the office number shared by a parent", "The office is on 01632 960123 if you need them", PARENT, None),
    ("the school office e-mail", "Questions to office@oakfield.sch.uk please", OFFICIAL, None),
    ("another line of the school's own number block", "Trip queries: Mrs Smith on 01632 960 124", OFFICIAL, None),
    ("a staff address at the school's domain", "Email j.smith@oakfield.sch.uk with questions", OFFICIAL, None),
    ("Childline", "Childline is free on 0800 1111 for any young person", PARENT, None),
    ("the NSPCC helpline", "Worried about a child? NSPCC 0808 800 5000", STAFF, None),
    ("Samaritans", "Samaritans are there 24/7 on 116 123", PUBLIC, None),
    ("a freephone safeguarding line", "If you're worried, call MASH: 0808 800 4005", STAFF, None),
    ("999", "In an emergency always ring 999, or 111 for advice", PUBLIC, None),
    ("someone offering their own number", "Lost a black coat at the fair. Call me 07700 900832", PARENT, None),
    ("an own number in a sentence", "My number is 07700 900417 if you need anything", PARENT, None),
    ("an own number marked after it", "Selling two tickets, call 07700 900 123 (my mobile)", PARENT, None),
    ("a parent's own child's birthday", "My daughter's birthday is 14/01/2017 and she wants a unicorn cake",
     OTHER_PARENT, None),
    ("a parent's own child's condition by pronoun", "Alfie's teacher Mrs Smith has been amazing with his dyslexia",
     PARENT, None),
    ("a UPN with a bad check letter", "UPN A926205522165 on the form", STAFF, None),
    ("an NHS number with a bad checksum", "NHS no. 943 476 5918", STAFF, None),
    ("a random long number", "Order ref 12345678 for the hoodies", PARENT, None),
    ("a sort code and account", "Pay the PTA: sort code 04-00-04 account 12345678", PUBLIC, None),
    ("a year range", "Term dates for 2027-28 are on the website", OFFICIAL, None),
    ("a parent's own child's minor illness", "Alfie has been poorly with a tummy bug so off school today",
     PARENT, None),
    ("a parent's own child's diagnosis", "Dean, my son is autistic and he's top of his class", PARENT, None),
    ("general health education", "Thank you to Diabetes UK for visiting Year 4 to talk about type 1 diabetes",
     OFFICIAL, None),
    ("an appeal named like an operation", "Operation Christmas Child shoeboxes are due in on Friday", OFFICIAL,
     None),
    ("staff first aid training", "First aid training today. Epipens, asthma, seizures. Everyone should do it.",
     STAFF, None),
    ("an awareness week with a pupil named", "Olivia led our Autism Awareness Week assembly beautifully",
     OFFICIAL, None),
    ("mental health as a topic", "Olivia Brown talked about mental health in assembly", OFFICIAL, None),
    ("a birthday with no date", "Happy birthday to my gorgeous Alfie! 10 today!", PARENT, None),
    ("a birthday party still to come", "Olivia's birthday party is on 14/03/2027, all welcome", PARENT, None),
    ("this year's birthday date", "Happy birthday to Mrs Smith for 01/11/2026, cake in the staffroom", STAFF,
     None),
    ("a date that is not a birth date", "Parents' evening is on 14/01/2027 from 4pm", OFFICIAL, None),
    ("an anti-bullying post naming no one", "Anti-Bullying Week: be kind online, report it, never share", OFFICIAL,
     None),
    ("a stadium with no house number", "Two tickets for Portman Road on Saturday", STAFF, None),
    ("a famous address", "10 Downing Street announced more funding for schools", PUBLIC, None),
    ("a venue's address", "The car park at 12 Abbey Road is closed on Saturday", PUBLIC, None),
    ("a street named by the school for an event", "The fun run starts at 12 Abbey Road car park", OFFICIAL, None),
]


@pytest.mark.parametrize("case,text,fields,expected", CASES, ids=[c[0] for c in CASES])
def test_it_finds_personal_data_and_ignores_near_misses(case, text, fields, expected):
    post = factories.post(text, **fields, at="2026-11-10T19:00:00Z")
    found = [f for f in ENGINE.check(post, factories.school()).findings if f.rule == "personal-data"]
    if expected is None:
        assert found == [], [f.evidence for f in found]
        return
    assert found, "expected a personal-data finding"
    hit = next((f for f in found if f.evidence and (expected in f.evidence or f.evidence in expected)), None)
    assert hit is not None, [f.evidence for f in found]
    assert hit.clause == "1.5"
    assert text[hit.start:hit.end] == hit.evidence
    assert hit.severity == "block"
    assert hit.message and hit.remedy


def test_each_kind_says_what_it_is():
    post = factories.post("Call Dave on 07700 900123", **PUBLIC)
    (f,) = [f for f in ENGINE.check(post, factories.school()).findings]
    assert f.message == "A mobile phone number is published."
    assert "office" in f.remedy


def test_it_trusts_the_official_account_on_its_own_line_when_the_office_number_is_not_set():
    school = factories.school(office_phone="", office_email="")
    post = factories.post("Questions? Ring the office on 0113 496 0123.", **OFFICIAL)
    assert ENGINE.check(post, school).findings == []
    post = factories.post("Questions? Text Mrs Smith on 07700 900123.", **OFFICIAL)
    assert [f.evidence for f in ENGINE.check(post, school).findings] == ["07700 900123"]
