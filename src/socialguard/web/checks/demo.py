"""Demo content for the checks app: a week of checks and drafts in each state, made through
the same workflow a real school uses (called by socialguard.web.schools.demo)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from socialguard.web.accounts.permissions import role_in
from socialguard.web.checks import services, workflow
from socialguard.web.checks.models import CheckRun, Draft

CHECKS = [
    ("teacher", "personal", "Great day at the museum with my class! Ring Mr Patel on 07700 900123 about the trip."),
    ("teacher", "personal", "Can't wait for half term, this week has been long!"),
    ("parent", "personal", "Does anyone know if the school fair is still on Saturday?"),
    ("comms", "official", "Reminder: the school fair is on Saturday from 10am. Letters went home today too."),
    ("governor", "personal", "Proud to be a governor at this school. Lovely harvest festival today."),
    ("dsl", "personal", "Email me at j.bloggs@example.org with any worries."),
]


def _author(users: dict, school: Any, prefer: tuple[str, ...]) -> Any:
    for key in prefer:
        u = users.get(key)
        if u is not None and workflow.can_draft(u, school):
            return u
    return None


def _approver(users: dict, school: Any, author: Any) -> Any:
    for key in ("head", "comms", "birchwood_head", "trust_exec"):
        u = users.get(key)
        if u is not None and u.pk != author.pk and role_in(u, school) & {"head", "comms"}:
            return u
    return None


def load_demo(school: Any, users: dict) -> str:
    """Checks and drafts for ``school``; does nothing if it already has drafts."""
    if Draft.objects.filter(school=school).exists():
        return ""
    runs = 0
    for i, (role, account, text) in enumerate(CHECKS):
        user = users.get(role)
        if user is None or not role_in(user, school):
            continue
        handle = (school.official_accounts or [""])[0] if account == "official" else ""
        if account == "official" and not handle:
            continue
        post = services.build_post(text=text, account=account, handle=handle, platform="facebook",
                                   author_role=services.author_role_for(role_in(user, school)),
                                   author_name=user.get_full_name())
        run = services.run_check(school=school, user=user, post=post, handle=handle)
        # spread them over the past week, for the dashboard's chart
        CheckRun.objects.filter(pk=run.pk).update(created_at=timezone.now() - dt.timedelta(days=i % 6, hours=i))
        runs += 1

    handle = (school.official_accounts or [None])[0]
    author = _author(users, school, ("comms", "teacher", "trust_exec"))
    if not handle or author is None:
        return f"{school.name}: {runs} demo checks"
    approver = _approver(users, school, author)
    pupil = school.people.filter(role="pupil", name_consent=False, left_on__isnull=True).first()
    made = []

    def draft(title: str, text: str, platform: str = "facebook") -> Draft:
        d = workflow.create_draft(school=school, user=author, handle=handle, platform=platform,
                                  text=text, title=title)
        made.append(d)
        return d

    if pupil is not None:
        d = draft("Reading award", f"Well done {pupil.known_as} {pupil.last_name} for the reading award! "
                                   "Questions? Ring Mr Patel on 07700 900123.")
        workflow.submit(d, author)          # waits, with blocking findings to fix or override
    d = draft("Harvest festival", "Thank you to every family who gave to the harvest festival: "
                                  "we collected 240 tins for the food bank.")
    workflow.submit(d, author)
    if approver is not None:
        d = draft("School fair", "The school fair is on Saturday from 10am. Letters went home today "
                                 "and it is on the website too.")
        workflow.submit(d, author)
        workflow.approve(d, approver, "Good to go.")
        workflow.publish(d, author)
        d = draft("Staff news", "Sad news: Mrs Green is leaving after a disagreement with the head.", "x")
        workflow.submit(d, author)
        workflow.reject(d, approver, "Staff matters stay inside school; please do not post this.")
    draft("Sports day", "Sports day is on 3 July. Parents are welcome from 1pm.")
    waiting = sum(1 for d in made if Draft.objects.get(pk=d.pk).status == "pending")
    return (f"{school.name}: {runs} demo checks, {len(made)} drafts ({waiting} waiting for approval, "
            f"{sum(1 for d in made if Draft.objects.get(pk=d.pk).status == 'published')} published)")
