import os
import sys
from pathlib import Path

os.environ.setdefault("ORT_DISABLE_TELEMETRY", "1")
sys.path.insert(0, str(Path(__file__).parent))

import pytest  # noqa: E402

import factories  # noqa: E402
from socialguard.analysis.pipeline import Engine  # noqa: E402


@pytest.fixture
def school():
    return factories.school()


@pytest.fixture(scope="session")
def engine():
    return Engine()
