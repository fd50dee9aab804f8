from cli_helpers import ctx, fake_engine  # noqa: F401 - fixtures for the CLI tests
