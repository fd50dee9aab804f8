"""Settings from the environment; the embedded default is SQLite in the data folder.

Environment:
- SG_SECRET_KEY: the secret key. Without it, one is generated into $SG_DATA_DIR/secret_key on
  first run (mode 600), so no secret is ever in the repository.
- SG_DEBUG: 1/true to turn on Django's debug mode (never in production).
- SG_ALLOWED_HOSTS: comma-separated host names (default: localhost names only).
- DATABASE_URL: e.g. postgres://user@host:5432/db; default sqlite:///$SG_DATA_DIR/socialguard.sqlite3
- SG_DATA_DIR: where the SQLite database and generated secret live
  (default ~/.local/share/socialguard).
- SG_SSL_REDIRECT, SG_HSTS_SECONDS: for a deployment behind HTTPS.
- SG_CACHE: locmem (default, one process) or file (shared by processes on one machine).
- SG_SECURE_COOKIES: cookies only over HTTPS (default: on unless SG_DEBUG); the local demo,
  served over plain HTTP on 127.0.0.1, turns it off.
"""

from __future__ import annotations

import importlib.util
import os
import secrets
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

os.environ.setdefault("ORT_DISABLE_TELEMETRY", "1")

BASE_DIR = Path(__file__).resolve().parent


def env_bool(name: str, default: bool = False) -> bool:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    v = raw.strip().lower()
    if v in ("1", "true", "yes", "on"):
        return True
    if v in ("0", "false", "no", "off"):
        return False
    raise ImproperlyConfigured(f"{name} must be true or false; got {raw!r}")


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        return int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number; got {raw!r}") from None


def data_dir() -> Path:
    d = Path(os.environ.get("SG_DATA_DIR") or Path.home() / ".local" / "share" / "socialguard")
    d.mkdir(parents=True, exist_ok=True)
    return d


def _secret_key() -> str:
    key = os.environ.get("SG_SECRET_KEY", "").strip()
    if key:
        return key
    path = data_dir() / "secret_key"
    if path.exists():
        return path.read_text(encoding="ascii").strip()
    key = secrets.token_urlsafe(50)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as f:
        f.write(key)
    return key


DATA_DIR = data_dir()
SECRET_KEY = _secret_key()
DEBUG = env_bool("SG_DEBUG")
ALLOWED_HOSTS = [h.strip() for h in os.environ.get(
    "SG_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1],testserver").split(",") if h.strip()]

# Apps another part of the project may add; each is used only when its package exists,
# so the foundation runs (and its tests pass) before they are written.
OPTIONAL_APPS = ["socialguard.web.checks", "socialguard.web.api"]


def _present(module: str) -> bool:
    try:
        return importlib.util.find_spec(module) is not None and \
            importlib.util.find_spec(module + ".apps") is not None
    except ModuleNotFoundError:
        return False


PRESENT_OPTIONAL_APPS = [m for m in OPTIONAL_APPS if _present(m)]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "socialguard.web.accounts",
    "socialguard.web.schools",
    "socialguard.web.policies",
    *PRESENT_OPTIONAL_APPS,
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "socialguard.web.middleware.ContentSecurityPolicy",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "socialguard.web.urls"
WSGI_APPLICATION = "socialguard.web.wsgi.application"

TEMPLATES = [{
    "BACKEND": "django.template.backends.django.DjangoTemplates",
    "DIRS": [BASE_DIR / "templates"],
    "APP_DIRS": True,
    "OPTIONS": {"context_processors": [
        "django.template.context_processors.request",
        "django.contrib.auth.context_processors.auth",
        "django.contrib.messages.context_processors.messages",
        "socialguard.web.accounts.context.roles",
    ]},
}]

DATABASES = {"default": dj_database_url.config(
    default=f"sqlite:///{DATA_DIR / 'socialguard.sqlite3'}", conn_max_age=60)}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
     "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_ROOT = DATA_DIR / "media"
MEDIA_URL = "/media/"

LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "accounts:login"

# The cache holds login-failure counts. LocMem is per process; with several server
# processes on one machine use SG_CACHE=file so they share the counts.
_CACHE = os.environ.get("SG_CACHE", "locmem").strip().lower()
if _CACHE == "locmem":
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                          "LOCATION": "socialguard"}}
elif _CACHE == "file":
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
                          "LOCATION": str(DATA_DIR / "cache")}}
else:
    raise ImproperlyConfigured(f"SG_CACHE must be locmem or file; got {_CACHE!r}")

# Login throttling: this many failed logins per user name or per address, then a pause.
SG_LOGIN_MAX_FAILURES = env_int("SG_LOGIN_MAX_FAILURES", 5)
SG_LOGIN_LOCKOUT_SECONDS = env_int("SG_LOGIN_LOCKOUT_SECONDS", 15 * 60)

# Uploads: a roster of a large secondary school is well under 2 MB.
SG_MAX_UPLOAD_BYTES = env_int("SG_MAX_UPLOAD_BYTES", 5 * 1024 * 1024)
DATA_UPLOAD_MAX_MEMORY_SIZE = SG_MAX_UPLOAD_BYTES + 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = SG_MAX_UPLOAD_BYTES + 1024 * 1024

# Session and cookie security. Cookies are Secure unless debugging (plain-HTTP local demo).
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = env_int("SG_SESSION_SECONDS", 8 * 60 * 60)
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SECURE_COOKIES = env_bool("SG_SECURE_COOKIES", not DEBUG)  # off only for the plain-HTTP local demo
SESSION_COOKIE_SECURE = SECURE_COOKIES
CSRF_COOKIE_SECURE = SECURE_COOKIES
CSRF_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_SSL_REDIRECT = env_bool("SG_SSL_REDIRECT")
SECURE_HSTS_SECONDS = env_int("SG_HSTS_SECONDS", 0)
if os.environ.get("SG_CSRF_TRUSTED_ORIGINS"):
    CSRF_TRUSTED_ORIGINS = [o.strip() for o in os.environ["SG_CSRF_TRUSTED_ORIGINS"].split(",")]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "loggers": {"socialguard": {"handlers": ["console"], "level": "INFO"}},
}
