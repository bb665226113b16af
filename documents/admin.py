from django.contrib import admin

from .models import DocumentJob


@admin.register(DocumentJob)
class DocumentJobAdmin(admin.ModelAdmin):
    """Read only: where a site administrator finds why a build failed (the `error` the person does not see)."""

    list_display = ("key", "file_format", "partnership", "status", "created_at", "finished_at")
    list_filter = ("status", "file_format")
    readonly_fields = [field.name for field in DocumentJob._meta.fields]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False
