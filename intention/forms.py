from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.utils import timezone
from django.utils.html import linebreaks, strip_tags
from django.utils.translation import gettext_lazy as _

from core.concurrency import VersionedFormMixin
from lib.html import sanitize_rich_text

from .models import Commitment, OperatingRules, QuorumRule
from .uploads import CheckedDocument, check_signed_document

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _not_in_the_future(value, message):
    if value and value > timezone.localdate():
        raise forms.ValidationError(message)
    return value


class CommitmentForm(VersionedFormMixin, forms.ModelForm):
    # Not the model's file field: the upload is checked here and stored by the service, under a random name.
    signed_document = forms.FileField(
        label=_("Document signé (facultatif)"),
        required=False,
        help_text=_("PDF, PNG ou JPEG. Remplace le document déjà déposé, s'il y en a un."),
        widget=forms.FileInput(attrs={"accept": "application/pdf,image/png,image/jpeg"}),
    )

    class Meta:
        model = Commitment
        fields = ["committed_on", "representative_name", "statement"]
        widgets = {"committed_on": DATE_WIDGET, "statement": forms.Textarea(attrs={"rows": 5})}
        help_texts = {
            "representative_name": _("La ou les personnes qui ont signé au nom de l'organisme."),
            "statement": _("Par exemple : participer aux rencontres, partager ses données, porter une action."),
        }

    def __init__(self, *args, representative_names: str = "", **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.checked_document: CheckedDocument | None = None
        if not self.instance.pk:
            self.fields.pop("version")
            self.initial["representative_name"] = self.initial.get("representative_name") or representative_names

    def clean_committed_on(self):
        return _not_in_the_future(
            self.cleaned_data["committed_on"], _("La date de l'engagement ne peut pas être dans le futur.")
        )

    def clean_signed_document(self) -> UploadedFile | None:
        upload = self.cleaned_data.get("signed_document")
        if upload:
            self.checked_document = check_signed_document(upload)
        return upload


class RemoveDocumentForm(VersionedFormMixin, forms.Form):
    pass


class RulesForm(VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = OperatingRules
        fields = ["content", "quorum_rule", "quorum_value"]
        widgets = {
            "content": forms.Textarea(attrs={"rows": 20, "data-rich-text": "true"}),
            "quorum_rule": forms.RadioSelect,
        }
        help_texts = {
            "quorum_rule": _(
                "Le quorum que le texte fixe, pour que la liste des présences de chaque rencontre dise s'il est "
                "atteint."
            ),
            "quorum_value": _("Le nombre d'organismes, ou le pourcentage (par exemple 50)."),
            "content": _(
                "Titres, paragraphes, listes, gras, italique, citations et liens. Tout autre élément est retiré "
                "à l'enregistrement."
            ),
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["quorum_rule"].choices = QuorumRule.choices  # its first choice says "no quorum"

    def clean(self) -> dict:
        cleaned = super().clean()
        rule, value = cleaned.get("quorum_rule"), cleaned.get("quorum_value")
        if rule in (QuorumRule.ORGANIZATIONS, QuorumRule.SHARE) and not value:
            self.add_error("quorum_value", _("Indiquez le nombre d'organismes ou le pourcentage du quorum."))
        if rule == QuorumRule.SHARE and value and value > 100:
            self.add_error("quorum_value", _("Un pourcentage va de 1 à 100."))
        if rule in ("", QuorumRule.MAJORITY):
            cleaned["quorum_value"] = None
        return cleaned

    def clean_content(self) -> str:
        content = self.cleaned_data["content"]
        if "<" not in content:
            # Typed without the editor (no JavaScript): plain text, one paragraph per blank line.
            content = linebreaks(content, autoescape=True)
        return sanitize_rich_text(content)


class AdoptRulesForm(VersionedFormMixin, forms.Form):
    adopted_on = forms.DateField(label=_("Date d'adoption"), widget=DATE_WIDGET)

    def __init__(self, *args, rules: OperatingRules, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.rules = rules
        if not self.is_bound:
            self.initial.update(version=rules.version, adopted_on=timezone.localdate())

    def clean(self) -> dict:
        cleaned = super().clean()
        if not strip_tags(self.rules.content).strip():
            raise forms.ValidationError(_("Cette version est vide : rédigez les règles avant de les adopter."))
        return cleaned

    def clean_adopted_on(self):
        return _not_in_the_future(
            self.cleaned_data["adopted_on"], _("La date d'adoption ne peut pas être dans le futur.")
        )
