from django.contrib import admin

from socialguard.web.accounts.models import Membership


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ("user", "role", "school", "trust")
    list_filter = ("role", "school", "trust")
    search_fields = ("user__username", "user__email")
    autocomplete_fields = ("user", "children")
