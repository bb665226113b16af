"""What the API shows of each record: the fields the pages show, with the record's `version` for its edits. They only
show (what a write accepts is its form's, api/inputs.py); their fields are not read-only so that the schema keeps
what each may hold (a blank choice, a null)."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from analysis.models import STATISTIC_FIELDS, Finding, Statistic
from core.systems import System, parse_systems
from evaluation.forms import MeasurementForm
from evaluation.models import Measurement
from followup.forms import ReportForm
from followup.models import ActionReport
from meetings.models import AgendaItem, Decision, Meeting, tool_numbers
from offer.forms import ServiceForm
from offer.models import ClienteleCode, Service
from organizations.models import Organization
from partnerships.models import Membership
from plan.forms import IndicatorForm
from plan.models import Action, DesiredChange, Indicator
from priorities.models import Objective

RECORD_FIELDS = ("id", "version", "updated_at")


class PartnershipSerializer(serializers.Serializer):
    """One of the person's partnerships, with their role in it."""

    slug = serializers.CharField(source="partnership.slug")
    name = serializers.CharField(source="partnership.name")
    role = serializers.ChoiceField(choices=Membership._meta.get_field("role").choices)


@extend_schema_field({"type": "array", "items": {"type": "string", "enum": list(System.values)}})
class SystemsField(serializers.Field):
    """The systems a record concerns, as a list of codes (the database keeps them in one column)."""

    def to_representation(self, value: str) -> list[str]:
        return parse_systems(value)


@extend_schema_field({"type": "array", "items": {"type": "string", "enum": list(ClienteleCode.values)}})
class ClienteleCodesField(serializers.Field):
    """The populations an action aims at, as a list of codes (kept in one column, as the systems are)."""

    def to_representation(self, value: str) -> list[str]:
        return [code for code in value.split(",") if code]


class OrganizationSerializer(serializers.ModelSerializer):
    class Meta:
        model = Organization
        fields = [
            *RECORD_FIELDS,
            "name",
            "sector",
            "mission",
            "street_address",
            "city",
            "postal_code",
            "territory_served",
            "contact_name",
            "contact_email",
            "contact_phone",
            "website",
            "created_at",
        ]


class StatisticSerializer(serializers.ModelSerializer):
    class Meta:
        model = Statistic
        fields = [*RECORD_FIELDS, *STATISTIC_FIELDS]


class FindingSerializer(serializers.ModelSerializer):
    systems = SystemsField(read_only=True)

    class Meta:
        model = Finding
        fields = [
            *RECORD_FIELDS,
            "cycle",
            "statement",
            "nature",
            "origin",
            "systems",
            "factors",
            "statistics",
            "observations",
            "services",
            "interventions",
            "is_candidate",
            "created_at",
        ]


class ActionSerializer(serializers.ModelSerializer):
    clientele_codes = ClienteleCodesField(source="clienteles", read_only=True)

    class Meta:
        model = Action
        fields = [
            *RECORD_FIELDS,
            "cycle",
            "title",
            "description",
            "transformations",
            "clientele_codes",
            "territory",
            "factors",
            "lead",
            "starts_on",
            "ends_on",
            "human_resources",
            "material_resources",
            "follow_up",
            "status",
            "services",
            "created_at",
        ]


class ServiceSerializer(serializers.ModelSerializer):
    clientele_codes = serializers.ListField(child=serializers.ChoiceField(choices=ClienteleCode.choices))

    class Meta:
        model = Service
        fields = [*RECORD_FIELDS, *ServiceForm.Meta.fields]  # what the page's form writes, which checks it


class ObjectiveSerializer(serializers.ModelSerializer):
    class Meta:
        model = Objective
        fields = [*RECORD_FIELDS, "cycle", "title", "description", "position", "priorities", "factors", "created_at"]


class TransformationSerializer(serializers.ModelSerializer):
    class Meta:
        model = DesiredChange
        fields = [*RECORD_FIELDS, "objective", "system", "statement", "factors", "lead", "partners"]


class IndicatorSerializer(serializers.ModelSerializer):
    class Meta:
        model = Indicator
        fields = [*RECORD_FIELDS, "transformation", *IndicatorForm.Meta.fields]


class MeasurementSerializer(serializers.ModelSerializer):
    class Meta:
        model = Measurement
        fields = [*RECORD_FIELDS, "indicator", *MeasurementForm.Meta.fields]


class ReportSerializer(serializers.ModelSerializer):
    class Meta:
        model = ActionReport
        fields = [
            *RECORD_FIELDS,
            "action",
            *ReportForm.Meta.fields,
            "state",
            "review_comment",
            "submitted_at",
            "created_at",
        ]


@extend_schema_field({"type": "array", "items": {"type": "integer", "minimum": 1, "maximum": 13}})
class ToolNumbersField(serializers.Field):
    """The tools a meeting uses, as a list of their numbers (kept as "1,2" in one column)."""

    def to_representation(self, value: str) -> list[int]:
        return tool_numbers(value)


@extend_schema_field({"type": "string", "pattern": r"^\d{2}:\d{2}:\d{2}$", "example": "18:30:00"})
class LocalTimeField(serializers.TimeField):
    """A time of day in the partnership's time zone (Eastern), without an offset: not an RFC 3339 `time`."""


class AgendaItemSerializer(serializers.ModelSerializer):
    class Meta:
        model = AgendaItem
        fields = ["position", "title", "presenter", "duration_minutes", "is_done"]


class DecisionSerializer(serializers.ModelSerializer):
    class Meta:
        model = Decision
        fields = ["id", "text", "created_at"]


class MeetingSerializer(serializers.ModelSerializer):
    """A meeting with its agenda and its decisions, which the API reads (their pages edit them as a whole)."""

    tools = ToolNumbersField(read_only=True)
    starts_at = LocalTimeField(allow_null=True, read_only=True)
    ends_at = LocalTimeField(allow_null=True, read_only=True)
    agenda = AgendaItemSerializer(source="agenda_items", many=True, read_only=True)
    decisions = DecisionSerializer(many=True, read_only=True)

    class Meta:
        model = Meeting
        fields = [
            *RECORD_FIELDS,
            "cycle",
            "step",
            "position",
            "title",
            "date",
            "starts_at",
            "ends_at",
            "place",
            "online_link",
            "objectives",
            "tools",
            "agenda",
            "decisions",
        ]


class ErrorSerializer(serializers.Serializer):
    detail = serializers.CharField()


class ConflictSerializer(serializers.Serializer):
    """Someone saved the record after it was read: nothing was written; `current` is the record as it is now."""

    detail = serializers.CharField()
    current = serializers.DictField()


class DeletionRefusedSerializer(serializers.Serializer):
    """The record cannot be deleted: `blockers` name what protects it."""

    detail = serializers.CharField()
    blockers = serializers.ListField(child=serializers.CharField())
