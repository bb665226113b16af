from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import normalized

from .models import ApiToken


class TokenForm(forms.ModelForm):
    class Meta:
        model = ApiToken
        fields = ["name"]
        help_texts = {"name": _("Pour vous y retrouver : le programme ou le script qui s'en servira.")}

    def clean_name(self) -> str:
        return normalized(self.cleaned_data["name"])
