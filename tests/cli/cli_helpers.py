"""Helpers for CLI tests: a context folder on disk, a real subprocess, an in-process run,
and a fake engine so in-process tests do not depend on which detectors exist today."""

from __future__ import annotations

import csv
import io
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

import factories
from socialguard.analysis.detectors.base import Detector
from socialguard.analysis.pipeline import Engine
from socialguard.analysis.post import PEOPLE_HEADER
from socialguard.cli.main import IO, main

LESSONS = factories.LESSONS


@dataclass
class Run:
    rc: int
    out: str
    err: str


def write_context(folder: Path, people_rows: list[list[str]] | None = None,
                  header: list[str] | None = None, **school) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    data = {
        "name": "Oakfield Primary School", "aliases": ["Oakfield", "@OakfieldPrimary"],
        "timezone": "Europe/London",
        "lesson_times": {d: LESSONS for d in ("monday", "tuesday", "wednesday", "thursday", "friday")},
        "term_dates": [["2026-09-03", "2026-12-18"]],
        "approved_channels": ["classdojo"], "alternative_channels": ["email", "letter"],
        "official_accounts": ["@OakfieldPrimary"], "office_phone": "01632 960123",
        **school,
    }
    (folder / "school.yaml").write_text(yaml.safe_dump(data), encoding="utf-8")
    rows = people_rows if people_rows is not None else [
        ["P1", "pupil", "Alexander", "Hughes", "Alfie", "2016-05-02", "5", "", "no", "no", ""],
        ["P2", "pupil", "Olivia", "Brown", "", "14/01/2017", "4", "", "yes", "yes", ""],
        ["P3", "pupil", "Grace", "Okafor", "", "2009-10-01", "", "2021-07-22", "yes", "yes", ""],
        ["S1", "staff", "Jane", "Smith", "", "", "", "", "", "", ""],
        ["R1", "parent", "Sarah", "Hughes", "", "", "", "", "", "", "P1"],
    ]
    with open(folder / "people.csv", "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(header or PEOPLE_HEADER)
        w.writerows(rows)
    return folder


@pytest.fixture
def ctx(tmp_path) -> Path:
    return write_context(tmp_path / "school")


def run_cli(*args: str, stdin: bytes | str | None = None, cwd: Path | None = None) -> Run:
    """socialguard as a user runs it: a new process, output through pipes."""
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    env.pop("FORCE_COLOR", None)
    p = subprocess.run([sys.executable, "-m", "socialguard", *args], capture_output=True,
                       input=stdin.encode() if isinstance(stdin, str) else stdin,
                       cwd=cwd, env=env, timeout=120)
    return Run(p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace"))


class TTYStringIO(io.StringIO):
    def isatty(self) -> bool:
        return True


def run_main(*args: str, stdin: str = "", tty: bool = False) -> Run:
    """socialguard in-process, through main(argv, IO(...))."""
    out = TTYStringIO() if tty else io.StringIO()
    err = io.StringIO()
    rc = main(list(args), IO(stdout=out, stderr=err, stdin=io.StringIO(stdin)))
    return Run(int(rc), out.getvalue(), err.getvalue())


class FakePhoneDetector(Detector):
    """Blocks 07700 900xxx numbers: a stand-in with a known answer."""

    rule = "personal-data"

    def detect(self, inp):
        return [self.finding(inp, confidence=0.97, message="", span=m.span())
                for m in re.finditer(r"07700 ?900 ?\d{3}", inp.post.text)]


class FakeReviewDetector(Detector):
    """Asks for review of any post containing the word LESSON."""

    rule = "lesson-time"

    def detect(self, inp):
        i = inp.post.text.find("LESSON")
        return [] if i < 0 else [self.finding(inp, confidence=0.8, message="", span=(i, i + 6))]


@pytest.fixture
def fake_engine(monkeypatch):
    """Commands run with the two fake detectors instead of the registry's."""
    from socialguard.cli import common

    def make(policy, rules):
        dets = [FakePhoneDetector(), FakeReviewDetector()]
        return Engine(policy, detectors=[d for d in dets if rules is None or d.rule in rules])

    monkeypatch.setattr(common, "make_engine", make)
    return make


def one_error_line(err: str) -> str:
    """The error line of stderr; asserts there is exactly one and no traceback."""
    assert "Traceback" not in err, err
    lines = [ln for ln in err.splitlines() if ln.startswith("socialguard: error:")]
    assert len(lines) == 1, err
    return lines[0]
