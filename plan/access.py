"""Every object of Outil 9 is reached through the cycle named by the URL, in the person's partnership.

The plan is prepared by coordination and the committee (`edit_plan`); a partner representative edits, on the
actions its organization leads or joins, what is its own (`report_own_actions`): its contribution, and the
milestones of the actions it leads.
"""

from django.shortcuts import get_object_or_404

from partnerships.access import PartnershipAccess
from partnerships.permissions import Perm

from .models import Action, ActionPartner, DesiredChange, Funder, Indicator, PlanVersion


def access_funder(access: PartnershipAccess, pk: int) -> tuple[Funder, bool]:
    funder = get_object_or_404(Funder.objects.for_partnership(access.partnership), pk=pk)
    return funder, access.can(Perm.EDIT_PLAN)


def access_transformation(access: PartnershipAccess, cycle_pk: int, pk: int) -> tuple[DesiredChange, bool]:
    transformation = get_object_or_404(
        DesiredChange.objects.for_partnership(access.partnership).select_related("objective__cycle", "lead"),
        objective__cycle_id=cycle_pk,
        pk=pk,
    )
    return transformation, access.can(Perm.EDIT_PLAN)


def access_indicator(access: PartnershipAccess, cycle_pk: int, pk: int) -> tuple[Indicator, bool]:
    indicator = get_object_or_404(
        Indicator.objects.for_partnership(access.partnership).select_related(
            "transformation__objective__cycle", "baseline_statistic"
        ),
        transformation__objective__cycle_id=cycle_pk,
        pk=pk,
    )
    return indicator, access.can(Perm.EDIT_PLAN)


def access_action(access: PartnershipAccess, cycle_pk: int, pk: int) -> tuple[Action, bool]:
    action = get_object_or_404(
        Action.objects.for_partnership(access.partnership).select_related("cycle", "lead"), cycle_id=cycle_pk, pk=pk
    )
    return action, access.can(Perm.EDIT_PLAN)


def access_action_milestones(access: PartnershipAccess, cycle_pk: int, pk: int) -> tuple[Action, bool]:
    """The action, and whether this person may edit its milestones: the plan's editors, or its lead's
    representatives."""
    action, can_edit = access_action(access, cycle_pk, pk)
    leads = action.lead_id is not None and action.lead_id == access.organization_id
    return action, can_edit or (leads and access.can(Perm.REPORT_OWN_ACTIONS))


def access_contribution(
    access: PartnershipAccess, cycle_pk: int, action_pk: int, pk: int
) -> tuple[ActionPartner, bool]:
    """An organization's part in the action, and whether this person may edit it: the plan's editors, or the
    organization's own representatives."""
    part = get_object_or_404(
        ActionPartner.objects.for_partnership(access.partnership).select_related("action__cycle", "organization"),
        action__cycle_id=cycle_pk,
        action_id=action_pk,
        pk=pk,
    )
    own = part.organization_id == access.organization_id and access.can(Perm.REPORT_OWN_ACTIONS)
    return part, own or access.can(Perm.EDIT_PLAN)


def access_version(access: PartnershipAccess, cycle_pk: int, pk: int) -> tuple[PlanVersion, bool]:
    """An adopted version is frozen: nobody edits it."""
    version = get_object_or_404(
        PlanVersion.objects.for_partnership(access.partnership).select_related("cycle", "meeting", "adopted_by"),
        cycle_id=cycle_pk,
        pk=pk,
    )
    return version, False
