"""Which school roles open which part of checks; the pages and the API both use these."""

from socialguard.web.accounts.roles import (
    ALL, COMMS, DSL, GOVERNOR, HEAD, LEADERS, STAFF, TRUST_EXEC,
)

CHECKERS = ALL                                              # the Check page: anyone with a role
LOG_READERS = frozenset({TRUST_EXEC, HEAD, DSL, COMMS})     # every run of the school; others: own
DRAFT_WRITERS = STAFF                                       # drafts for official accounts
DRAFT_READERS = STAFF | {GOVERNOR}                          # drafts, approvals, the archive
DRAFT_EDITORS = frozenset({TRUST_EXEC, HEAD, COMMS})        # besides the author
PUBLISHERS = DRAFT_EDITORS                                  # besides the author
DASHBOARD_READERS = frozenset({TRUST_EXEC, HEAD, DSL, COMMS, GOVERNOR})
CHAIN_EDITORS = LEADERS
IMPORTERS = LEADERS | {COMMS}                               # as the schools app's import pages
