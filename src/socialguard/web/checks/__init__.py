"""Checks: the Check page, the check-run log, drafts and their approval, the archive."""
