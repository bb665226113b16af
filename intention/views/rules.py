"""The partnership's rules of operation: drafted together, adopted on a date, then frozen."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from core.concurrency import EditConflict
from core.history import history_entries
from core.rendering import render_history, save_or_conflict
from core.text import long_date
from partnerships.access import FORM, PartnershipAccess, partnership_view
from partnerships.pages import Section, page_context
from partnerships.permissions import Perm

from .. import selectors, services
from ..access import access_rules
from ..forms import AdoptRulesForm, RulesForm
from ..models import OperatingRules


def _page(access: PartnershipAccess, **extra) -> dict:
    return page_context(access, Section.RULES, **extra)


def _version_url(access: PartnershipAccess, rules: OperatingRules) -> str:
    return reverse("intention:rules_version", kwargs={"slug": access.partnership.slug, "rules_pk": rules.pk})


def _refuse_adopted(request: HttpRequest, access: PartnershipAccess, rules: OperatingRules) -> HttpResponse:
    messages.error(
        request,
        _(
            "La version %(number)s a été adoptée le %(date)s : elle ne peut plus être modifiée. Pour proposer des "
            "changements, commencez une nouvelle version."
        )
        % {"number": rules.number, "date": long_date(rules.adopted_on)},
    )
    return redirect(_version_url(access, rules))


@partnership_view()
def rules(request: HttpRequest, access: PartnershipAccess) -> HttpResponse:
    versions = selectors.rules_versions(partnership=access.partnership)
    draft = selectors.draft_rules(versions)
    context = _page(
        access,
        versions=versions,
        current=selectors.current_rules(versions),
        draft=draft,
        can_start_draft=draft is None and access.can(Perm.DRAFT_OPERATING_RULES),
        can_draft=access.can(Perm.DRAFT_OPERATING_RULES),
    )
    return render(request, "intention/rules.html", context)


@partnership_view()
def rules_version(request: HttpRequest, access: PartnershipAccess, rules_pk: int) -> HttpResponse:
    rules, can_edit = access_rules(access, rules_pk)
    return _render_version(request, access, rules, can_edit=can_edit)


def _render_version(
    request: HttpRequest,
    access: PartnershipAccess,
    rules: OperatingRules,
    *,
    can_edit: bool,
    adopt_form: AdoptRulesForm | None = None,
) -> HttpResponse:
    can_adopt = not rules.is_adopted and access.can(Perm.ADOPT_OPERATING_RULES)
    context = _page(
        access,
        rules=rules,
        can_edit=can_edit,
        adopt_form=(adopt_form or AdoptRulesForm(rules=rules)) if can_adopt else None,
    )
    return render(request, "intention/rules_version.html", context)


@partnership_view(Perm.DRAFT_OPERATING_RULES, methods=("POST",))
def rules_create(request: HttpRequest, access: PartnershipAccess) -> HttpResponse:
    try:
        draft = services.rules_start_draft(partnership=access.partnership, user=request.user)
    except services.DraftExists as exists:
        messages.info(
            request, _("Une version est déjà en préparation : poursuivez-la plutôt que d'en commencer une autre.")
        )
        draft = exists.draft
    else:
        messages.success(request, _("La version %(number)s est commencée.") % {"number": draft.number})
    return redirect("intention:rules_edit", slug=access.partnership.slug, rules_pk=draft.pk)


@partnership_view(methods=FORM)
def rules_edit(request: HttpRequest, access: PartnershipAccess, rules_pk: int) -> HttpResponse:
    rules, can_edit = access_rules(access, rules_pk)
    access.require(Perm.DRAFT_OPERATING_RULES)
    if not can_edit:
        return _refuse_adopted(request, access, rules)
    form = RulesForm(request.POST or None, instance=rules)
    version_url = _version_url(access, rules)
    if request.method == "POST" and form.is_valid():
        return save_or_conflict(
            request,
            form,
            save=lambda: services.rules_update(rules=rules, expected_version=form.cleaned_data["version"]),
            success_url=version_url,
            context=_page(access),
            message=_("Le texte des règles a été enregistré."),
        )
    context = _page(access, rules=rules, form=form, cancel_url=version_url)
    return render(request, "intention/rules_form.html", context)


@partnership_view(methods=("POST",))
def rules_adopt(request: HttpRequest, access: PartnershipAccess, rules_pk: int) -> HttpResponse:
    rules, can_edit = access_rules(access, rules_pk)
    access.require(Perm.ADOPT_OPERATING_RULES)
    if rules.is_adopted:
        return _refuse_adopted(request, access, rules)
    form = AdoptRulesForm(request.POST, rules=rules)
    if not form.is_valid():
        return _render_version(request, access, rules, can_edit=can_edit, adopt_form=form)
    try:
        services.rules_adopt(
            rules=rules, adopted_on=form.cleaned_data["adopted_on"], expected_version=form.cleaned_data["version"]
        )
    except EditConflict:
        messages.error(
            request,
            _("Le texte a été modifié depuis que vous l'avez ouvert : relisez cette version avant de l'adopter."),
        )
        return redirect(_version_url(access, rules))
    messages.success(request, _("La version %(number)s des règles est adoptée.") % {"number": rules.number})
    return redirect("intention:rules", slug=access.partnership.slug)


@partnership_view()
def rules_history(request: HttpRequest, access: PartnershipAccess, rules_pk: int) -> HttpResponse:
    rules, _can_edit = access_rules(access, rules_pk)
    title = _("Règles de fonctionnement, version %(number)s") % {"number": rules.number}
    return render_history(
        request,
        title=title,
        back_url=_version_url(access, rules),
        entries=history_entries(rules),
        context=_page(access),
    )
