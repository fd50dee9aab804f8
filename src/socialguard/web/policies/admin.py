from django.contrib import admin

from socialguard.web.policies.models import Acknowledgement, PolicyVersion


@admin.register(PolicyVersion)
class PolicyVersionAdmin(admin.ModelAdmin):
    list_display = ("title", "version", "trust", "status", "approved_by", "approved_at")
    list_filter = ("trust", "status")


@admin.register(Acknowledgement)
class AcknowledgementAdmin(admin.ModelAdmin):
    list_display = ("user", "version", "acknowledged_at")
    list_filter = ("version",)
    readonly_fields = ("user", "version", "acknowledged_at")
