"""The ``socialguard`` command line: each command parses, calls the engine, prints."""
