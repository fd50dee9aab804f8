from django.contrib import admin

from socialguard.web.schools.models import ConsentChange, ImportBatch, Person, School, Trust
from socialguard.web.schools.services import set_consent


@admin.register(Trust)
class TrustAdmin(admin.ModelAdmin):
    list_display = ("name", "slug")
    prepopulated_fields = {"slug": ("name",)}
    search_fields = ("name",)


@admin.register(School)
class SchoolAdmin(admin.ModelAdmin):
    list_display = ("name", "trust", "slug", "timezone")
    list_filter = ("trust",)
    prepopulated_fields = {"slug": ("name",)}
    search_fields = ("name", "slug")


class ConsentChangeInline(admin.TabularInline):
    model = ConsentChange
    extra = 0
    can_delete = False
    readonly_fields = ("field", "old", "new", "changed_by", "changed_at", "source", "note")

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ("external_id", "first_name", "last_name", "role", "year_group", "school",
                    "photo_consent", "name_consent")
    list_filter = ("school", "role", "photo_consent", "name_consent")
    search_fields = ("external_id", "first_name", "last_name", "preferred_name")
    filter_horizontal = ("children",)
    inlines = [ConsentChangeInline]

    def save_model(self, request, obj, form, change) -> None:
        # Consent edits made here are logged like any other.
        if change:
            new = {f: getattr(obj, f) for f in ("photo_consent", "name_consent")}
            stored = Person.objects.get(pk=obj.pk)
            for f in new:
                setattr(obj, f, getattr(stored, f))
            super().save_model(request, obj, form, change)
            set_consent(obj, user=request.user, source="admin", **new)
        else:
            super().save_model(request, obj, form, change)


@admin.register(ConsentChange)
class ConsentChangeAdmin(admin.ModelAdmin):
    list_display = ("person", "field", "old", "new", "changed_by", "changed_at", "source")
    list_filter = ("field", "source")
    readonly_fields = [f.name for f in ConsentChange._meta.fields]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


@admin.register(ImportBatch)
class ImportBatchAdmin(admin.ModelAdmin):
    list_display = ("filename", "school", "uploaded_by", "uploaded_at", "status", "summary")
    list_filter = ("status", "school")
    exclude = ("content",)
    readonly_fields = ("school", "uploaded_by", "filename", "encoding", "default_role", "mapping",
                       "status", "summary")
