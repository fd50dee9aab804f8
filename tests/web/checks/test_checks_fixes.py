import pytest

from socialguard.web.checks import fixes

TEXT = "Ring Jo on 07700 900123, or write to jo@example.org. Well done Alfie Hughes!"


def finding(rule, evidence, **detail):
    start = TEXT.index(evidence)
    return {"rule": rule, "start": start, "end": start + len(evidence), "evidence": evidence,
            "detail": detail}


@pytest.mark.parametrize("f, code, expected", [
    (finding("personal-data", "07700 900123", kind="mobile"), "remove",
     "Ring Jo on, or write to jo@example.org. Well done Alfie Hughes!"),
    (finding("personal-data", "07700 900123"), "office-phone",
     "Ring Jo on 01632 960 123, or write to jo@example.org. Well done Alfie Hughes!"),
    (finding("personal-data", "jo@example.org"), "remove",
     "Ring Jo on 07700 900123, or write to. Well done Alfie Hughes!"),
    (finding("personal-data", "jo@example.org"), "office-email",
     "Ring Jo on 07700 900123, or write to office@oakfield.sch.uk. Well done Alfie Hughes!"),
    (finding("identifiable-pupil", "Alfie Hughes"), "initials",
     "Ring Jo on 07700 900123, or write to jo@example.org. Well done A.H.!"),
])
def test_each_mechanical_fix_rewrites_only_the_reported_span(f, code, expected):
    options = {o.code: o for o in fixes.fixes_for(f, office_phone="01632 960 123",
                                                  office_email="office@oakfield.sch.uk")}
    assert fixes.apply(TEXT, f, options[code]) == expected


@pytest.mark.parametrize("evidence, label", [
    ("07700 900123", "Remove the phone number"),
    ("jo@example.org", "Remove the e-mail address"),
    ("SW1A 1AA", "Remove the postcode"),
    ("12 Elm Road", "Remove the personal data"),
])
def test_the_button_says_what_kind_of_data_it_removes(evidence, label):
    f = {"rule": "personal-data", "start": 0, "end": len(evidence), "evidence": evidence}
    assert fixes.fixes_for(f)[0].label == label


def test_it_offers_no_fix_for_a_finding_without_a_span_or_for_a_judgement_rule():
    assert fixes.fixes_for({"rule": "personal-data", "start": None, "end": None}) == []
    assert fixes.fixes_for({"rule": "harassment", "start": 0, "end": 4, "evidence": "idiot"}) == []


def test_it_refuses_a_fix_when_the_text_no_longer_holds_the_evidence():
    f = finding("personal-data", "07700 900123")
    with pytest.raises(fixes.StaleFix):
        fixes.apply(TEXT.replace("07700", "07711"), f, fixes.fixes_for(f)[0])


@pytest.mark.parametrize("name, initials", [
    ("Alfie Hughes", "A.H."), ("Mary-Jane O'Neil", "M.J.O."), ("Kacper", "K."), ("  ", "")])
def test_initials_take_one_letter_per_name_part(name, initials):
    assert fixes.initials(name) == initials


def test_fix_all_applies_every_first_fix_right_to_left_so_offsets_stay_true():
    fs = [finding("personal-data", "07700 900123"), finding("personal-data", "jo@example.org"),
          finding("identifiable-pupil", "Alfie Hughes")]
    assert fixes.apply_all(TEXT, fs) == "Ring Jo on, or write to. Well done A.H.!"
