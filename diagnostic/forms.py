from typing import Any

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.forms import RecordFormMixin
from partnerships.models import Membership, Partnership

from . import selectors
from .models import Answer, Condition, Round
from .questionnaire import QuestionnaireError, check_questionnaire, read_questionnaire

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class InviteeField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, membership: Membership) -> str:
        name = membership.user.full_name or membership.user.email
        return f"{name} — {membership.organization}" if membership.organization_id else name


class RoundForm(RecordFormMixin, forms.ModelForm):
    """Opening a round; once open, only its title, closing date and invitees change (never its anonymity)."""

    class Meta:
        model = Round
        fields = ["title", "questionnaire", "is_anonymous", "closes_on", "invitees"]
        widgets = {"closes_on": DATE_WIDGET}
        help_texts = {
            "is_anonymous": _(
                "Anonyme : Concerto garde seulement qui a répondu, jamais qui a répondu quoi, et montre les "
                "résultats une fois la passation fermée, à partir de trois réponses."
            ),
            "closes_on": _("Les membres peuvent répondre et modifier leur réponse jusqu'à la fin de cette journée."),
        }

    def __init__(self, *args, partnership: Partnership, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        members = selectors.answering_members(partnership=partnership)
        self.fields["invitees"] = InviteeField(
            queryset=members,
            label=_("Membres invités"),
            widget=forms.CheckboxSelectMultiple(attrs={"class": "choice-list"}),
            error_messages={"required": _("Invitez au moins un membre.")},
        )
        if self.instance.pk:
            for name in ("questionnaire", "is_anonymous"):
                self.fields.pop(name)
            return
        self.fields["questionnaire"].queryset = selectors.questionnaires(partnership=partnership)
        self.fields["questionnaire"].empty_label = None
        current = selectors.current_questionnaire(partnership=partnership)
        self.initial.setdefault("questionnaire", current.pk if current else None)
        self.initial.setdefault("invitees", [m.pk for m in members])

    def clean_closes_on(self):
        closes_on = self.cleaned_data["closes_on"]
        if closes_on < timezone.localdate():
            raise forms.ValidationError(_("La date de fermeture ne peut pas être passée."))
        return closes_on


class AnswerForm(forms.Form):
    """One radio group (A, B, C, each with its statement) and one optional comment per item."""

    receipt = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, conditions: list[Condition], answer: Answer | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.conditions = conditions
        self.item_codes: list[str] = []
        for condition in conditions:
            for item in condition.items.all():
                self._add_item(item, answer)

    def _add_item(self, item, answer: Answer | None) -> None:
        self.item_codes.append(item.code)
        self.fields[f"grade_{item.code}"] = forms.ChoiceField(
            label=item.text("text"),
            choices=[(grade, f"{grade.upper()} — {item.statement(grade)}") for grade in ("a", "b", "c")],
            widget=forms.RadioSelect,
            error_messages={"required": _("Choisissez A, B ou C.")},
        )
        self.fields[f"comment_{item.code}"] = forms.CharField(
            label=_("Commentaire (facultatif)"),
            required=False,
            max_length=2000,
            widget=forms.Textarea(attrs={"rows": 2}),
        )
        if answer is not None and not self.is_bound:
            self.initial[f"grade_{item.code}"] = answer.grades.get(item.code)
            self.initial[f"comment_{item.code}"] = answer.comments.get(item.code, "")

    def rows(self) -> list[tuple[Condition, list[tuple[forms.BoundField, forms.BoundField]]]]:
        """The fields grouped by condition, for the template."""
        return [
            (condition, [(self[f"grade_{item.code}"], self[f"comment_{item.code}"]) for item in condition.items.all()])
            for condition in self.conditions
        ]

    def grades(self) -> dict[str, str]:
        return {code: self.cleaned_data[f"grade_{code}"] for code in self.item_codes}

    def comments(self) -> dict[str, str]:
        return {code: self.cleaned_data[f"comment_{code}"].strip() for code in self.item_codes}


class ReceiptForm(forms.Form):
    code = forms.CharField(
        label=_("Code de réponse"), max_length=40, widget=forms.TextInput(attrs={"autocomplete": "off"})
    )


class QuestionnaireUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Fichier du questionnaire (JSON)"),
        help_text=_("Le même format que le questionnaire de référence, que vous pouvez télécharger comme modèle."),
        widget=forms.FileInput(attrs={"accept": "application/json,.json"}),
    )

    def clean_file(self) -> dict[str, Any]:
        upload = self.cleaned_data["file"]
        if upload.size > settings.MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("Ce fichier est trop volumineux."))
        try:
            data = read_questionnaire(upload.read())
            check_questionnaire(data)
        except QuestionnaireError as error:
            raise forms.ValidationError(str(error)) from error
        return data
