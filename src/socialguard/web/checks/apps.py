from django.apps import AppConfig


class ChecksConfig(AppConfig):
    name = "socialguard.web.checks"
    label = "checks"
    verbose_name = "Checks and approvals"
    default_auto_field = "django.db.models.BigAutoField"
