from factors.tests.factories import LocalElementFactory, LocalFactorFactory


def url_kwargs(partnership) -> dict:
    # Reference factors are visible to every partnership: only local ones can show a leak between partnerships.
    factor = LocalFactorFactory(partnership=partnership)
    element = LocalElementFactory(partnership=partnership, factor=factor)
    return {"factor_pk": factor.pk, "element_pk": element.pk}
