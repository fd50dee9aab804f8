from django.apps import AppConfig


class PoliciesConfig(AppConfig):
    name = "socialguard.web.policies"
    label = "policies"
    verbose_name = "Policy versions and acknowledgements"
