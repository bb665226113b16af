from analysis import selectors, services
from analysis.access import access_finding, access_statistic
from analysis.filters import FindingFilterForm
from analysis.forms import FindingForm, StatisticForm
from partnerships.permissions import Perm

from .. import selectors as api_selectors
from ..serializers import FindingSerializer, StatisticSerializer
from .base import RecordViewSet, documented


@documented("statistics")
class StatisticViewSet(RecordViewSet):
    """The partnership's statistics (Outil 5), reused from one cycle to the next."""

    serializer_class = StatisticSerializer
    form_class = StatisticForm
    create_perm = Perm.EDIT_ANALYSIS
    lookup_url_kwarg = "statistic_pk"

    def records(self):
        return selectors.statistic_list(partnership=self.access.partnership)

    def record(self, pk: int):
        return access_statistic(self.access, pk)

    def save_new(self, form):
        return services.statistic_create(partnership=self.access.partnership, statistic=form.instance)

    def save_edit(self, record, form, expected_version: int) -> None:
        services.statistic_update(statistic=record, expected_version=expected_version)

    def remove(self, record) -> None:
        services.statistic_delete(statistic=record)


@documented("findings")
class FindingViewSet(RecordViewSet):
    """A cycle's findings (Outil 5), with the data they rest on."""

    serializer_class = FindingSerializer
    form_class = FindingForm
    filter_form = FindingFilterForm
    create_perm = Perm.EDIT_ANALYSIS
    lookup_url_kwarg = "finding_pk"

    def records(self):
        return api_selectors.with_finding_links(selectors.finding_list(cycle=self.cycle, **self.filters()))

    def record(self, pk: int):
        return access_finding(self.access, self.cycle.pk, pk)

    def save_new(self, form):
        return services.finding_create(
            cycle=self.cycle, finding=form.instance, relations=form.relations(), created_by=self.request.user
        )

    def save_edit(self, record, form, expected_version: int) -> None:
        services.finding_update(finding=record, expected_version=expected_version, relations=form.relations())

    def remove(self, record) -> None:
        services.finding_delete(finding=record)
