"""Which policy applies to a trust, and clause anchors that findings link to."""

from __future__ import annotations

from importlib.resources import files

from django.urls import reverse
from django.utils import timezone

from socialguard.policy import DEFAULT_POLICY, Policy, load_policy
from socialguard.web.policies.models import PolicyVersion


def clause_anchor(clause_id: str) -> str:
    """'1.5' -> 'clause-1-5' (the id of the clause's heading on the policy page)."""
    return "clause-" + str(clause_id).replace(".", "-")


def clause_url(clause_id: str, audience: str | None = None) -> str:
    """The policy page's URL for a clause, e.g. /policy/#clause-1-5."""
    q = f"?audience={audience}" if audience else ""
    return f"{reverse('policies:show')}{q}#{clause_anchor(clause_id)}"


def current_version(trust) -> PolicyVersion | None:
    if trust is None:
        return None
    return (PolicyVersion.objects.filter(trust=trust, status="approved")
            .order_by("-approved_at", "-id").first())


def current_policy(trust) -> tuple[Policy, PolicyVersion | None]:
    """The trust's approved policy, else the bundled ASSET policy."""
    v = current_version(trust)
    return (v.policy(), v) if v else (load_policy(), None)


def bundled_yaml() -> str:
    return files("socialguard.policy").joinpath("data", DEFAULT_POLICY).read_text(encoding="utf-8")


def ensure_initial_version(trust, user=None) -> PolicyVersion:
    """Record the bundled policy as the trust's approved version if it has none."""
    v = current_version(trust)
    if v:
        return v
    p = load_policy()
    v, _ = PolicyVersion.objects.get_or_create(
        trust=trust, version=p.version,
        defaults={"title": p.title, "yaml_text": bundled_yaml(), "status": "approved",
                  "note": "The trust's policy as shipped", "created_by": user,
                  "approved_by": user, "approved_at": timezone.now()})
    return v


def approve(version: PolicyVersion, user) -> None:
    """Approve a draft; the trust's earlier approved versions are retired."""
    PolicyVersion.objects.filter(trust=version.trust, status="approved").exclude(pk=version.pk) \
        .update(status="retired")
    version.status, version.approved_by, version.approved_at = "approved", user, timezone.now()
    version.save(update_fields=["status", "approved_by", "approved_at"])
