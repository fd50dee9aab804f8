"""One module per concern. Adding a detector is adding a file here (see registry.py)."""
