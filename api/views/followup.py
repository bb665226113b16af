from django.db import transaction
from drf_spectacular.utils import extend_schema
from rest_framework import exceptions, serializers
from rest_framework.response import Response

from core.concurrency import EditConflict
from followup import services
from followup.access import access_report, access_report_action, access_report_review
from followup.forms import ReportForm
from partnerships.permissions import Perm

from .. import selectors
from ..inputs import MAX_INTEGER
from ..serializers import ConflictSerializer, ReportSerializer
from .base import RecordViewSet, checked_input, documented

REPORT_LINKS = {"partners": "partners", "milestones": "milestones_reached"}


class StateChangeSerializer(serializers.Serializer):
    """A change of a report's state carries the version that was read, as the page's button does."""

    version = serializers.IntegerField(min_value=1, max_value=MAX_INTEGER)


class SendBackSerializer(StateChangeSerializer):
    comment = serializers.CharField(max_length=4000, help_text="What the authors should correct.")


@documented("reports")
class ReportViewSet(RecordViewSet):
    """An action's periodic reports (Outil 11): listed and created under the action, each at its own address.
    Written by the people of the organizations that lead the action or take part in it, and by coordination; a
    submitted report is frozen until coordination sends it back."""

    serializer_class = ReportSerializer
    form_class = ReportForm
    create_perm = Perm.REPORT_OWN_ACTIONS
    lookup_url_kwarg = "report_pk"

    def initial(self, request, *args, **kwargs) -> None:
        super().initial(request, *args, **kwargs)
        if "action_pk" in kwargs:
            self.action_record, self.may_report = access_report_action(self.access, self.cycle.pk, kwargs["action_pk"])

    def form_kwargs(self) -> dict:
        return {"action": self.action_record}

    def records(self):
        return selectors.action_reports(self.action_record)

    def record(self, pk: int):
        report, can_edit = access_report(self.access, self.cycle.pk, pk)
        # The report's form offers the partners and milestones of its own action.
        self.action_record = report.action
        return report, can_edit

    def may_create(self) -> bool:
        return self.may_report

    def save_new(self, form):
        return services.report_create(
            action=self.action_record, report=form.instance, created_by=self.request.user, **_links(form)
        )

    def save_edit(self, record, form, expected_version: int) -> None:
        services.report_update(report=record, expected_version=expected_version, **_links(form))

    def remove(self, record) -> None:
        services.report_delete(report=record)

    @extend_schema(
        tags=["reports"],
        request=StateChangeSerializer,
        responses={200: ReportSerializer, 409: ConflictSerializer},
        summary="Submit the report to coordination",
    )
    def submit(self, request, **kwargs) -> Response:
        report, can_edit = self.record(kwargs[self.lookup_url_kwarg])
        if not can_edit:
            raise exceptions.PermissionDenied
        version = checked_input(request, StateChangeSerializer).validated_data["version"]
        return self._change(report, lambda: services.report_submit(report=report, expected_version=version))

    @extend_schema(
        tags=["reports"],
        request=SendBackSerializer,
        responses={200: ReportSerializer, 409: ConflictSerializer},
        summary="Send a submitted report back to its authors",
    )
    def send_back(self, request, **kwargs) -> Response:
        report, can_review = access_report_review(self.access, self.cycle.pk, kwargs[self.lookup_url_kwarg])
        if not can_review:
            raise exceptions.PermissionDenied
        data = checked_input(request, SendBackSerializer).validated_data
        return self._change(
            report,
            lambda: services.report_send_back(report=report, expected_version=data["version"], comment=data["comment"]),
        )

    def _change(self, report, change) -> Response:
        try:
            with transaction.atomic():
                change()
        except EditConflict:
            return self._conflict(report.pk)
        return Response(self.get_serializer(self.record(report.pk)[0]).data)


def _links(form: ReportForm) -> dict:
    return {name: form.cleaned_data[field] for name, field in REPORT_LINKS.items()}
