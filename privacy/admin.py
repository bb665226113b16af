"""The site administrator names the person in charge, sets the notice version and keeps the incident register."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import ConfidentialityIncident, NoticeAcceptance, PrivacySettings


@admin.register(PrivacySettings)
class PrivacySettingsAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "officer_name", "notice_version", "notice_updated_on"]

    def has_add_permission(self, request) -> bool:
        return not PrivacySettings.objects.exists()

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(ConfidentialityIncident)
class ConfidentialityIncidentAdmin(SimpleHistoryAdmin):
    list_display = ["discovered_on", "nature", "serious_injury_risk", "commission_notified_on", "people_notified_on"]
    list_filter = ["serious_injury_risk"]
    search_fields = ["nature", "information_concerned", "people_concerned"]
    filter_horizontal = ["partnerships"]
    date_hierarchy = "discovered_on"


@admin.register(NoticeAcceptance)
class NoticeAcceptanceAdmin(admin.ModelAdmin):
    """Read-only: the proof of who accepted which version, and when."""

    list_display = ["user", "version", "accepted_at"]
    list_filter = ["version"]
    search_fields = ["user__email"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
