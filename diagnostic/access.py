"""Rounds and questionnaires are reached through the person's partnership: anything else is a 404."""

from django.shortcuts import get_object_or_404

from partnerships.access import PartnershipAccess
from partnerships.permissions import Perm

from .models import Questionnaire, Round


def access_round(access: PartnershipAccess, pk: int) -> tuple[Round, bool]:
    """A round of the partnership, with its questionnaire, and whether this person may run it (edit, close)."""
    round_ = get_object_or_404(
        Round.objects.for_partnership(access.partnership).select_related("questionnaire", "opened_by"), pk=pk
    )
    return round_, access.can(Perm.RUN_DIAGNOSTIC) and round_.is_open


def access_questionnaire(access: PartnershipAccess, pk: int) -> tuple[Questionnaire, bool]:
    """A reference questionnaire or one of the partnership's own wordings; none is ever edited."""
    questionnaire = get_object_or_404(Questionnaire.objects.for_partnership(access.partnership), pk=pk)
    return questionnaire, False
