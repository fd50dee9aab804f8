"""Role names and the groups of roles that views use."""

TRUST_EXEC = "trust_exec"
HEAD = "head"
DSL = "dsl"
COMMS = "comms"
TEACHER = "teacher"
GOVERNOR = "governor"
PARENT = "parent"

ROLES = (TRUST_EXEC, HEAD, DSL, COMMS, TEACHER, GOVERNOR, PARENT)
ROLE_LABELS = {
    TRUST_EXEC: "Trust executive", HEAD: "Head teacher", DSL: "Designated safeguarding lead",
    COMMS: "Comms / office", TEACHER: "Teacher", GOVERNOR: "Governor / trustee", PARENT: "Parent",
}

STAFF = frozenset({TRUST_EXEC, HEAD, DSL, COMMS, TEACHER})       # work at the school
LEADERS = frozenset({TRUST_EXEC, HEAD})                          # run the school's settings
CONSENT_EDITORS = frozenset({TRUST_EXEC, HEAD, DSL, COMMS})      # keep the consent register
PEOPLE_READERS = STAFF                                           # see the roster
GOVERNANCE = frozenset({TRUST_EXEC, HEAD, GOVERNOR})             # policy versions
ALL = frozenset(ROLES)

# The policy audience(s) each role reads first.
ROLE_AUDIENCES = {
    TRUST_EXEC: ("staff", "trustees"), HEAD: ("staff", "dsl"), DSL: ("staff", "dsl"),
    COMMS: ("staff",), TEACHER: ("staff",), GOVERNOR: ("governors", "trustees"),
    PARENT: ("parents",),
}
