import pytest
from django.test import Client

from socialguard.web.api.models import ApiToken


@pytest.fixture
def api_as(users):
    """``api_as(role_or_user)``: a client that sends that user's new API token."""
    def make(who):
        user = users[who] if isinstance(who, str) else who
        _, key = ApiToken.issue(user, "tests")
        return Client(HTTP_AUTHORIZATION=f"Bearer {key}")
    return make
