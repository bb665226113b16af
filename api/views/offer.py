from offer import services
from offer.access import access_service, editable_organizations, may_add_services
from offer.forms import ServiceForm

from .. import selectors
from ..serializers import ServiceSerializer
from .base import RecordViewSet, documented


@documented("services")
class ServiceViewSet(RecordViewSet):
    """The organizations' services (Outil 6): each organization's representatives write its own, coordination
    and the committee every one."""

    serializer_class = ServiceSerializer
    form_class = ServiceForm
    lookup_url_kwarg = "service_pk"

    def form_kwargs(self) -> dict:
        return {"partnership": self.access.partnership, "organizations": editable_organizations(self.access)}

    def records(self):
        return selectors.partnership_services(self.access.partnership)

    def record(self, pk: int):
        return access_service(self.access, pk)

    def may_create(self) -> bool:
        return may_add_services(self.access)

    def save_new(self, form):
        return services.service_create(
            service=form.instance, links=services.ServiceLinks.from_cleaned_data(form.cleaned_data)
        )

    def save_edit(self, record, form, expected_version: int) -> None:
        services.service_update(
            service=record,
            links=services.ServiceLinks.from_cleaned_data(form.cleaned_data),
            expected_version=expected_version,
        )

    def remove(self, record) -> None:
        services.service_delete(service=record)
