import random

import pytest

from analysis.models import Finding, FindingNature, FindingOrigin
from demo.loader import load_foundation
from factors.models import ProtectiveFactor
from priorities import bench, demo
from priorities.models import Ballot, Objective, Priority, SelectedFactor, Vote, VoteStatus

pytestmark = pytest.mark.django_db


def counts(cycle) -> tuple:
    return (
        Finding.objects.filter(cycle=cycle, is_candidate=True).count(),
        Vote.objects.filter(cycle=cycle).count(),
        Ballot.objects.filter(vote__cycle=cycle).count(),
        Priority.objects.filter(cycle=cycle).count(),
        SelectedFactor.objects.filter(cycle=cycle).count(),
        Objective.objects.filter(cycle=cycle).count(),
    )


def test_demo_builds_the_whole_tool_once():
    ctx = load_foundation()
    factors = list(ProtectiveFactor.objects.filter(partnership__isnull=True))
    for n in range(12):
        finding = Finding.objects.create(
            cycle=ctx.cycle_a,
            statement=f"Constat {n}",
            nature=FindingNature.CONCERN,
            origin=FindingOrigin.values[n % 3],
        )
        finding.factors.add(factors[n % len(factors)])
    demo.load(ctx)
    vote = Vote.objects.get(cycle=ctx.cycle_a)
    assert vote.status == VoteStatus.CLOSED and vote.candidates.count() == 8
    assert vote.ballots.values("member").distinct().count() == demo.VOTERS
    assert Priority.objects.filter(cycle=ctx.cycle_a, vote=vote).count() == 4
    selected = set(SelectedFactor.objects.filter(cycle=ctx.cycle_a).values_list("factor", flat=True))
    objectives = Objective.objects.filter(cycle=ctx.cycle_a)
    assert 4 <= objectives.count() <= 6
    for objective in objectives:
        assert objective.priorities.exists()
        assert objective.factors.exists() and set(objective.factors.values_list("pk", flat=True)) <= selected
    before = counts(ctx.cycle_a)
    demo.load(ctx)
    assert counts(ctx.cycle_a) == before


def test_demo_without_findings_still_selects_factors_and_objectives():
    ctx = load_foundation()
    demo.load(ctx)
    assert not Vote.objects.exists() and not Priority.objects.exists()
    assert SelectedFactor.objects.filter(cycle=ctx.cycle_a).count() == 6
    assert Objective.objects.filter(cycle=ctx.cycle_a).count() == 5


def test_bench_data_and_pages(cast, cycle, client_for):
    bench.generate(cast.partnership, cycle, [cast.organization], random.Random(1))
    assert Finding.objects.filter(cycle=cycle).count() == bench.FINDING_COUNT
    assert Priority.objects.filter(cycle=cycle).count() == bench.PRIORITY_COUNT
    assert Ballot.objects.filter(vote__cycle=cycle).values("member").distinct().count() == 3  # who may vote
    client = client_for(cast.coordinator)
    labels = []
    for label, address in bench.pages(cast.partnership, cycle):
        assert client.get(address).status_code == 200, label
        labels.append(label)
    assert "Outil 8 vote" in labels
