"""Demo data for Outil 11 on partnership A's plan: a year of reports written through the services (some late,
one sent back), and a communication plan. An action that already has reports is left as it is, and each line of
the communication plan is looked up on its audience, so a second run changes nothing."""

from accounts.models import User
from cycles.models import Cycle
from demo.context import DemoContext
from organizations.models import Organization
from partnerships.models import Membership
from plan.models import Action

from . import demo_content as content
from . import services
from .models import ActionReport, CommunicationItem
from .schedule import report_periods


def load(ctx: DemoContext) -> None:
    cycle = ctx.cycle_a
    authors = _authors(ctx)
    actions = (
        Action.objects.filter(cycle=cycle).exclude(follow_up="").select_related("lead").order_by("starts_on", "title")
    )
    sent_back = ActionReport.objects.filter(action__cycle=cycle, state="sent_back").exists()
    for index, action in enumerate(actions):
        if action.reports.exists():
            continue
        periods = report_periods(
            follow_up=action.follow_up, starts_on=action.starts_on, ends_on=action.ends_on, until=content.REPORTED_UNTIL
        )
        ended = [p for p in periods if p.end <= content.REPORTED_UNTIL]
        if index % content.LATE_EVERY == 0:
            ended = ended[:-1]  # the latest report was never written: late
        for number, period in enumerate(ended):
            last = number == len(ended) - 1
            report = _report(action, period, index + number, authors.get(action.lead_id) or ctx.coordinator_a)
            if not last or index % 3 == 1:
                services.report_submit(report=report, expected_version=report.version)
                if last and not sent_back:
                    report.refresh_from_db()
                    services.report_send_back(
                        report=report, expected_version=report.version, comment=content.SENT_BACK_COMMENT
                    )
                    sent_back = True
    _communication(cycle, ctx.organizations_a)


def _authors(ctx: DemoContext) -> dict[int, User]:
    """{organization id: one of its representatives}, to sign the reports its people would write."""
    memberships = Membership.objects.filter(partnership=ctx.partnership_a, organization__isnull=False)
    return {m.organization_id: m.user for m in memberships.select_related("user").order_by("pk")}


def _pick(options: tuple, n: int):
    return options[n % len(options)]


def _report(action: Action, period, n: int, author: User) -> ActionReport:
    months = max(1, (period.end - period.start).days // 30)
    report = ActionReport(
        period_start=period.start,
        period_end=period.end,
        progress=_pick(content.PROGRESS, n),
        activities_planned=f"{2 * months} ateliers",
        activities_done=_pick(content.DONE, n),
        sessions_held=2 * months - n % 2,
        children_reached=8 + 3 * months + n % 7,
        parents_reached=5 + 2 * months + n % 5,
        practitioners_reached=n % 4,
        satisfaction=80 + n % 17,
        retention=65 + n % 25,
        quality_view="Les partenaires jugent l'animation de grande qualité.",
        better_off=_pick(content.BETTER_OFF, n),
        helped=_pick(content.HELPED, n),
        hindered=_pick(content.HINDERED, n),
        adjustments=_pick(content.ADJUSTMENTS, n),
    )
    partners = [action.lead] if action.lead else []
    return services.report_create(action=action, report=report, partners=partners, milestones=[], created_by=author)


def _communication(cycle: Cycle, organizations: dict[str, Organization]) -> None:
    for audience, message, channel, planned_on, responsible, status in content.COMMUNICATION:
        if CommunicationItem.objects.filter(cycle=cycle, audience=audience).exists():
            continue
        item = CommunicationItem(
            audience=audience,
            message=message,
            channel=channel,
            planned_on=planned_on,
            responsible=organizations.get(responsible),
            status=status,
        )
        services.communication_create(cycle=cycle, item=item)
