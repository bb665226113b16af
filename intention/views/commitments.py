"""Step 1 of a cycle: the organizations' commitments, and the step's page that gathers them."""

import logging

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from core.concurrency import EditConflict
from core.history import history_entries
from core.rendering import render_conflict, render_history
from core.text import de_name
from cycles.access import access_cycle
from cycles.models import StepNumber
from cycles.tools import tool_links
from organizations.access import access_organization
from partnerships.access import FORM, PartnershipAccess, partnership_view
from partnerships.pages import Section, page_context

from .. import selectors, services
from ..access import access_commitment, can_record_commitment
from ..forms import CommitmentForm, RemoveDocumentForm
from ..models import Commitment

logger = logging.getLogger(__name__)


def _step_url(access: PartnershipAccess, cycle_pk: int, organization_pk: int | None = None) -> str:
    url = reverse("intention:step", kwargs={"slug": access.partnership.slug, "cycle_pk": cycle_pk})
    return f"{url}#organisme-{organization_pk}" if organization_pk else url


@partnership_view()
def step(request: HttpRequest, access: PartnershipAccess, cycle_pk: int) -> HttpResponse:
    cycle, _can_manage = access_cycle(access, cycle_pk)
    rows = selectors.commitment_rows(cycle=cycle)
    for row in rows:
        row.can_record = can_record_commitment(access, row.organization.pk)
    current, draft = selectors.rules_summary(partnership=access.partnership)
    context = page_context(
        access,
        Section.CYCLES,
        cycle=cycle,
        step=selectors.intention_step(cycle=cycle),
        rows=rows,
        committed_count=sum(row.commitment is not None for row in rows),
        current_rules=current,
        draft_rules=draft,
        tools=tool_links(StepNumber.INTENTION, slug=access.partnership.slug, cycle_pk=cycle.pk),
    )
    return render(request, "intention/step.html", context)


@partnership_view(methods=FORM)
def commitment_edit(
    request: HttpRequest, access: PartnershipAccess, cycle_pk: int, organization_pk: int
) -> HttpResponse:
    cycle, _can_manage = access_cycle(access, cycle_pk)
    organization, _can_edit = access_organization(access, organization_pk)
    if not can_record_commitment(access, organization.pk):
        raise PermissionDenied
    commitment = selectors.commitment_of(cycle=cycle, organization=organization)
    names = "" if commitment.pk else selectors.representative_names(organization=organization)
    form = CommitmentForm(request.POST or None, request.FILES or None, instance=commitment, representative_names=names)
    back_url = _step_url(access, cycle.pk, organization.pk)
    page = page_context(access, Section.CYCLES, cycle=cycle)
    if request.method == "POST" and form.is_valid():
        try:
            services.commitment_save(
                commitment=form.instance,
                expected_version=form.cleaned_data.get("version", 1),
                upload=form.cleaned_data["signed_document"],
                checked=form.checked_document,
            )
        except EditConflict as conflict:
            return render_conflict(request, form=form, current=conflict.current, cancel_url=back_url, context=page)
        except IntegrityError:
            # Someone recorded this organization's commitment at the same moment: compare with theirs.
            current = selectors.commitment_of(cycle=cycle, organization=organization)
            return render_conflict(request, form=form, current=current, cancel_url=back_url, context=page)
        except services.DocumentNotStored:
            logger.exception("The signed document of a commitment could not be stored")
            form.add_error(
                "signed_document",
                _(
                    "Le serveur n'a pas pu enregistrer le document (espace de stockage plein ou inaccessible) : "
                    "rien n'a été enregistré. Joignez-le de nouveau plus tard, ou prévenez l'administration du site."
                ),
            )
        else:
            messages.success(
                request, _("L'engagement %(de_name)s a été enregistré.") % {"de_name": de_name(organization.name)}
            )
            return redirect(back_url)
    context = {
        **page,
        "organization": organization,
        "commitment": commitment if commitment.pk else None,
        "form": form,
        "remove_form": RemoveDocumentForm(initial={"version": commitment.version}) if commitment.pk else None,
        "back_url": back_url,
    }
    return render(request, "intention/commitment_form.html", context)


@partnership_view(methods=("GET", "HEAD", "POST"))
def commitment_document(request: HttpRequest, access: PartnershipAccess, commitment_pk: int) -> HttpResponse:
    """GET downloads the signed document (members only, never by a public URL); POST removes it."""
    commitment, can_record = access_commitment(access, commitment_pk)
    if request.method == "POST":
        if not can_record:
            raise PermissionDenied
        return _remove_document(request, access, commitment)
    if not commitment.document:
        raise Http404
    try:
        handle = commitment.document.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=commitment.document_name or commitment.document.name.rsplit("/", 1)[-1],
        content_type=commitment.document_type or "application/octet-stream",
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


def _remove_document(request: HttpRequest, access: PartnershipAccess, commitment: Commitment) -> HttpResponse:
    edit_url = reverse(
        "intention:commitment_edit",
        kwargs={
            "slug": access.partnership.slug,
            "cycle_pk": commitment.cycle_id,
            "organization_pk": commitment.organization_id,
        },
    )
    form = RemoveDocumentForm(request.POST)
    if not commitment.document or not form.is_valid():
        messages.error(request, _("Il n'y a pas de document à retirer, ou le formulaire est incomplet."))
        return redirect(edit_url)
    try:
        services.commitment_remove_document(commitment=commitment, expected_version=form.cleaned_data["version"])
    except EditConflict:
        messages.error(
            request, _("Cet engagement a été modifié entre-temps : vérifiez-le, puis retirez le document au besoin.")
        )
        return redirect(edit_url)
    messages.success(request, _("Le document signé a été retiré."))
    return redirect(edit_url)


@partnership_view()
def commitment_history(request: HttpRequest, access: PartnershipAccess, commitment_pk: int) -> HttpResponse:
    commitment, _can_record = access_commitment(access, commitment_pk)
    title = _("Engagement %(de_name)s — %(cycle)s") % {
        "de_name": de_name(commitment.organization.name),
        "cycle": commitment.cycle.name,
    }
    return render_history(
        request,
        title=title,
        back_url=_step_url(access, commitment.cycle_id, commitment.organization_id),
        entries=history_entries(commitment),
        context=page_context(access, Section.CYCLES, cycle=commitment.cycle),
    )
