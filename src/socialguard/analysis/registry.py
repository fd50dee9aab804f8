"""Which detectors run: every ``Detector`` subclass in ``socialguard.analysis.detectors``,
plus any a third party registers under the ``socialguard.detectors`` entry point.

Discovery keeps "a new detector is one new file" true; the list is still explicit at run
time (``socialguard rules`` prints it) and a detector that fails to import is an error.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from functools import lru_cache
from importlib.metadata import entry_points

from socialguard.analysis import detectors as _pkg
from socialguard.analysis.detectors.base import Detector

RULES = (
    "disrepute", "confidential", "harassment", "defamation", "discrimination", "copyright",
    "personal-data", "identifiable-pupil", "grievance", "unapproved-channel", "lesson-time",
    "pupil-in-school", "pupil-photo", "equity-of-access", "false-identity", "under-13",
)


@lru_cache(maxsize=1)
def detector_classes() -> tuple[type[Detector], ...]:
    found: list[type[Detector]] = []
    for mod in pkgutil.iter_modules(_pkg.__path__):
        if mod.name.startswith("_") or mod.name == "base":
            continue
        module = importlib.import_module(f"{_pkg.__name__}.{mod.name}")
        for _, obj in inspect.getmembers(module, inspect.isclass):
            if issubclass(obj, Detector) and obj.rule and obj.__module__ == module.__name__:
                found.append(obj)
    for ep in entry_points(group="socialguard.detectors"):
        obj = ep.load()
        if not (inspect.isclass(obj) and issubclass(obj, Detector) and obj.rule):
            raise TypeError(f"entry point {ep.name!r} is not a Detector with a rule")
        found.append(obj)
    for cls in found:
        if cls.rule not in RULES:
            raise ValueError(f"{cls.__module__}.{cls.__name__} has unknown rule {cls.rule!r}")
    return tuple(sorted(found, key=lambda c: (c.order, RULES.index(c.rule), c.__name__)))


def build_detectors(rules: set[str] | None = None) -> list[Detector]:
    """One instance of each detector (of ``rules`` only, when given)."""
    if rules is not None:
        unknown = rules - set(RULES)
        if unknown:
            raise ValueError(f"unknown rule id(s): {', '.join(sorted(unknown))}; "
                             f"known: {', '.join(RULES)}")
    return [cls() for cls in detector_classes()
            if rules is None or cls.rule in rules or cls.serves_all_rules]
