"""The signed-in person's own reminder settings: how often the digest of reports to write comes, in which language.
One setting for all of their partnerships, since the digest gathers them all in one e-mail."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from .. import reminders
from ..forms import ReminderPreferenceForm


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def reminder_settings(request: HttpRequest) -> HttpResponse:
    preference = reminders.preference_of(request.user, default_language=get_language())
    form = ReminderPreferenceForm(request.POST or None, instance=preference)
    if request.method == "POST" and form.is_valid():
        reminders.preference_save(user=request.user, preference=form.instance)
        messages.success(request, _("Vos préférences de rappel ont été enregistrées."))
        return redirect("followup:reminder_settings")
    return render(request, "followup/reminder_settings.html", {"form": form})
