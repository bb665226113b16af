from drf_spectacular.utils import extend_schema
from rest_framework import generics

from .. import selectors
from ..serializers import PartnershipSerializer
from .base import RequestLanguage


@extend_schema(tags=["partnerships"])
class PartnershipList(RequestLanguage, generics.ListAPIView):
    """The partnerships of the token's person, with their role in each: where every other address starts."""

    serializer_class = PartnershipSerializer

    def get_queryset(self):
        return selectors.user_partnerships(self.request.user)
