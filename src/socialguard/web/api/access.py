"""Expected access for the API's URLs (read by tests/web/test_access_matrix.py).

The API answers an anonymous caller 401 (no redirect to a login page). Routes take the
school as a query parameter, so the "head of another school" case is tested in tests/web/api.
"""

from __future__ import annotations

from socialguard.web.accounts.roles import ALL
from socialguard.web.checks.roles import DRAFT_READERS, IMPORTERS

Q = lambda f: {"school": f.school.slug}  # noqa: E731
CSV = b"id,role,first_name,last_name\nP9,pupil,Zara,Ali\n"


def _import_data(f):
    from django.core.files.uploadedfile import SimpleUploadedFile
    return {"file": SimpleUploadedFile("people.csv", CSV, content_type="text/csv")}


ACCESS = {
    "api:tokens": {"roles": ALL},
    "api:token_revoke": {"roles": ALL, "kwargs": lambda f: {"pk": f.api_token.pk}, "method": "post",
                         # only its owner (the teacher) may revoke it; others get 404
                         "skip": "owner-only object, tested in tests/web/api/test_api_tokens.py"},
    "api:openapi-json": {"roles": ALL, "public": True},
    "api:api-root": {"roles": ALL, "skip": "django-ninja's placeholder root (always 404)"},
    "api:me": {"roles": ALL, "anonymous": 401},
    "api:check_post": {"roles": ALL, "anonymous": 401, "method": "post",
                       "skip": "JSON body: tested per role in tests/web/api/test_api_check.py"},
    "api:check_runs": {"roles": ALL, "anonymous": 401, "data": Q},
    "api:findings": {"roles": ALL, "anonymous": 401, "data": Q},
    "api:drafts": {"roles": DRAFT_READERS, "anonymous": 401, "data": Q},
    "api:draft": {"roles": DRAFT_READERS, "anonymous": 401, "kwargs": lambda f: {"draft_id": f.draft.pk}},
    **{f"api:{n}": {"roles": DRAFT_READERS, "anonymous": 401, "method": "post",
                    "skip": "JSON body: tested per role in tests/web/api/test_api_drafts.py"}
       for n in ("draft_create", "draft_revise", "draft_submit", "draft_approve", "draft_reject",
                 "draft_override", "draft_publish")},
    "api:approvals": {"roles": DRAFT_READERS, "anonymous": 401, "data": Q},
    "api:import_people": {"roles": IMPORTERS, "anonymous": 401, "method": "post",
                          "skip": "the school is a query parameter on a multipart POST: tested per "
                                  "role in tests/web/api/test_api_import.py"},
}


def setup(f) -> None:
    from socialguard.web.api.models import ApiToken
    f.api_token, _ = ApiToken.issue(f.users["teacher"], "matrix")
