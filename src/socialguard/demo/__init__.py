"""The bundled demo: an invented school (Oakfield Primary, about 200 people) and 57 posts, six with images.

Every name, number and address here is made up. Each demo post carries an ``expect`` list
(the rules a careful reader would say it breaks), which the engine ignores and
``socialguard demo`` compares with what the engine found.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path


def _data() -> Path:
    return Path(str(files("socialguard.demo").joinpath("data")))


def school_dir() -> Path:
    """The demo school's context folder (school.yaml, people.csv)."""
    return _data() / "oakfield"


def posts_path() -> Path:
    """The demo posts, one JSON object per line."""
    return _data() / "posts.jsonl"
