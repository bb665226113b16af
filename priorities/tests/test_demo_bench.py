import random

import pytest

from analysis.models import Finding
from demo.loader import load_foundation
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


def test_demo_builds_the_whole_tool_once_and_tells_a_true_story():
    from analysis import demo as analysis_demo
    from priorities.overview import priorities_overview

    ctx = load_foundation()
    analysis_demo.load(ctx)  # the demo's own findings, as load_demo runs them
    demo.load(ctx)
    vote = Vote.objects.get(cycle=ctx.cycle_a)
    assert vote.status == VoteStatus.CLOSED and vote.candidates.count() == demo.CANDIDATE_COUNT
    assert vote.ballots.values("member").distinct().count() == demo.VOTERS
    assert Priority.objects.filter(cycle=ctx.cycle_a, vote=vote).count() == demo.CHOSEN_PRIORITIES
    selected = set(SelectedFactor.objects.filter(cycle=ctx.cycle_a).values_list("factor", flat=True))
    objectives = Objective.objects.filter(cycle=ctx.cycle_a)
    assert 4 <= objectives.count() <= 6
    for objective in objectives:
        named = set(objective.priorities.values_list("finding__factors", flat=True))
        targeted = set(objective.factors.values_list("pk", flat=True))
        assert targeted and targeted <= selected and targeted <= named, objective.title
    assert priorities_overview(ctx.cycle_a).missing == []  # Outil 8 has nothing left to point out
    before = counts(ctx.cycle_a)
    demo.load(ctx)
    assert counts(ctx.cycle_a) == before


def test_demo_without_findings_still_selects_factors_and_objectives():
    ctx = load_foundation()
    demo.load(ctx)
    assert not Vote.objects.exists() and not Priority.objects.exists()
    assert SelectedFactor.objects.filter(cycle=ctx.cycle_a).count() == len(demo.SELECTED_FACTORS)
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
