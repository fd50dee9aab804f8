"""Browser tests: Debian's Chromium driven by Playwright against Django's live server.

Never `playwright install` (it downloads a browser): /usr/bin/chromium is used instead.
"""

from __future__ import annotations

import os
import shutil
import tempfile

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "socialguard.web.settings")
os.environ.setdefault("SG_DATA_DIR", tempfile.mkdtemp(prefix="sg-browser-test-"))
os.environ.setdefault("SG_SECRET_KEY", "test-only-secret-key-not-used-anywhere-else-0123456789")
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's sync API runs a loop

import django  # noqa: E402

django.setup()

import pytest  # noqa: E402

CHROMIUM = "/usr/bin/chromium"


def pytest_collection_modifyitems(items):
    here = os.path.dirname(__file__)
    for item in items:
        if not str(item.path).startswith(here):
            continue  # conftest hooks see the whole session's items
        item.add_marker(pytest.mark.browser)
        if not os.path.exists(CHROMIUM) or shutil.which("chromium") is None:
            item.add_marker(pytest.mark.skip(reason="needs Debian's chromium (apt-get install chromium)"))


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": ["--no-sandbox"]}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "viewport": {"width": 1200, "height": 900}}


@pytest.fixture
def plain_http(settings):
    """The live server speaks plain HTTP: cookies cannot be Secure-only there."""
    settings.SESSION_COOKIE_SECURE = False
    settings.CSRF_COOKIE_SECURE = False
    settings.DEBUG = False
