from dataclasses import dataclass

from django.db.models import Prefetch

from core.collation import by_name
from cycles.models import Cycle, Step, StepNumber
from organizations.models import Organization
from partnerships.models import Membership, Partnership

from .models import Commitment, OperatingRules


@dataclass
class CommitmentRow:
    organization: Organization
    commitment: Commitment | None
    can_record: bool = False


def commitment_rows(*, cycle: Cycle) -> list[CommitmentRow]:
    """Every organization of the cycle's partnership with its commitment for this cycle, if any (two queries)."""
    organizations = Organization.objects.filter(partnership_id=cycle.partnership_id).prefetch_related(
        Prefetch("commitments", queryset=Commitment.objects.filter(cycle=cycle), to_attr="cycle_commitments")
    )
    return [CommitmentRow(organization=o, commitment=next(iter(o.cycle_commitments), None)) for o in organizations]


def commitment_of(*, cycle: Cycle, organization: Organization) -> Commitment:
    """The organization's commitment for the cycle, or a new one to record."""
    return Commitment.objects.filter(cycle=cycle, organization=organization).first() or Commitment(
        cycle=cycle, organization=organization
    )


def intention_step(*, cycle: Cycle) -> Step:
    return cycle.steps.get(number=StepNumber.INTENTION)


def representative_names(*, organization: Organization) -> str:
    """The names of the members who represent the organization, to prefill who signed."""
    members = (
        Membership.objects.filter(organization=organization).select_related("user").order_by(by_name("user__full_name"))
    )
    return ", ".join(m.user.full_name for m in members if m.user.full_name)


def rules_versions(*, partnership: Partnership) -> list[OperatingRules]:
    return list(OperatingRules.objects.filter(partnership=partnership).select_related("created_by").order_by("-number"))


def current_rules(versions: list[OperatingRules]) -> OperatingRules | None:
    """The adopted version in force: the highest-numbered adopted one."""
    return next((v for v in versions if v.is_adopted), None)


def draft_rules(versions: list[OperatingRules]) -> OperatingRules | None:
    return next((v for v in versions if not v.is_adopted), None)


def rules_summary(*, partnership: Partnership) -> tuple[OperatingRules | None, OperatingRules | None]:
    """(version in force, draft) in one query, without the texts."""
    versions = list(OperatingRules.objects.filter(partnership=partnership).defer("content").order_by("-number"))
    return current_rules(versions), draft_rules(versions)
