"""The policy as data: clauses, audiences, and how each rule id is enforced."""

from socialguard.policy.loader import DEFAULT_POLICY, load_policy
from socialguard.policy.model import Clause, Policy, RuleSpec, Statement

__all__ = ["Clause", "DEFAULT_POLICY", "Policy", "RuleSpec", "Statement", "load_policy"]
