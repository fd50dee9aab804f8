"""Expected access for the schools app's URLs (read by tests/web/test_access_matrix.py).

``kwargs`` may be a callable taking the matrix fixture (school, people) and returning kwargs.
"""

from socialguard.web.accounts.roles import ALL, CONSENT_EDITORS, LEADERS, STAFF

S = lambda f: {"school": f.school.slug}  # noqa: E731
P = lambda f: {"school": f.school.slug, "person": f.pupil.pk}  # noqa: E731
B = lambda f: {"school": f.school.slug, "batch": f.batch.pk}  # noqa: E731

ACCESS = {
    "schools:list": {"roles": ALL},
    "schools:detail": {"roles": ALL, "kwargs": S},
    "schools:edit": {"roles": LEADERS, "kwargs": S},
    "schools:export_yaml": {"roles": LEADERS, "kwargs": S},
    "schools:import_yaml": {"roles": LEADERS, "kwargs": S},
    "schools:export_people": {"roles": LEADERS, "kwargs": S},
    "schools:people": {"roles": STAFF, "kwargs": S},
    "schools:person": {"roles": STAFF, "kwargs": P},
    "schools:consent": {"roles": STAFF, "kwargs": S},
    "schools:consent_edit": {"roles": CONSENT_EDITORS, "kwargs": P},
    "schools:consent_history": {"roles": STAFF, "kwargs": S},
    "schools:import_upload": {"roles": LEADERS | {"comms"}, "kwargs": S},
    "schools:import_map": {"roles": LEADERS | {"comms"}, "kwargs": B},
    "schools:import_preview": {"roles": LEADERS | {"comms"}, "kwargs": B},
    "schools:import_commit": {"roles": LEADERS | {"comms"}, "kwargs": B, "method": "post",
                              "ok": {200, 302}},
    "schools:my_children": {"roles": {"parent"}, "kwargs": S},
}
