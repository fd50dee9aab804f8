from django.test import Client


def test_the_openapi_schema_is_public_and_declares_the_error_responses(db):
    r = Client().get("/api/openapi.json")
    assert r.status_code == 200
    spec = r.json()
    check = spec["paths"]["/api/check"]["post"]
    assert set(check["responses"]) >= {"200", "400", "401", "403", "404", "422"}
    assert {"/api/check-runs", "/api/findings", "/api/drafts", "/api/drafts/{draft_id}",
            "/api/approvals", "/api/people/import", "/api/me"} <= set(spec["paths"])
    assert spec["components"]["securitySchemes"]["TokenAuth"]["scheme"] == "bearer"
