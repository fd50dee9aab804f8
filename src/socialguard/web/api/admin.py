from typing import Any

from django.contrib import admin

from socialguard.web.api.models import ApiToken


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ["name", "user", "prefix", "created_at", "last_used_at", "revoked_at"]
    readonly_fields = ["user", "name", "prefix", "key_hash", "created_at", "last_used_at"]

    def has_add_permission(self, request: Any, obj: Any = None) -> bool:
        return False  # made by their users on the tokens page, where the key is shown once
