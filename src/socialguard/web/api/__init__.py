"""The REST API (django-ninja): check a post, list runs, findings, drafts and approvals,
import people. OpenAPI schema at /api/openapi.json; per-user tokens."""
