"""Coverage of each protective factor by the partnership's organizations (the heat map of Outil 7).

An organization's level on a factor is the highest intensity it gave the factor or any of its elements: acting
regularly on one element is acting regularly on the factor. An organization that has not answered for a factor is
"not filled in", never counted as acting on nothing; and a factor gets no coverage verdict until enough
organizations have answered for it (ENOUGH_ANSWERS). Two queries whatever the number of organizations.
"""

from dataclasses import dataclass, field

from django.db.models import Max
from django.utils.translation import gettext_lazy as _

from analysis.models import Finding
from core.counting import Distinct, counts
from core.systems import SystemGroup, group_by_system
from factors.models import ProtectiveFactor
from partnerships.models import Partnership

from .models import FactorIntervention, Intensity
from .selectors import visible_factors

ACTING_LEVELS = [Intensity.OCCASIONAL, Intensity.REGULAR, Intensity.CORE]
# A factor only one organization works on regularly hangs on that organization: flagged as thinly covered.
THIN_COVERAGE_MAX = 1
# A verdict needs answers from at least half of the partnership's organizations for that factor: with fewer, a
# factor nobody has described yet would read "not covered".
ENOUGH_ANSWERS = 0.5

STATUS_LABELS = {
    "uncovered": _("non couvert"),
    "thin": _("faiblement couvert"),
    "covered": _("couvert"),
    "unknown": _("pas assez de réponses"),
}


@dataclass(frozen=True)
class CitingFinding:
    pk: int
    cycle_id: int
    statement: str


@dataclass
class FactorCoverage:
    factor: ProtectiveFactor
    organizations: int  # in the partnership
    by_level: dict[int, int]  # intensity (0 to 3) -> number of organizations that answered at that level
    findings: list[CitingFinding] = field(default_factory=list)  # findings resting on actions on this factor

    @property
    def levels(self) -> list[tuple[int, int]]:
        return [(level, self.by_level.get(level, 0)) for level in ACTING_LEVELS]

    @property
    def answered(self) -> int:
        return sum(self.by_level.values())

    @property
    def no_action(self) -> int:
        """Organizations that answered that they do not act on the factor."""
        return self.by_level.get(Intensity.NONE, 0)

    @property
    def not_answered(self) -> int:
        return self.organizations - self.answered

    @property
    def not_acting(self) -> int:
        return self.organizations - sum(count for level, count in self.levels)

    @property
    def has_enough_answers(self) -> bool:
        return self.organizations > 0 and self.answered >= ENOUGH_ANSWERS * self.organizations

    @property
    def at_least_regular(self) -> int:
        return self.by_level.get(Intensity.REGULAR, 0) + self.by_level.get(Intensity.CORE, 0)

    @property
    def score(self) -> int:
        """0 to 100: the organizations' intensities added up, over what every organization at 3 would give."""
        if not self.organizations:
            return 0
        points = sum(level * count for level, count in self.by_level.items())
        return round(100 * points / (Intensity.CORE * self.organizations))

    @property
    def status(self) -> str:
        if not self.has_enough_answers:
            return "unknown"
        if self.at_least_regular == 0:
            return "uncovered"
        if self.at_least_regular <= THIN_COVERAGE_MAX:
            return "thin"
        return "covered"

    @property
    def status_label(self) -> str:
        return str(STATUS_LABELS[self.status])


def filled_rows(partnership: Partnership) -> int:
    """How many organizations have filled in at least one cell of their row."""
    return counts(filled=filled_organizations(partnership))["filled"]


def filled_organizations(partnership: Partnership) -> Distinct:
    """The organizations that have filled in at least one cell of their row, to count with others (core.counting)."""
    return Distinct(FactorIntervention.objects.for_partnership(partnership), "organization_id")


def coverage_by_system(partnership: Partnership, *, organizations: int) -> list[SystemGroup[FactorCoverage]]:
    """`organizations`: how many the partnership has, those that act on no factor included."""
    by_factor: dict[int, dict[int, int]] = {}
    levels = (
        FactorIntervention.objects.for_partnership(partnership)
        .values("factor_id", "organization_id")
        .annotate(level=Max("intensity"))
    )
    for row in levels:
        counts = by_factor.setdefault(row["factor_id"], {})
        counts[row["level"]] = counts.get(row["level"], 0) + 1
    citing = findings_by_factor(partnership)
    coverages = [
        FactorCoverage(
            factor=factor,
            organizations=organizations,
            by_level=by_factor.get(factor.pk, {}),
            findings=citing.get(factor.pk, []),
        )
        for factor in visible_factors(partnership)
    ]
    return group_by_system(coverages, system_of=lambda coverage: coverage.factor.system, keep_empty=False)


def findings_by_factor(partnership: Partnership) -> dict[int, list[CitingFinding]]:
    """Every finding that cites an action of the partnership's organizations, under the factor acted on."""
    rows = (
        Finding.objects.filter(cycle__partnership=partnership, interventions__organization__partnership=partnership)
        .values_list("interventions__factor_id", "pk", "cycle_id", "statement")
        .order_by("-cycle__starts_on", "pk")
        .distinct()
    )
    by_factor: dict[int, list[CitingFinding]] = {}
    for factor_id, pk, cycle_id, statement in rows:
        by_factor.setdefault(factor_id, []).append(CitingFinding(pk=pk, cycle_id=cycle_id, statement=statement))
    return by_factor
