from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject


def navigation(request: HttpRequest) -> dict:
    """The partnerships of the signed-in person, for the header's switcher (read only if a page shows it)."""

    def memberships():
        access = getattr(request, "partnership_access", None)  # a partnership's page read them with its access
        if access is not None:
            return list(access.memberships)
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return []
        return list(user.memberships.select_related("partnership").order_by("partnership__name"))

    return {"my_memberships": SimpleLazyObject(memberships)}
