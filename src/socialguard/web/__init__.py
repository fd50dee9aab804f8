"""The socialguard web app (Django): schools, people and consent, checks, approvals, policy pages.

It adds no analysis of its own: it calls ``socialguard.analysis`` and ``socialguard.policy``.
"""
