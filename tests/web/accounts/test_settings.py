"""Settings come from the environment; no secret is in the repository."""

from __future__ import annotations

import importlib
import os
import stat

import pytest
from django.core.exceptions import ImproperlyConfigured

from socialguard.web import settings as sg_settings


def reload_with(monkeypatch, **env):
    for k, v in env.items():
        if v is None:
            monkeypatch.delenv(k, raising=False)
        else:
            monkeypatch.setenv(k, v)
    return importlib.reload(sg_settings)


@pytest.fixture(autouse=True)
def restore(monkeypatch):
    yield
    monkeypatch.undo()
    importlib.reload(sg_settings)


def test_a_secret_key_is_generated_once_into_the_data_folder(monkeypatch, tmp_path):
    s1 = reload_with(monkeypatch, SG_SECRET_KEY=None, SG_DATA_DIR=str(tmp_path)).SECRET_KEY
    key_file = tmp_path / "secret_key"
    assert key_file.read_text() == s1 and len(s1) >= 50
    assert stat.S_IMODE(os.stat(key_file).st_mode) == 0o600
    assert reload_with(monkeypatch).SECRET_KEY == s1


def test_production_defaults_are_secure(monkeypatch, tmp_path):
    s = reload_with(monkeypatch, SG_DEBUG=None, SG_DATA_DIR=str(tmp_path))
    assert not s.DEBUG and s.SESSION_COOKIE_SECURE and s.CSRF_COOKIE_SECURE
    assert s.SESSION_COOKIE_HTTPONLY and s.X_FRAME_OPTIONS == "DENY"
    assert s.DATABASES["default"]["ENGINE"].endswith(("sqlite3", "postgresql"))


def test_env_switches_debug_hosts_and_database(monkeypatch, tmp_path):
    s = reload_with(monkeypatch, SG_DEBUG="1", SG_ALLOWED_HOSTS="sg.example.org, x.org",
                    DATABASE_URL="postgres://u@db.example:5432/sg", SG_DATA_DIR=str(tmp_path))
    assert s.DEBUG and not s.SESSION_COOKIE_SECURE
    assert s.ALLOWED_HOSTS == ["sg.example.org", "x.org"]
    assert s.DATABASES["default"]["HOST"] == "db.example"


def test_a_bad_boolean_is_a_clear_configuration_error(monkeypatch, tmp_path):
    with pytest.raises(ImproperlyConfigured, match="SG_DEBUG must be true or false; got 'perhaps'"):
        reload_with(monkeypatch, SG_DEBUG="perhaps", SG_DATA_DIR=str(tmp_path))


def test_the_default_database_is_sqlite_in_the_data_folder(monkeypatch, tmp_path):
    s = reload_with(monkeypatch, DATABASE_URL=None, SG_DATA_DIR=str(tmp_path))
    assert s.DATABASES["default"]["NAME"] == str(tmp_path / "socialguard.sqlite3")


def test_start_up_checks_warn_about_debug_on_a_public_host(settings):
    from socialguard.web.schools.checks import exposed_settings
    settings.DEBUG, settings.ALLOWED_HOSTS = True, ["sg.example.org"]
    settings.SESSION_COOKIE_SECURE = False
    assert {w.id for w in exposed_settings(None)} == {"socialguard.W001", "socialguard.W002"}
    settings.DEBUG, settings.ALLOWED_HOSTS = False, ["localhost"]
    assert exposed_settings(None) == []


def test_the_cache_can_be_shared_between_processes_through_files(monkeypatch, tmp_path):
    s = reload_with(monkeypatch, SG_CACHE="file", SG_DATA_DIR=str(tmp_path))
    assert s.CACHES["default"]["LOCATION"] == str(tmp_path / "cache")
    with pytest.raises(ImproperlyConfigured, match="SG_CACHE must be locmem or file"):
        reload_with(monkeypatch, SG_CACHE="redis")
