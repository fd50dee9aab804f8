"""MIS roster exports: the column headings of SIMS, Arbor, Bromcom and the contract's
people.csv, and how a heading row is matched to one of them.

A mapping is ``{target field: heading in the file}``; targets are the Person fields below.
"""

from __future__ import annotations

import re

TARGETS = ("external_id", "role", "first_name", "last_name", "preferred_name", "dob",
           "year_group", "left_on", "photo_consent", "name_consent", "child_ids")
TARGET_LABELS = {
    "external_id": "MIS id", "role": "Role", "first_name": "Legal first name",
    "last_name": "Last name", "preferred_name": "Preferred name", "dob": "Date of birth",
    "year_group": "Year group", "left_on": "Date of leaving", "photo_consent": "Photo consent",
    "name_consent": "Name consent", "child_ids": "Children's ids (parents)",
}
REQUIRED = ("external_id", "first_name")

# Optional columns an export of any MIS may carry (report builders name them freely).
_COMMON = {
    "role": ["role", "person type"],
    "left_on": ["date of leaving", "leaving date", "left on", "left_on", "date left"],
    "photo_consent": ["photo consent", "photograph consent", "photo_consent",
                      "consent - photographs", "photographs"],
    "name_consent": ["name consent", "name_consent", "consent - name", "name publication consent"],
    "child_ids": ["child ids", "child_ids", "children"],
}

# format -> target -> accepted headings (lower case, single spaces); the first is canonical.
FORMATS: dict[str, dict[str, list[str]]] = {
    "people": {
        "external_id": ["id"], "role": ["role"], "first_name": ["first_name"],
        "last_name": ["last_name"], "preferred_name": ["preferred_name"],
        "dob": ["date_of_birth"], "year_group": ["year_group"], "left_on": ["left_on"],
        "photo_consent": ["photo_consent"], "name_consent": ["name_consent"],
        "child_ids": ["child_ids"],
    },
    "sims": {
        "external_id": ["adno", "admission number", "adm no"],
        "first_name": ["legal forename", "forename"],
        "last_name": ["legal surname", "surname"],
        "preferred_name": ["preferred forename", "preferred name"],
        "dob": ["dob", "date of birth"],
        "year_group": ["year", "year group", "ncyear actual"],
        **_COMMON,
    },
    "arbor": {
        "external_id": ["student id", "arbor student id", "mis id"],
        "first_name": ["first name", "legal first name"],
        "last_name": ["last name", "legal last name"],
        "preferred_name": ["preferred first name", "preferred name"],
        "dob": ["date of birth", "dob"],
        "year_group": ["year group", "year"],
        **_COMMON,
    },
    "bromcom": {
        "external_id": ["student id", "admission number"],
        "first_name": ["forename", "legal forename"],
        "last_name": ["surname", "legal surname"],
        "preferred_name": ["preferred name", "preferred forename"],
        "dob": ["dob", "date of birth"],
        "year_group": ["nc year", "year group", "year"],
        **_COMMON,
    },
}
FORMAT_LABELS = {"people": "socialguard people.csv", "sims": "SIMS", "arbor": "Arbor",
                 "bromcom": "Bromcom"}
# The headings that identify each format (all must be present).
SIGNATURE = {
    "people": ("id", "role", "first_name"),
    "sims": ("adno", "legal surname", "legal forename"),
    "arbor": ("student id", "first name", "last name"),
    "bromcom": ("student id", "forename", "surname"),
}


def norm_heading(h: str) -> str:
    return " ".join(h.replace("\ufeff", "").strip().lower().split())


def detect_format(headers: list[str]) -> str | None:
    """The format whose signature headings are all present; None if none fits."""
    have = {norm_heading(h) for h in headers}
    for fmt, sig in SIGNATURE.items():
        if all(s in have for s in sig):
            return fmt
    return None


def mapping_for(fmt: str, headers: list[str]) -> dict[str, str]:
    """Map each target to the first heading of the file that the format accepts for it."""
    by_norm: dict[str, str] = {}
    for h in headers:
        by_norm.setdefault(norm_heading(h), h)
    out: dict[str, str] = {}
    for target, names in FORMATS[fmt].items():
        for n in names:
            if n in by_norm:
                out[target] = by_norm[n]
                break
    return out


_YEAR = re.compile(r"^(?:nc\s*)?(?:year|yr|y)\s*(\d{1,2})$", re.I)


def norm_year(value: str) -> str:
    """'Year 5', 'Y5', 'NC Year 5' -> '5'; 'Reception' -> 'R'; otherwise unchanged."""
    v = value.strip()
    m = _YEAR.match(v)
    if m:
        return str(int(m[1]))
    if v.lower() in ("reception", "rec"):
        return "R"
    if v.lower() == "nursery":
        return "N"
    return v


ROLE_SYNONYMS = {"student": "pupil", "learner": "pupil", "child": "pupil", "carer": "parent",
                 "contact": "parent", "guardian": "parent", "employee": "staff",
                 "teacher": "staff"}
CONSENT_YES = {"yes", "y", "true", "1", "granted", "given", "consented", "agreed"}
CONSENT_NO = {"no", "n", "false", "0", "refused", "withdrawn", "declined", "not given"}
