from django import forms
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from core.submissions import OnceFormMixin


class ExportForm(forms.Form):
    history = forms.BooleanField(
        label=_("Inclure l'historique des modifications"),
        required=False,
        help_text=_("Qui a changé quoi et quand, pour chaque enregistrement : l'archive est alors plus lourde."),
    )


class ImportForm(OnceFormMixin, forms.Form):
    archive = forms.FileField(
        label=_("Archive du regroupement (.zip)"),
        help_text=_("Le fichier téléchargé depuis la page « Archive du regroupement » d'une installation Concerto."),
    )
    slug = forms.SlugField(
        label=_("Identifiant dans les adresses"),
        max_length=80,
        required=False,
        help_text=_(
            "Facultatif : celui de l'archive s'il est laissé vide. S'il est déjà pris, un numéro y est ajouté."
        ),
    )

    def clean_slug(self) -> str:
        return slugify(self.cleaned_data["slug"])
