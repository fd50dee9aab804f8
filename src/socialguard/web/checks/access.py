"""Expected access for the checks URLs (read by tests/web/test_access_matrix.py).

``setup(f)`` adds a check run of the teacher, a draft by the teacher (submitted, waiting for
the default step), its image and a published post, so every page has a real object.
"""

from __future__ import annotations

from socialguard.web.accounts.roles import ALL, STAFF
from socialguard.web.checks.roles import (
    CHAIN_EDITORS, DASHBOARD_READERS, DRAFT_EDITORS, DRAFT_READERS, LOG_READERS,
)

S = lambda f: {"school": f.school.slug}  # noqa: E731
RUN = lambda f: {"school": f.school.slug, "pk": f.check_run.pk}  # noqa: E731
D = lambda f: {"school": f.school.slug, "pk": f.draft.pk}  # noqa: E731
IMG = lambda f: {"school": f.school.slug, "pk": f.draft_image.pk}  # noqa: E731
PUB = lambda f: {"school": f.school.slug, "pk": f.published.pk}  # noqa: E731
POST_OK = {"method": "post", "ok": {302}}
APPROVERS = {"head", "comms"}

ACCESS = {
    "checks:check": {"roles": ALL, "ok": {200, 302}},
    "checks:check_school": {"roles": ALL, "kwargs": S},
    "checks:fix": {"roles": ALL, "kwargs": S, **POST_OK},
    "checks:runs": {"roles": ALL, "kwargs": S},
    "checks:runs_csv": {"roles": ALL, "kwargs": S},
    # the log's leaders see every run; anyone else only their own (this one is the teacher's)
    "checks:run": {"roles": LOG_READERS | {"teacher"}, "kwargs": RUN},
    "checks:drafts": {"roles": DRAFT_READERS, "kwargs": S},
    "checks:draft_new": {"roles": STAFF, "kwargs": S},
    "checks:draft": {"roles": DRAFT_READERS, "kwargs": D},
    # the author (the teacher here) or a head/comms/trust executive
    "checks:draft_edit": {"roles": DRAFT_EDITORS | {"teacher"}, "kwargs": D},
    "checks:draft_fix": {"roles": DRAFT_EDITORS | {"teacher"}, "kwargs": D, **POST_OK},
    "checks:draft_submit": {"roles": {"teacher"}, "kwargs": D, **POST_OK},   # the author only
    # the approvers of the current step: the default chain's head or comms, never the author
    "checks:draft_approve": {"roles": APPROVERS, "kwargs": D, **POST_OK},
    "checks:draft_reject": {"roles": APPROVERS, "kwargs": D, **POST_OK},
    "checks:draft_override": {"roles": APPROVERS, "kwargs": D, **POST_OK},
    "checks:draft_publish": {"roles": STAFF, "kwargs": D, **POST_OK},
    "checks:draft_image": {"roles": DRAFT_READERS, "kwargs": IMG},
    "checks:approvals": {"roles": DRAFT_READERS, "kwargs": S},
    "checks:chain": {"roles": CHAIN_EDITORS, "kwargs": S},
    "checks:archive": {"roles": DRAFT_READERS, "kwargs": S},
    "checks:published": {"roles": DRAFT_READERS, "kwargs": PUB},
    "checks:dashboard": {"roles": DASHBOARD_READERS, "kwargs": S},
}

# A 1x1 PNG, so the image view has a real file to serve.
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000001e221bc330000000049454e44ae426082")


def setup(f) -> None:
    from django.core.files.base import ContentFile

    from socialguard.web.checks import services, workflow
    from socialguard.web.checks.models import DraftImage

    teacher, head = f.users["teacher"], f.users["head"]
    f.check_run = services.run_check(
        school=f.school, user=teacher,
        post=services.build_post(text="Call me on 07700 900123", account="personal", author_role="staff"))
    f.draft = workflow.create_draft(school=f.school, user=teacher, handle=f.school.official_accounts[0],
                                    platform="facebook", text="Well done to Year 5 for a great assembly!",
                                    title="Assembly")
    f.draft_image = DraftImage.objects.create(
        version=f.draft.version, file=ContentFile(PNG, name="dot.png"), name="dot.png",
        content_type="image/png", size=len(PNG), sha256="0" * 64)
    workflow.submit(f.draft, teacher)
    done = workflow.create_draft(school=f.school, user=teacher, handle=f.school.official_accounts[0],
                                 platform="facebook", text="Our school fair raised £500. Thank you!")
    workflow.submit(done, teacher)
    workflow.approve(done, head)
    f.published = workflow.publish(done, teacher)
