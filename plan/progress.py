from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from cycles.models import Cycle
from partnerships.models import Partnership

from .models import Action, DesiredChange, Indicator, PlanVersion


def progress(partnership: Partnership, cycle: Cycle) -> dict[str, list[str]]:
    transformations = DesiredChange.objects.filter(objective__cycle=cycle).count()
    indicators = Indicator.objects.filter(transformation__objective__cycle=cycle).count()
    actions = Action.objects.filter(cycle=cycle).count()
    last = PlanVersion.objects.filter(cycle=cycle).order_by("-number").first()
    adopted = (
        _("version %(number)s adoptée le %(date)s") % {"number": last.number, "date": f"{last.adopted_on:%Y-%m-%d}"}
        if last
        else _("plan pas encore adopté")
    )
    return {
        "plan:home": [
            ngettext("%(count)s transformation", "%(count)s transformations", transformations)
            % {"count": transformations},
            ngettext("%(count)s indicateur", "%(count)s indicateurs", indicators) % {"count": indicators},
            ngettext("%(count)s action", "%(count)s actions", actions) % {"count": actions},
        ],
        "plan:overview": [adopted],
    }
