"""The check engine: plain Python, no web framework, shared by the CLI, web app and workers."""

from socialguard.analysis.finding import Finding, Result
from socialguard.analysis.post import Author, Person, Post, SchoolContext, load_context
from socialguard.analysis.pipeline import Engine, check, check_many

__all__ = [
    "Author", "Engine", "Finding", "Person", "Post", "Result", "SchoolContext",
    "check", "check_many", "load_context",
]
