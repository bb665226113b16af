"""The site administrator keeps the shared reference catalogue here; every change goes to the history.

Local factors and elements belong to their partnership, whose data a site administrator does not see: they are
left out of every admin page (lists, forms, history), as if they did not exist.
"""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from .models import FactorElement, ProtectiveFactor

TEXT_FIELDS = ["name_fr", "name_en", "description_fr", "description_en"]


class VersionBumpMixin:
    """Admin saves move the version too, so a form opened elsewhere before the save sees a conflict."""

    def save_model(self, request, obj, form, change):
        if change:
            obj.version += 1
        super().save_model(request, obj, form, change)


class ReferenceOnlyMixin:
    def get_queryset(self, request):
        return super().get_queryset(request).filter(partnership__isnull=True)

    def get_history_queryset(self, request, history_manager, pk_name, object_id):
        # The history page would otherwise show a row's past even when the row is not the administrator's.
        records = super().get_history_queryset(request, history_manager, pk_name, object_id)
        return records.filter(partnership__isnull=True)


class ReferenceElementInline(admin.StackedInline):
    model = FactorElement
    extra = 0
    fields = ["code", "position", "to_validate", *TEXT_FIELDS]

    def get_queryset(self, request):
        return super().get_queryset(request).filter(partnership__isnull=True)


@admin.register(ProtectiveFactor)
class ProtectiveFactorAdmin(VersionBumpMixin, ReferenceOnlyMixin, SimpleHistoryAdmin):
    list_display = ["name_fr", "system", "position", "to_validate", "catalogue_version"]
    list_filter = ["system", "to_validate"]
    search_fields = ["name_fr", "name_en", "code"]
    ordering = ["system", "position"]
    readonly_fields = ["catalogue_version", "version"]
    inlines = [ReferenceElementInline]
    fieldsets = [
        (
            None,
            {"fields": ["system", "code", "position", "to_validate", "catalogue_version", "version"]},
        ),
        (_("Textes"), {"fields": [*TEXT_FIELDS, "key_facts_fr", "key_facts_en", "ideas_fr", "ideas_en", "sources"]}),
    ]

    def save_formset(self, request, form, formset, change):
        for element_form in formset.forms:
            if element_form.instance.pk and element_form.has_changed():
                element_form.instance.version += 1
        super().save_formset(request, form, formset, change)


@admin.register(FactorElement)
class FactorElementAdmin(VersionBumpMixin, ReferenceOnlyMixin, SimpleHistoryAdmin):
    list_display = ["name_fr", "factor", "position", "to_validate"]
    list_filter = ["factor__system", "to_validate"]
    search_fields = ["name_fr", "name_en", "code", "factor__name_fr"]
    list_select_related = ["factor"]
    readonly_fields = ["version"]
    fields = ["factor", "code", "position", "to_validate", *TEXT_FIELDS, "version"]

    def get_field_queryset(self, db, db_field, request):
        # A reference element belongs to a reference factor.
        if db_field.name == "factor":
            return ProtectiveFactor.objects.filter(partnership__isnull=True)
        return super().get_field_queryset(db, db_field, request)
