"""Every report of Outil 11 is reached through the cycle named by the URL, in the person's partnership.

An action's reports are written by the representatives of the organizations that lead it or take part in it
(`report_own_actions`) and by coordination (`review_reports`), which also sends a submitted report back. Everyone
else in the partnership reads them. A submitted report is frozen until coordination sends it back.
"""

from django.shortcuts import get_object_or_404

from partnerships.access import PartnershipAccess
from partnerships.permissions import Perm
from plan.models import Action, ActionPartner

from .models import ActionReport, CommunicationItem


def may_report_on(access: PartnershipAccess, action: Action) -> bool:
    """Whether this person may write reports on `action`: coordination, or its lead's and partners' people."""
    if access.can(Perm.REVIEW_REPORTS):
        return True
    organization = access.organization_id
    if organization is None or not access.can(Perm.REPORT_OWN_ACTIONS):
        return False
    if action.lead_id == organization:
        return True
    return ActionPartner.objects.filter(action=action, organization_id=organization).exists()


def access_report_action(access: PartnershipAccess, cycle_pk: int, pk: int) -> tuple[Action, bool]:
    """The action a new report is written on, and whether this person may write one."""
    action = get_object_or_404(
        Action.objects.for_partnership(access.partnership).select_related("cycle", "lead"), cycle_id=cycle_pk, pk=pk
    )
    return action, may_report_on(access, action)


def access_report(access: PartnershipAccess, cycle_pk: int, pk: int) -> tuple[ActionReport, bool]:
    """The report, and whether this person may change it now (it is open, and they may report on its action)."""
    report = get_object_or_404(
        ActionReport.objects.for_partnership(access.partnership).select_related(
            "action__cycle", "action__lead", "created_by"
        ),
        action__cycle_id=cycle_pk,
        pk=pk,
    )
    return report, report.is_open and may_report_on(access, report.action)


def access_report_review(access: PartnershipAccess, cycle_pk: int, pk: int) -> tuple[ActionReport, bool]:
    """The report, and whether this person may send it back: coordination, once it is submitted."""
    report, _may_edit = access_report(access, cycle_pk, pk)
    return report, not report.is_open and access.can(Perm.REVIEW_REPORTS)


def access_communication(access: PartnershipAccess, cycle_pk: int, pk: int) -> tuple[CommunicationItem, bool]:
    item = get_object_or_404(
        CommunicationItem.objects.for_partnership(access.partnership).select_related("cycle", "responsible"),
        cycle_id=cycle_pk,
        pk=pk,
    )
    return item, access.can(Perm.EDIT_PLAN)
