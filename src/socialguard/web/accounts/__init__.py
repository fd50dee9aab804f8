"""Who may do what: memberships (user, trust or school, role) and the permission helpers."""
