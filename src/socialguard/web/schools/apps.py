from django.apps import AppConfig


class SchoolsConfig(AppConfig):
    name = "socialguard.web.schools"
    label = "schools"
    verbose_name = "Schools, people and consent"

    def ready(self) -> None:
        from socialguard.web.schools import checks  # noqa: F401  (registers the system checks)
