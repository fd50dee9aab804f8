from django.apps import AppConfig


class SchoolsConfig(AppConfig):
    name = "socialguard.web.schools"
    label = "schools"
    verbose_name = "Schools, people and consent"
