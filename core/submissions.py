"""A creation form creates once. A second submission of the same form — a double click, the back button, a retry
over a slow network, the same POST sent twice at once — lands on what the first one created instead of creating
it again; and a creation that collides with a record someone saved at the same moment (a uniqueness rule that the
database enforces) comes back as the form's own error, never as an error page.

Each creation form includes OnceFormMixin (a hidden one-time token); its view calls `create_once`. The token is
claimed in the same transaction as the creation, in a table with a unique token: it holds across processes and
machines. A form sent without a token (a script) is simply created.
"""

import secrets
from collections.abc import Callable
from typing import TypeVar

from django import forms
from django.contrib import messages
from django.db import IntegrityError, transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from .models import SubmittedForm

T = TypeVar("T")


class OnceFormMixin(forms.Form):
    form_token = forms.CharField(widget=forms.HiddenInput, required=False, max_length=64)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial["form_token"] = secrets.token_urlsafe(24)


def create_once(
    request: HttpRequest,
    form: OnceFormMixin,
    *,
    create: Callable[[], T],
    url: Callable[[T], str],
    message: Callable[[T], str],
) -> HttpResponse | None:
    """Run a valid creation form's `create()` (the app's service) once, then redirect to `url(created)` with
    `message(created)`. A repeated submission redirects to the first one's result. None when the creation
    collided with a record saved meanwhile and the form now says why: the view shows the form again."""
    token = form.cleaned_data.get("form_token") or ""
    if token and (done := _done(request, token)) is not None:
        return done
    adding = getattr(getattr(form, "instance", None), "_state", None)
    try:
        with transaction.atomic():
            claim = SubmittedForm.objects.create(token=token, user=request.user) if token else None
            created = create()
            target = url(created)
            if claim is not None:
                claim.url = target
                claim.save(update_fields=["url"])
    except IntegrityError:
        if token and (done := _done(request, token)) is not None:
            return done
        if adding is not None and adding.adding:
            # The rolled-back save left a primary key on the form's instance: it was never created.
            form.instance.pk = None
        form.full_clean()
        if form.errors:
            return None
        raise
    messages.success(request, message(created))
    return redirect(target)


def resubmitted(request: HttpRequest) -> HttpResponse | None:
    """The redirect to what a creation form sent again had created, before its validation: for a form whose rules
    the first submission itself breaks (a cycle continued once), which would otherwise answer the repeat with an
    error instead of the result."""
    token = request.POST.get("form_token", "")
    return _done(request, token) if token else None


def _done(request: HttpRequest, token: str) -> HttpResponse | None:
    submitted = SubmittedForm.objects.filter(token=token, user=request.user).exclude(url="").first()
    if submitted is None:
        return None
    messages.info(request, _("Ce formulaire avait déjà été envoyé : voici ce qu'il a enregistré."))
    return redirect(submitted.url)
