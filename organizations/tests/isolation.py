from organizations.tests.factories import OrganizationFactory


def url_kwargs(partnership) -> dict:
    return {"organization_pk": OrganizationFactory(partnership=partnership).pk}
