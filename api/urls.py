from django.db import transaction
from django.urls import path

from .views import (
    analysis,
    docs,
    evaluation,
    followup,
    meetings,
    offer,
    organizations,
    partnerships,
    plan,
    priorities,
    tokens,
)

app_name = "api"

V1 = "api/v1/"
# The partnership's resources under its slug, a cycle's under the cycle, as the pages' /p/<slug>/cycles/<pk>/.
PARTNERSHIP = "partnerships/<slug:slug>/"
CYCLE = PARTNERSHIP + "cycles/<int:cycle_pk>/"
LIST = {"get": "list", "post": "create"}
DETAIL = {"get": "retrieve", "patch": "partial_update", "delete": "destroy"}


def endpoint(viewset, actions: dict):
    """A reader does not take SQLite's write lock: the API's writes open their own transaction."""
    return transaction.non_atomic_requests(viewset.as_view(actions))


def resource(route: str, viewset, *, name: str, pk: str, scope: str = PARTNERSHIP, record_scope: str = "") -> list:
    """The list (GET, POST) and a record (GET, PATCH, DELETE) of one resource under the partnership's address. A
    record listed under its parent (an action's reports) may have its own address under `record_scope`."""
    return [
        path(V1 + scope + route, endpoint(viewset, LIST), name=name),
        path(
            record_url(route, pk, record_scope or scope),
            endpoint(viewset, DETAIL),
            name=pk.removesuffix("_pk") + "_detail",
        ),
    ]


def record_url(route: str, pk: str, scope: str) -> str:
    return V1 + scope + f"{route}<int:{pk}>/"


urlpatterns = [
    path("api/schema/", docs.SchemaView.as_view(), name="schema"),
    path("api/docs/", docs.docs, name="docs"),
    path("mon-compte/jetons-api/", tokens.token_list, name="tokens"),
    path("mon-compte/jetons-api/<int:token_pk>/revoquer/", tokens.token_revoke, name="token_revoke"),
    path(
        V1 + "partnerships/",
        transaction.non_atomic_requests(partnerships.PartnershipList.as_view()),
        name="partnerships",
    ),
    *resource("organizations/", organizations.OrganizationViewSet, name="organizations", pk="organization_pk"),
    *resource("statistics/", analysis.StatisticViewSet, name="statistics", pk="statistic_pk"),
    *resource("services/", offer.ServiceViewSet, name="services", pk="service_pk"),
    *resource("objectives/", priorities.ObjectiveViewSet, name="objectives", pk="objective_pk", scope=CYCLE),
    *resource("findings/", analysis.FindingViewSet, name="findings", pk="finding_pk", scope=CYCLE),
    *resource(
        "transformations/", plan.TransformationViewSet, name="transformations", pk="transformation_pk", scope=CYCLE
    ),
    *resource(
        "indicators/",
        plan.IndicatorViewSet,
        name="indicators",
        pk="indicator_pk",
        scope=CYCLE + "transformations/<int:transformation_pk>/",
    ),
    *resource("actions/", plan.ActionViewSet, name="actions", pk="action_pk", scope=CYCLE),
    *resource(
        "measurements/",
        evaluation.MeasurementViewSet,
        name="measurements",
        pk="measurement_pk",
        scope=CYCLE + "indicators/<int:indicator_pk>/",
        record_scope=CYCLE,
    ),
    *resource(
        "reports/",
        followup.ReportViewSet,
        name="reports",
        pk="report_pk",
        scope=CYCLE + "actions/<int:action_pk>/",
        record_scope=CYCLE,
    ),
    path(
        record_url("reports/", "report_pk", CYCLE) + "submit/",
        endpoint(followup.ReportViewSet, {"post": "submit"}),
        name="report_submit",
    ),
    path(
        record_url("reports/", "report_pk", CYCLE) + "send-back/",
        endpoint(followup.ReportViewSet, {"post": "send_back"}),
        name="report_send_back",
    ),
    *resource("meetings/", meetings.MeetingViewSet, name="meetings", pk="meeting_pk", scope=CYCLE),
]
