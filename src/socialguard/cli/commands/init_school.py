"""`socialguard init-school DIR`: write a commented example school context folder."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from socialguard.errors import SocialguardError

NAME = "init-school"
HELP = "write an example school context folder (school.yaml, people.csv) to edit"

SCHOOL_YAML = """\
# A school's facts for socialguard. Edit every value, then run: socialguard validate {dir}
# Unknown keys are ignored with a warning, so a file written for a later version still loads.

# The school's name as it is written in posts (required).
name: Example Primary School

# Other names and handles people use for the school; posts using them count as about it.
aliases: [Example Primary, "@ExamplePrimary"]

# The trust the school belongs to (optional).
trust: ASSET Education

# Lesson times and dates are in this time zone (an IANA name).
timezone: Europe/London

# Lesson times by weekday, local time, as "HH:MM-HH:MM". Staff personal social media use
# inside these is a lesson-time finding; breaks and lunch are the gaps between them.
lesson_times:
  monday: ["08:50-10:20", "10:40-12:00", "13:00-15:15"]
  tuesday: ["08:50-10:20", "10:40-12:00", "13:00-15:15"]
  wednesday: ["08:50-10:20", "10:40-12:00", "13:00-15:15"]
  thursday: ["08:50-10:20", "10:40-12:00", "13:00-15:15"]
  friday: ["08:50-10:20", "10:40-12:00", "13:00-15:15"]

# Terms as [first day, last day] (2026-09-03 or 03/09/2026). Outside them there are no
# lessons. Leave the list out to treat every week as term time.
term_dates:
  - ["2026-09-03", "2026-10-23"]
  - ["2026-11-02", "2026-12-18"]

# Channels where staff may talk with pupils and parents (clause 2.1).
approved_channels: [classdojo, tapestry, facebook-group-moderated]

# Channels that reach families without social media (clause 1.4, equity of access).
alternative_channels: [email, letter, website, text-message]

# The school's own accounts: anyone else posting as them is impersonation.
official_accounts: ["@ExamplePrimary", "facebook.com/exampleprimary"]

# The school office's published phone number: on an official post it is not personal data.
office_phone: "01632 960000"
# The school office's published e-mail address, likewise.
office_email: office@example-primary.example

# The minimum age the platforms allow; pupils younger than this must not have accounts.
min_platform_age: 13
"""

PEOPLE_CSV = """\
id,role,first_name,last_name,preferred_name,date_of_birth,year_group,left_on,photo_consent,name_consent,child_ids
P1,pupil,Example,Pupil,Ex,2016-05-02,5,,yes,no,
P2,pupil,Sample,Learner,,14/01/2017,4,,no,no,
P3,pupil,Former,Pupil,,2010-09-01,,2021-07-21,yes,yes,
S1,staff,Example,Teacher,,,,,,,
G1,governor,Example,Governor,,,,,,,
T1,trustee,Example,Trustee,,,,,,,
R1,parent,Example,Parent,,,,,,,P1;P2
"""

README = """\
people.csv: one row per person, UTF-8 (a byte-order mark is fine), exported from the MIS.
- id: unique; role: pupil, staff, governor, trustee or parent
- preferred_name: what the person is called day to day (Alexander -> Alfie)
- date_of_birth, left_on: 2016-05-02 or 02/05/2016 (day first); left_on only for past pupils
- photo_consent, name_consent: yes or no, from the consent register (pupils); blank = not given
- child_ids: the pupil ids of a parent's children, separated by ';'
"""


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("dir", metavar="DIR", help="the folder to create (must not hold a context yet)")


def run(args: argparse.Namespace, io: Any) -> int:
    from socialguard.cli.main import ExitStatus

    folder = Path(args.dir)
    if folder.exists() and not folder.is_dir():
        raise SocialguardError("is a file; give a folder name", file=str(folder))
    targets = {"school.yaml": SCHOOL_YAML.format(dir=folder), "people.csv": PEOPLE_CSV,
               "README.txt": README}
    for name in targets:
        if (folder / name).exists():
            raise SocialguardError("already exists; not overwriting it",
                                   file=str(folder / name),
                                   hint="choose a new folder, or edit the files that are there")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for name, text in targets.items():
            with open(folder / name, "x", encoding="utf-8", newline="\n") as fh:
                fh.write(text)
    except OSError as e:
        raise SocialguardError(f"cannot write: {e.strerror}", file=str(e.filename or folder)) from None
    print(f"Wrote {folder}/school.yaml, people.csv and README.txt.", file=io.stdout)
    print(f"Edit them, then check with: socialguard validate {folder}", file=io.stdout)
    return ExitStatus.OK
