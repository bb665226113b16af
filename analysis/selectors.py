from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Count, IntegerField, OuterRef, Prefetch, QuerySet, Subquery
from django.db.models.functions import Coalesce

from core.counting import Distinct, counts
from core.systems import systems_filter
from coverage.models import FactorIntervention
from cycles.models import Cycle
from factors.models import ProtectiveFactor
from offer.models import Service
from partnerships.models import Partnership

from .models import Finding, FindingNature, FindingOrigin, Observation, Statistic

EVIDENCE_FIELDS = ("statistics", "observations", "services", "interventions")


def statistic_list(
    *, partnership: Partnership, indicator: str = "", domain: str = "", territory_level: str = "", period: str = ""
) -> QuerySet[Statistic]:
    statistics = Statistic.objects.filter(partnership=partnership)
    for name, value in (
        ("indicator", indicator),
        ("domain", domain),
        ("territory_level", territory_level),
        ("period", period),
    ):
        if value:
            statistics = statistics.filter(**{name: value})
    # An aggregate drops the model's default ordering, which pagination needs: it is given again.
    return statistics.annotate(finding_count=Count("findings")).order_by(
        "indicator", "domain", "period", "territory_level", "territory_name", "pk"
    )


def statistic_values(partnership: Partnership, name: str) -> list[str]:
    """The distinct non-empty values of one column, for the filters and the suggestions of the form."""
    values = Statistic.objects.filter(partnership=partnership).exclude(**{name: ""})
    return list(values.order_by(name).values_list(name, flat=True).distinct())


def indicator_statistics(*, partnership: Partnership, indicator: str) -> list[Statistic]:
    """Every figure of one indicator, for its chart."""
    return list(Statistic.objects.filter(partnership=partnership, indicator=indicator))


def territory_suggestions(*, partnership: Partnership) -> list[str]:
    """Territory names already used by the partnership's statistics, and those of its own territory."""
    names = set(statistic_values(partnership, "territory_name"))
    names.update(partnership.territories.values_list("name", flat=True))
    return sorted(names)


def observation_list(
    *, partnership: Partnership, source_kind: str = "", system: str = "", factor: ProtectiveFactor | None = None
) -> QuerySet[Observation]:
    observations = Observation.objects.filter(partnership=partnership)
    if source_kind:
        observations = observations.filter(source_kind=source_kind)
    if system:
        observations = observations.filter(systems_filter(system))
    if factor is not None:
        observations = observations.filter(factors=factor)
    return (
        observations.select_related("organization")
        .prefetch_related("factors")
        .annotate(finding_count=Count("findings"))
        .order_by("-observed_on", "-id")
    )


def _evidence_count(name: str) -> Coalesce:
    through = Finding._meta.get_field(name).remote_field.through
    counts = through.objects.filter(finding=OuterRef("pk")).values("finding").annotate(n=Count("*")).values("n")
    return Coalesce(Subquery(counts, output_field=IntegerField()), 0)


def finding_list(*, cycle: Cycle, origin: str = "", nature: str = "", system: str = "") -> QuerySet[Finding]:
    findings = Finding.objects.filter(cycle=cycle)
    if origin:
        findings = findings.filter(origin=origin)
    if nature:
        findings = findings.filter(nature=nature)
    if system:
        findings = findings.filter(systems_filter(system))
    # One subquery per kind of evidence: joining the four tables at once would multiply the rows.
    return findings.prefetch_related("factors").annotate(
        **{f"{name}_count": _evidence_count(name) for name in EVIDENCE_FIELDS}
    )


@dataclass(frozen=True)
class Evidence:
    statistics: list[Statistic]
    observations: list[Observation]
    services: list[Service]
    interventions: list[FactorIntervention]
    factors: list[ProtectiveFactor]

    @property
    def is_empty(self) -> bool:
        return not (self.statistics or self.observations or self.services or self.interventions)


def finding_evidence(finding: Finding) -> Evidence:
    return Evidence(
        statistics=list(finding.statistics.all()),
        observations=list(finding.observations.select_related("organization")),
        services=list(finding.services.select_related("organization")),
        interventions=list(finding.interventions.select_related("organization", "factor", "element")),
        factors=list(finding.factors.all()),
    )


@dataclass
class OriginGroup:
    """The findings drawn from one of the three analyses (data, services, factors)."""

    origin: str
    label: str
    findings: list[Finding] = field(default_factory=list)

    @property
    def strengths(self) -> list[Finding]:
        return [finding for finding in self.findings if finding.nature == FindingNature.STRENGTH]

    @property
    def concerns(self) -> list[Finding]:
        return [finding for finding in self.findings if finding.nature == FindingNature.CONCERN]

    @property
    def count(self) -> int:
        return len(self.findings)


def group_by_origin(findings: Iterable[Finding]) -> list[OriginGroup]:
    """The three analyses in their usual order, each with its findings in the order given (possibly none)."""
    groups = {value: OriginGroup(origin=value, label=str(label)) for value, label in FindingOrigin.choices}
    for finding in findings:
        groups[finding.origin].findings.append(finding)
    return list(groups.values())


def findings_by_origin(cycle: Cycle) -> list[OriginGroup]:
    return group_by_origin(Finding.objects.filter(cycle=cycle).order_by("id"))


@dataclass(frozen=True)
class Summary:
    statistics: int
    indicators: int
    observations: int
    findings: int
    candidates: int


def analysis_summary(partnership: Partnership, cycle: Cycle) -> Summary:
    """One query."""
    statistics, findings = Statistic.objects.filter(partnership=partnership), Finding.objects.filter(cycle=cycle)
    return Summary(
        **counts(
            statistics=statistics,
            indicators=Distinct(statistics, "indicator"),
            observations=Observation.objects.filter(partnership=partnership),
            findings=findings,
            candidates=findings.filter(is_candidate=True),
        )
    )


def findings_with_evidence(cycle: Cycle) -> list[Finding]:
    """The cycle's findings with everything they cite (Outil 5's document), in a fixed number of queries."""
    return list(
        Finding.objects.filter(cycle=cycle)
        .order_by("origin", "id")
        .prefetch_related(
            "factors",
            "statistics",
            Prefetch("observations", queryset=Observation.objects.select_related("organization")),
            Prefetch("services", queryset=Service.objects.select_related("organization")),
            Prefetch(
                "interventions", queryset=FactorIntervention.objects.select_related("organization", "factor", "element")
            ),
        )
    )
