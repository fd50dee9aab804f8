"""socialguard: a school trust's Social Media Policy as working software."""

__version__ = "0.1.0"
