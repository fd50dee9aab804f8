"""Property-based run of the API against its own OpenAPI schema: every response must have a
declared status and match its declared shape, whatever the input."""

import pytest
import schemathesis
from django.core.wsgi import get_wsgi_application
from hypothesis import HealthCheck, settings

schema = schemathesis.openapi.from_wsgi("/api/openapi.json", get_wsgi_application())


@pytest.fixture
def token(school, users):
    from socialguard.web.api.models import ApiToken
    return ApiToken.issue(users["head"], "schemathesis")[1]


@pytest.mark.slow
@schema.parametrize()
@settings(max_examples=15, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
def test_the_api_keeps_to_its_schema(case, token):
    case.call_and_validate(headers={"Authorization": f"Bearer {token}"})
