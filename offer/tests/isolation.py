from offer.tests.factories import ServiceFactory
from organizations.tests.factories import OrganizationFactory


def url_kwargs(partnership) -> dict:
    return {"service_pk": ServiceFactory(organization=OrganizationFactory(partnership=partnership)).pk}
