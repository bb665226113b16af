"""Demo data of Outil 5 for partnership A: statistics, observations and findings (see demo_content.py).

Idempotent: statistics are imported (a second import changes nothing), observations and findings are looked
up by their text before being created. Services and factor interventions are loaded after this app: `link`
(the demo's second pass) then lets the findings drawn from Outils 6 and 7 cite them.
"""

import datetime
from decimal import Decimal

from demo.context import DemoContext
from factors.models import ProtectiveFactor
from imports.reading import Upload, tables
from organizations.models import Organization

from . import demo_content as content
from . import services
from .imports import IMPORTERS, STATISTICS, statistic_of
from .models import Finding, Observation, Statistic
from .spreadsheets import EXAMPLE_FILENAME, example_csv


def load(ctx: DemoContext) -> None:
    load_statistics(ctx)
    observations = load_observations(ctx)
    load_findings(ctx, observations)


def link(ctx: DemoContext) -> None:
    """Findings of the service-offer and factor analyses cite the services and interventions on their factors."""
    from coverage.models import FactorIntervention
    from offer.models import Service

    findings = Finding.objects.filter(cycle=ctx.cycle_a, origin__in=["services", "factors"]).prefetch_related(
        "factors", "statistics", "observations", "services", "interventions"
    )
    for finding in findings:
        if finding.services.all() or finding.interventions.all():
            continue
        factors = list(finding.factors.all())
        services_cited = Service.objects.filter(organization__partnership=ctx.partnership_a, factors__in=factors)
        interventions = FactorIntervention.objects.filter(
            organization__partnership=ctx.partnership_a, factor__in=factors, intensity__gte=1
        ).order_by("-intensity", "pk")
        relations = {
            "factors": factors,
            "statistics": list(finding.statistics.all()),
            "observations": list(finding.observations.all()),
            "services": list(services_cited.distinct().order_by("pk")[:3]) if finding.origin == "services" else [],
            "interventions": list(interventions[:4]) if finding.origin == "factors" else [],
        }
        if relations["services"] or relations["interventions"]:
            services.finding_update(finding=finding, expected_version=finding.version, relations=relations)


def _row(indicator: str, domain: str, level: str, territory: str, period: str, value: float, **extra) -> Statistic:
    return Statistic(
        indicator=indicator,
        domain=domain,
        territory_level=level,
        territory_name=territory,
        period=period,
        value=Decimal(str(value)),
        unit=extra.get("unit", "%"),
        is_imprecise=extra.get("imprecise", False),
        source=extra.get("source", content.EQDEM_SOURCE),
        notes="",
    )


def example_statistics() -> list[Statistic]:
    """The EQDEM example, read as its import reads it."""
    found, problems = tables(IMPORTERS[0], Upload(name=EXAMPLE_FILENAME, content=example_csv()))
    read = [statistic_of(row) for row in found[STATISTICS.key]]
    if problems or any(refused for _statistic, refused in read):
        raise ValueError(f"{EXAMPLE_FILENAME} no longer reads: {problems or read}")
    return [statistic for statistic, _refused in read]


def statistic_rows() -> list[Statistic]:
    rows = example_statistics()
    for level, territory, table in (
        ("region", content.REGION, content.REGION_VALUES),
        ("local", content.LOCAL, content.LOCAL_VALUES),
    ):
        for domain, values in zip(content.DOMAINS, table, strict=True):
            for year, value in zip(content.YEARS, values, strict=True):
                imprecise = level == "local" and (domain, year) == content.IMPRECISE_LOCAL
                rows.append(_row(content.EQDEM, domain, level, territory, year, value, imprecise=imprecise))
    for indicator, unit, quebec, region, local in content.CENSUS:
        for level, territory, value in (
            ("quebec", "Québec", quebec),
            ("region", content.REGION, region),
            ("local", content.LOCAL, local),
        ):
            rows.append(_row(indicator, "", level, territory, "2021", value, unit=unit, source=content.CENSUS_SOURCE))
    return rows


def load_statistics(ctx: DemoContext) -> None:
    services.statistics_import(
        partnership=ctx.partnership_a,
        statistics=statistic_rows(),
        user=ctx.coordinator_a,
        reason="Données de démonstration",
    )


def _factors(codes: tuple[str, ...]) -> list[ProtectiveFactor]:
    """Reference factors by code; a code missing from the catalogue is simply left out."""
    return list(ProtectiveFactor.objects.filter(partnership__isnull=True, code__in=codes))


def _organization(ctx: DemoContext, sector: str) -> Organization | None:
    return next((org for org in ctx.organizations_a.values() if sector and org.sector == sector), None)


def load_observations(ctx: DemoContext) -> list[Observation]:
    loaded = []
    for data in content.OBSERVATIONS:
        observation = Observation.objects.filter(partnership=ctx.partnership_a, text=data.text).first()
        if observation is None:
            observation = services.observation_create(
                partnership=ctx.partnership_a,
                observation=Observation(
                    text=data.text,
                    source_kind=data.source_kind,
                    organization=_organization(ctx, data.organization_sector),
                    source_detail=data.source_detail,
                    observed_on=datetime.date.fromisoformat(data.observed_on),
                    systems=data.systems,
                ),
                relations={"factors": _factors(data.factors)},
            )
        loaded.append(observation)
    return loaded


def load_findings(ctx: DemoContext, observations: list[Observation]) -> None:
    statistics = {
        (s.domain or s.indicator, s.territory_level, s.period): s
        for s in Statistic.objects.filter(partnership=ctx.partnership_a)
    }
    for data in content.FINDINGS:
        if Finding.objects.filter(cycle=ctx.cycle_a, statement=data.statement).exists():
            continue
        services.finding_create(
            cycle=ctx.cycle_a,
            finding=Finding(statement=data.statement, nature=data.nature, origin=data.origin, systems=data.systems),
            relations={
                "factors": _factors(data.factors),
                "statistics": [statistics[key] for key in data.statistics if key in statistics],
                "observations": [observations[i] for i in data.observations],
            },
            created_by=ctx.coordinator_a,
        )
