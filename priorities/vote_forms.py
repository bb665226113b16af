"""Creating a vote, and a member's ballot."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from analysis.models import Finding
from core.submissions import OnceFormMixin

from .models import Vote, VoteMethod


class VoteForm(OnceFormMixin, forms.ModelForm):
    class Meta:
        model = Vote
        fields = ["title", "method", "points_per_member", "max_points_per_finding", "is_anonymous"]
        widgets = {"method": forms.RadioSelect}
        help_texts = {
            "method": _(
                "Répartition de points : chaque membre répartit ses points entre les constats. "
                "Classement : chaque membre classe les constats par ordre d'importance (décompte de Borda)."
            ),
            "points_per_member": _("Pour la répartition de points seulement."),
            "max_points_per_finding": _("Facultatif : laissez vide pour ne pas limiter."),
            "is_anonymous": _(
                "Si la case est cochée, la page du vote montre combien de membres ont voté, sans leurs noms."
            ),
        }

    def __init__(self, *args, candidate_count: int, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.candidate_count = candidate_count
        self.fields["points_per_member"].min_value = 1
        self.fields["points_per_member"].widget.attrs["min"] = 1

    def clean(self) -> dict:
        data = super().clean()
        if self.candidate_count < 2:
            self.add_error(None, _("Marquez au moins deux constats comme priorités candidates avant de créer un vote."))
        if data.get("method") == VoteMethod.RANKING:
            data["points_per_member"] = data["max_points_per_finding"] = None
            return data
        points, cap = data.get("points_per_member"), data.get("max_points_per_finding")
        if not points and "points_per_member" not in self.errors:
            self.add_error("points_per_member", _("Indiquez le nombre de points dont dispose chaque membre."))
        elif cap is not None and points and cap > points:
            self.add_error(
                "max_points_per_finding",
                _("Le maximum par constat ne peut pas dépasser les %(points)s points de chaque membre.")
                % {"points": points},
            )
        if cap == 0:
            self.add_error("max_points_per_finding", _("Laissez vide ou indiquez au moins 1 point."))
        return data


def field_name(finding: Finding) -> str:
    return f"finding_{finding.pk}"


class BallotForm(forms.Form):
    """One number per candidate: points to give, or a rank. `choices` holds the result: {finding: number}."""

    def __init__(self, *args, vote: Vote, candidates: list[Finding], current: dict[int, int], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.vote = vote
        self.candidates = candidates
        self.choices: dict[Finding, int] = {}
        for finding in candidates:
            self.fields[field_name(finding)] = self._number_field(finding)
            if finding.pk in current:
                self.initial[field_name(finding)] = current[finding.pk]

    def _number_field(self, finding: Finding) -> forms.IntegerField:
        if self.vote.is_points:
            field = forms.IntegerField(
                label=_("Points"),
                required=False,
                min_value=0,
                max_value=self.vote.max_points_per_finding,
                error_messages={
                    "invalid": _("Entrez un nombre entier de points."),
                    "min_value": _("Le nombre de points ne peut pas être négatif."),
                    "max_value": _("Au plus %(limit_value)s points par constat."),
                },
            )
        else:
            field = forms.IntegerField(
                label=_("Rang"),
                required=False,
                min_value=1,
                error_messages={
                    "invalid": _("Entrez un rang : un nombre entier, 1 pour le plus important."),
                    "min_value": _("Le rang commence à 1."),
                },
            )
        field.finding = finding
        return field

    def rows(self) -> list[tuple[Finding, forms.BoundField]]:
        return [(finding, self[field_name(finding)]) for finding in self.candidates]

    def clean(self) -> dict:
        data = super().clean()
        if self.errors:
            return data
        given = {f: data[field_name(f)] for f in self.candidates if data.get(field_name(f)) not in (None, 0)}
        if self.vote.is_points:
            self._check_points(given)
        else:
            self._check_ranks(given)
        self.choices = given
        return data

    def _check_points(self, given: dict[Finding, int]) -> None:
        total, limit = sum(given.values()), self.vote.points_per_member
        if total == 0:
            raise forms.ValidationError(_("Attribuez au moins un point."))
        if total > limit:
            raise forms.ValidationError(
                _("Vous avez attribué %(total)s points ; vous en avez %(limit)s au maximum.")
                % {"total": total, "limit": limit}
            )

    def _check_ranks(self, given: dict[Finding, int]) -> None:
        if not given:
            raise forms.ValidationError(_("Classez au moins un constat (1 pour le plus important)."))
        by_rank: dict[int, list[Finding]] = {}
        for finding, rank in given.items():
            by_rank.setdefault(rank, []).append(finding)
        for rank, findings in by_rank.items():
            if len(findings) > 1:
                for finding in findings:
                    self.add_error(
                        field_name(finding), _("Le rang %(rank)s est donné à plus d'un constat.") % {"rank": rank}
                    )
        count = len(given)
        if set(by_rank) - set(range(1, count + 1)) and not self.errors:
            message = ngettext(
                "Les rangs doivent se suivre sans trou : vous avez classé %(count)s constat, donnez-lui le rang 1.",
                "Les rangs doivent se suivre sans trou : vous avez classé %(count)s constats, "
                "utilisez les rangs 1 à %(count)s.",
                count,
            )
            raise forms.ValidationError(message % {"count": count})
