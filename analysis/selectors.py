from dataclasses import dataclass, field

from django.db.models import Count, IntegerField, OuterRef, Prefetch, QuerySet, Subquery
from django.db.models.functions import Coalesce

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


def observation_list(
    *, partnership: Partnership, source_kind: str = "", system: str = "", factor: ProtectiveFactor | None = None
) -> QuerySet[Observation]:
    observations = Observation.objects.filter(partnership=partnership)
    if source_kind:
        observations = observations.filter(source_kind=source_kind)
    if system:
        # No system code is part of another ("enfant", "famille", "communaute"), so `contains` is exact.
        observations = observations.filter(systems__contains=system)
    if factor is not None:
        observations = observations.filter(factors=factor)
    return (
        observations.select_related("organization")
        .prefetch_related(Prefetch("factors", queryset=ProtectiveFactor.objects.order_by("system", "position")))
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
        findings = findings.filter(systems__contains=system)
    # One subquery per kind of evidence: joining the four tables at once would multiply the rows.
    return findings.prefetch_related(
        Prefetch("factors", queryset=ProtectiveFactor.objects.order_by("system", "position"))
    ).annotate(**{f"{name}_count": _evidence_count(name) for name in EVIDENCE_FIELDS})


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
        factors=list(finding.factors.order_by("system", "position")),
    )


def findings_citing(findings: QuerySet[Finding], partnership: Partnership) -> QuerySet[Finding]:
    """The findings that rest on one piece of evidence, newest cycle first: "each piece of evidence shows the
    findings that cite it"."""
    return findings.filter(cycle__partnership=partnership).select_related("cycle").order_by("-cycle__starts_on", "id")


@dataclass
class OriginGroup:
    origin: str
    label: str
    strengths: list[Finding] = field(default_factory=list)
    concerns: list[Finding] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.strengths) + len(self.concerns)


def findings_by_origin(cycle: Cycle) -> list[OriginGroup]:
    groups = {value: OriginGroup(origin=value, label=label) for value, label in FindingOrigin.choices}
    for finding in Finding.objects.filter(cycle=cycle).order_by("id"):
        group = groups[finding.origin]
        (group.strengths if finding.nature == FindingNature.STRENGTH else group.concerns).append(finding)
    return list(groups.values())


@dataclass(frozen=True)
class Summary:
    statistics: int
    indicators: int
    observations: int
    findings: int
    candidates: int


def analysis_summary(partnership: Partnership, cycle: Cycle) -> Summary:
    statistics = Statistic.objects.filter(partnership=partnership).aggregate(
        n=Count("id"), indicators=Count("indicator", distinct=True)
    )
    findings = Finding.objects.filter(cycle=cycle)
    return Summary(
        statistics=statistics["n"],
        indicators=statistics["indicators"],
        observations=Observation.objects.filter(partnership=partnership).count(),
        findings=findings.count(),
        candidates=findings.filter(is_candidate=True).count(),
    )
