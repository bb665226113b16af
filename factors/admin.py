"""The site administrator keeps the shared reference catalogue here; every change goes to the history.

Local factors and elements belong to their partnership: they are listed (filter "Provenance") but read-only.
"""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from .models import FactorElement, ProtectiveFactor

TEXT_FIELDS = ["name_fr", "name_en", "description_fr", "description_en"]


class ProvenanceFilter(admin.SimpleListFilter):
    title = _("provenance")
    parameter_name = "provenance"

    def lookups(self, request, model_admin):
        return [("reference", _("Catalogue de référence")), ("local", _("Local (d'un regroupement)"))]

    def queryset(self, request, queryset):
        if self.value() == "reference":
            return queryset.filter(partnership__isnull=True)
        if self.value() == "local":
            return queryset.filter(partnership__isnull=False)
        return queryset


class VersionBumpMixin:
    """Admin saves move the version too, so a form opened elsewhere before the save sees a conflict."""

    def save_model(self, request, obj, form, change):
        if change:
            obj.version += 1
        super().save_model(request, obj, form, change)


class LocalReadOnlyMixin:
    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and not (obj is not None and obj.is_local)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and not (obj is not None and obj.is_local)


class ReferenceElementInline(admin.StackedInline):
    model = FactorElement
    extra = 0
    fields = ["code", "position", "to_validate", *TEXT_FIELDS]

    def get_queryset(self, request):
        # A partnership's local elements are not the administrator's to edit; they show in the element list.
        return super().get_queryset(request).filter(partnership__isnull=True)


@admin.register(ProtectiveFactor)
class ProtectiveFactorAdmin(VersionBumpMixin, LocalReadOnlyMixin, SimpleHistoryAdmin):
    list_display = ["name_fr", "system", "position", "to_validate", "partnership", "catalogue_version"]
    list_filter = ["system", "to_validate", ProvenanceFilter]
    search_fields = ["name_fr", "name_en", "code"]
    ordering = ["partnership", "system", "position"]
    list_select_related = ["partnership"]
    readonly_fields = ["partnership", "catalogue_version", "version"]
    inlines = [ReferenceElementInline]
    fieldsets = [
        (
            None,
            {"fields": ["system", "code", "position", "to_validate", "partnership", "catalogue_version", "version"]},
        ),
        (_("Textes"), {"fields": [*TEXT_FIELDS, "key_facts_fr", "key_facts_en", "ideas_fr", "ideas_en", "sources"]}),
    ]

    def save_formset(self, request, form, formset, change):
        for element_form in formset.forms:
            if element_form.instance.pk and element_form.has_changed():
                element_form.instance.version += 1
        super().save_formset(request, form, formset, change)


@admin.register(FactorElement)
class FactorElementAdmin(VersionBumpMixin, LocalReadOnlyMixin, SimpleHistoryAdmin):
    list_display = ["name_fr", "factor", "position", "to_validate", "partnership"]
    list_filter = ["factor__system", "to_validate", ProvenanceFilter]
    search_fields = ["name_fr", "name_en", "code", "factor__name_fr"]
    list_select_related = ["factor", "partnership"]
    readonly_fields = ["partnership", "version"]
    fields = ["factor", "code", "position", "to_validate", *TEXT_FIELDS, "partnership", "version"]

    def get_field_queryset(self, db, db_field, request):
        # A reference element belongs to a reference factor.
        if db_field.name == "factor":
            return ProtectiveFactor.objects.filter(partnership__isnull=True)
        return super().get_field_queryset(db, db_field, request)
