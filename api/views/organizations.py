from organizations import selectors, services
from organizations.access import access_organization
from organizations.forms import OrganizationFilterForm, OrganizationForm
from partnerships.permissions import Perm

from ..serializers import OrganizationSerializer
from .base import RecordViewSet, documented


@documented("organizations")
class OrganizationViewSet(RecordViewSet):
    """The partnership's partner organizations."""

    serializer_class = OrganizationSerializer
    form_class = OrganizationForm
    filter_form = OrganizationFilterForm
    create_perm = Perm.MANAGE_ORGANIZATIONS
    lookup_url_kwarg = "organization_pk"

    def records(self):
        filters = self.filters()
        return selectors.organization_list(
            partnership=self.access.partnership, search=filters.get("q", ""), sector=filters.get("sector", "")
        )

    def record(self, pk: int):
        return access_organization(self.access, pk)

    def save_new(self, form):
        return services.organization_create(partnership=self.access.partnership, organization=form.instance)

    def save_edit(self, record, form, expected_version: int) -> None:
        services.organization_update(organization=record, expected_version=expected_version)

    def remove(self, record) -> None:
        services.organization_delete(organization=record)

    def may_delete(self, record, can_edit: bool) -> bool:
        return self.access.can(Perm.MANAGE_ORGANIZATIONS)
