"""Property-based run of the API against its own OpenAPI schema: every response must have a
declared status and match its declared shape, whatever the input."""

import pytest
import schemathesis
from django.core.wsgi import get_wsgi_application
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

schema = schemathesis.openapi.from_wsgi("/api/openapi.json", get_wsgi_application())


@pytest.fixture
def token(school, users):
    # Like Django's test client: keep the test's connection (and transaction) open across
    # requests; the WSGI app would otherwise close it at each request's end (PostgreSQL).
    from django.core import signals
    from django.db import close_old_connections
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    try:
        yield _token(users)
    finally:
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)


def _token(users):
    from socialguard.web.api.models import ApiToken
    return ApiToken.issue(users["head"], "schemathesis")[1]


@pytest.mark.slow
@schema.parametrize()
@settings(max_examples=15, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
def test_the_api_keeps_to_its_schema(case, token):
    excluded = []
    if (case.operation.path, case.operation.method.upper()) in (("/api/people/import", "POST"),
                                                                 ("/api/drafts", "POST")):
        # A schema-valid upload can still be a CSV with bad rows (the schema cannot say what a
        # good roster is), or a multipart body Django's parser drops; a draft's account must be
        # one of the school's (data, not schema): those are rightly refused.
        excluded.append(positive_data_acceptance)
    case.call_and_validate(headers={"Authorization": f"Bearer {token}"}, excluded_checks=excluded)
