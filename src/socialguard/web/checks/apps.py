from django.apps import AppConfig
from django.db.backends.signals import connection_created


def _sqlite_wal(sender, connection, **kwargs) -> None:
    """Every check writes a log row. On the embedded SQLite default, write-ahead logging with
    NORMAL sync makes that commit ~1 ms instead of an fsync per check, and lets readers go
    on while a check is written. Still durable against application crashes (WAL)."""
    if connection.vendor == "sqlite":
        with connection.cursor() as c:
            c.execute("PRAGMA journal_mode=WAL")
            c.execute("PRAGMA synchronous=NORMAL")


class ChecksConfig(AppConfig):
    name = "socialguard.web.checks"
    label = "checks"
    verbose_name = "Checks and approvals"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        connection_created.connect(_sqlite_wal, dispatch_uid="socialguard.checks.sqlite_wal")
