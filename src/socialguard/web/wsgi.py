"""WSGI entry point: ``gunicorn socialguard.web.wsgi`` or any WSGI server."""

import os

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "socialguard.web.settings")
os.environ.setdefault("ORT_DISABLE_TELEMETRY", "1")

from django.core.wsgi import get_wsgi_application  # noqa: E402

application = get_wsgi_application()
