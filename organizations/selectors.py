from django.db.models import Prefetch, QuerySet

from core.collation import by_name
from partnerships.models import Membership, Partnership

from .models import Organization


def organization_list(*, partnership: Partnership, search: str = "", sector: str = "") -> QuerySet[Organization]:
    organizations = Organization.objects.filter(partnership=partnership).search(search)
    if sector:
        organizations = organizations.filter(sector=sector)
    return organizations.prefetch_related(
        Prefetch(
            "representatives", queryset=Membership.objects.select_related("user").order_by(by_name("user__full_name"))
        )
    )


def organization_representatives(*, organization: Organization) -> QuerySet[Membership]:
    return organization.representatives.select_related("user").order_by(by_name("user__full_name"))
