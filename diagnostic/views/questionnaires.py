"""The questionnaire's text, the reference file to download as a model, and loading the partnership's own."""

from django.contrib import messages
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from partnerships.access import FORM, PartnershipAccess, partnership_view
from partnerships.permissions import Perm

from .. import selectors, services
from ..access import access_questionnaire
from ..forms import QuestionnaireUploadForm
from ..questionnaire import QUESTIONNAIRE_PATH, QuestionnaireError
from .common import page_context


def _questionnaire_url(access: PartnershipAccess, pk: int) -> str:
    return reverse("diagnostic:questionnaire", kwargs={"slug": access.partnership.slug, "questionnaire_pk": pk})


@partnership_view()
def questionnaire(request: HttpRequest, access: PartnershipAccess, questionnaire_pk: int) -> HttpResponse:
    questionnaire, _can_edit = access_questionnaire(access, questionnaire_pk)
    context = page_context(
        access,
        questionnaire=questionnaire,
        conditions=selectors.conditions_with_items(questionnaire),
        versions=selectors.questionnaires(partnership=access.partnership),
    )
    return render(request, "diagnostic/questionnaire.html", context)


@partnership_view()
def questionnaire_template(request: HttpRequest, access: PartnershipAccess) -> HttpResponse:
    """The reference file, to start one's own wording from."""
    return FileResponse(open(QUESTIONNAIRE_PATH, "rb"), as_attachment=True, filename="questionnaire-diagnostic.json")


@partnership_view(Perm.RUN_DIAGNOSTIC, methods=FORM)
def questionnaire_load(request: HttpRequest, access: PartnershipAccess) -> HttpResponse:
    form = QuestionnaireUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            loaded = services.questionnaire_load_own(partnership=access.partnership, data=form.cleaned_data["file"])
        except QuestionnaireError as error:
            form.add_error("file", str(error))
        else:
            messages.success(
                request, _("Votre libellé du questionnaire est chargé : les prochaines passations peuvent l'utiliser.")
            )
            return redirect(_questionnaire_url(access, loaded.pk))
    return render(request, "diagnostic/questionnaire_load.html", page_context(access, form=form))
