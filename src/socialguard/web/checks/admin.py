"""Admin: check runs and chains are editable; the decision records are read-only."""

from typing import Any

from django.contrib import admin

from socialguard.web.checks import models as m


class ReadOnlyAdmin(admin.ModelAdmin):
    """Append-only records: viewable, never added, changed or deleted from the admin."""

    def has_add_permission(self, request: Any, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: Any, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: Any, obj: Any = None) -> bool:
        return False


class FindingInline(admin.TabularInline):
    model = m.CheckFinding
    extra = 0
    can_delete = False
    readonly_fields = ["rule", "clause", "severity", "confidence", "start", "end", "evidence", "message"]
    fields = readonly_fields

    def has_add_permission(self, request: Any, obj: Any = None) -> bool:
        return False


@admin.register(m.CheckRun)
class CheckRunAdmin(ReadOnlyAdmin):
    list_display = ["created_at", "school", "user", "source", "account", "platform", "decision", "duration_ms"]
    list_filter = ["school", "decision", "source"]
    inlines = [FindingInline]

    def has_delete_permission(self, request: Any, obj: Any = None) -> bool:
        # a check log may be pruned (data retention); drafts' runs are protected by the DB
        return request.user.is_superuser


class StepInline(admin.StackedInline):
    model = m.ApprovalStep
    extra = 0
    filter_horizontal = ["approvers"]


@admin.register(m.ApprovalChain)
class ApprovalChainAdmin(admin.ModelAdmin):
    list_display = ["school", "expiry_hours"]
    inlines = [StepInline]


@admin.register(m.Draft)
class DraftAdmin(admin.ModelAdmin):
    list_display = ["__str__", "school", "author", "handle", "platform", "status", "updated_at"]
    list_filter = ["school", "status"]
    readonly_fields = ["school", "author", "handle", "platform", "status", "created_at", "submitted_at"]

    def has_add_permission(self, request: Any, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: Any, obj: Any = None) -> bool:
        return False


@admin.register(m.DraftVersion)
class DraftVersionAdmin(ReadOnlyAdmin):
    list_display = ["draft", "number", "created_by", "created_at"]


@admin.register(m.Approval)
class ApprovalAdmin(ReadOnlyAdmin):
    list_display = ["version", "step_order", "approver", "decision", "created_at", "expires_at"]


@admin.register(m.FindingOverride)
class FindingOverrideAdmin(ReadOnlyAdmin):
    list_display = ["version", "finding", "user", "created_at"]


@admin.register(m.PublishedPost)
class PublishedPostAdmin(ReadOnlyAdmin):
    list_display = ["published_at", "school", "handle", "platform", "published_by"]
    list_filter = ["school", "platform"]
