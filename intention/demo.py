"""Demo data of step 1 for partnership A: the organizations' commitments and two versions of the rules of
operation, the first adopted, the second a draft (see demo_content.py). Written through the services, as the
coordinator would; a second run changes nothing."""

from demo.context import DemoContext
from lib.html import sanitize_rich_text

from . import demo_content as content
from . import services
from .models import Commitment, OperatingRules


def load(ctx: DemoContext) -> None:
    load_commitments(ctx)
    load_rules(ctx)


def load_commitments(ctx: DemoContext) -> None:
    recorded = set(Commitment.objects.filter(cycle=ctx.cycle_a).values_list("organization__name", flat=True))
    for name, (committed_on, signed_by, statement) in content.COMMITMENTS_A.items():
        if name in recorded:
            continue
        services.commitment_save(
            commitment=Commitment(
                cycle=ctx.cycle_a,
                organization=ctx.organizations_a[name],
                committed_on=committed_on,
                representative_name=signed_by,
                statement=statement,
            )
        )


def load_rules(ctx: DemoContext) -> None:
    """Version 1, written then adopted; version 2, started from it and revised, still a draft."""
    if OperatingRules.objects.filter(partnership=ctx.partnership_a).exists():
        return
    first = services.rules_start_draft(partnership=ctx.partnership_a, user=ctx.coordinator_a)
    first.content = sanitize_rich_text(content.RULES_V1)
    first.quorum_rule, first.quorum_value = content.RULES_QUORUM
    services.rules_update(rules=first, expected_version=first.version)
    services.rules_adopt(rules=first, adopted_on=content.RULES_V1_ADOPTED_ON, expected_version=first.version)
    second = services.rules_start_draft(partnership=ctx.partnership_a, user=ctx.coordinator_a)
    second.content = sanitize_rich_text(content.RULES_V2)
    services.rules_update(rules=second, expected_version=second.version)
