import datetime

from django import forms
from django.utils.html import linebreaks
from django.utils.translation import gettext_lazy as _

from core.concurrency import FingerprintFormMixin
from core.forms import HttpsURLField, RecordFormMixin
from cycles.models import Cycle
from cycles.tools import TOOLS
from lib.html import sanitize_rich_text
from organizations.models import Organization
from partnerships.models import Membership

from .models import SUBJECT_FIELDS, AgendaItem, Decision, DecisionTask, Meeting, Presence
from .services import AgendaRow, TaskRow
from .subjects import KINDS

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TIME_WIDGET = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
TASK_ROWS = 3


class SubjectField(forms.ChoiceField):
    """The record an agenda item or a decision is about, grouped by kind; the value is "<field>:<pk>", and only
    the cycle's own records are offered (and accepted)."""

    def __init__(self, *, cycle: Cycle, **kwargs) -> None:
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)
        choices: list = [("", _("— aucun —"))]
        for kind in KINDS:
            records = [(f"{kind.field}:{record.pk}", str(record)) for record in kind.candidates(cycle)]
            if records:
                choices.append((str(kind.heading), records))
        self.choices = choices

    def to_python(self, value) -> str:
        return "" if value in (None, "") else str(value)


def subject_ids(value: str) -> dict[str, int | None]:
    """{"finding_id": None, "priority_id": 12, …} for a subject field's value."""
    ids: dict[str, int | None] = {f"{name}_id": None for name in SUBJECT_FIELDS}
    if value:
        field, pk = value.split(":")
        ids[f"{field}_id"] = int(pk)
    return ids


class ToolsField(forms.TypedMultipleChoiceField):
    def __init__(self, **kwargs) -> None:
        super().__init__(
            choices=[(t.number, t.label) for t in TOOLS],
            coerce=int,
            required=False,
            widget=forms.CheckboxSelectMultiple(attrs={"class": "choice-list"}),
            **kwargs,
        )


class MeetingForm(RecordFormMixin, forms.ModelForm):
    online_link = HttpsURLField(label=_("Lien de la rencontre en ligne"), required=False)
    tools = ToolsField(label=_("Outils utilisés"))

    class Meta:
        model = Meeting
        fields = ["step", "title", "date", "starts_at", "ends_at", "place", "online_link", "objectives", "tools"]
        widgets = {
            "date": DATE_WIDGET,
            "starts_at": TIME_WIDGET,
            "ends_at": TIME_WIDGET,
            "objectives": forms.Textarea(attrs={"rows": 5}),
        }
        help_texts = {"starts_at": _("Heure de l'Est (Montréal, Toronto).")}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.is_bound:
            self.initial["tools"] = self.instance.tool_numbers

    def clean_tools(self) -> str:
        return ",".join(str(n) for n in sorted(set(self.cleaned_data["tools"])))

    def clean(self) -> dict:
        cleaned = super().clean()
        starts, ends = cleaned.get("starts_at"), cleaned.get("ends_at")
        if starts and ends and ends <= starts:
            self.add_error("ends_at", _("La fin doit venir après le début."))
        if (starts or ends) and not cleaned.get("date") and "date" not in self.errors:
            self.add_error("date", _("Indiquez la date de la rencontre, puisque l'heure est connue."))
        return cleaned


class AgendaRowForm(forms.Form):
    item = forms.IntegerField(widget=forms.HiddenInput, required=False)
    order = forms.IntegerField(
        label=_("Ordre"), min_value=1, required=False, widget=forms.NumberInput(attrs={"class": "order"})
    )
    title = forms.CharField(label=_("Point"), max_length=250, required=False)
    presenter = forms.CharField(label=_("Présenté par"), max_length=150, required=False)
    duration_minutes = forms.IntegerField(label=_("Durée (minutes)"), min_value=1, max_value=600, required=False)
    is_done = forms.BooleanField(label=_("Traité"), required=False)

    def __init__(self, *args, cycle: Cycle, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["subject"] = SubjectField(cycle=cycle, label=_("À propos de"))


class BaseAgendaFormSet(forms.BaseFormSet):
    def rows(self) -> list[AgendaRow]:
        """The rows with a title, in the order typed (rows without an order keep their place)."""
        filled = [
            (form.cleaned_data.get("order") or index + 1, index, form)
            for index, form in enumerate(self.forms)
            if form.cleaned_data.get("title", "").strip()
        ]
        rows = []
        for _order, _index, form in sorted(filled, key=lambda entry: (entry[0], entry[1])):
            data = form.cleaned_data
            rows.append(
                AgendaRow(
                    pk=data.get("item"),
                    title=data["title"].strip(),
                    presenter=data.get("presenter", "").strip(),
                    duration_minutes=data.get("duration_minutes"),
                    subject=subject_ids(data.get("subject", "")),
                    is_done=bool(data.get("is_done")),
                )
            )
        return rows


AgendaFormSet = forms.formset_factory(AgendaRowForm, formset=BaseAgendaFormSet, extra=3)


def agenda_initial(items: list[AgendaItem]) -> list[dict]:
    return [
        {
            "item": item.pk,
            "order": item.position,
            "title": item.title,
            "presenter": item.presenter,
            "duration_minutes": item.duration_minutes,
            "subject": item.subject_key,
            "is_done": item.is_done,
        }
        for item in items
    ]


class AgendaFingerprintForm(FingerprintFormMixin):
    pass


PRESENCE_CHOICES = [("", _("Non noté")), *Presence.choices]


class AttendanceForm(FingerprintFormMixin):
    """One radio group per member and per organization: present, excused, absent or not recorded."""

    def __init__(self, *args, members: list[Membership], organizations: list[Organization], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.members, self.organizations = members, organizations
        for membership in members:
            self.fields[f"member_{membership.pk}"] = self._field(str(membership.user.full_name or membership.user))
        for organization in organizations:
            self.fields[f"organization_{organization.pk}"] = self._field(organization.name)

    @staticmethod
    def _field(label: str) -> forms.ChoiceField:
        return forms.ChoiceField(label=label, choices=PRESENCE_CHOICES, required=False, widget=forms.RadioSelect)

    def statuses(self) -> dict[tuple[str, int], str]:
        found = {("member", m.pk): self.cleaned_data.get(f"member_{m.pk}", "") for m in self.members}
        found.update(
            {("organization", o.pk): self.cleaned_data.get(f"organization_{o.pk}", "") for o in self.organizations}
        )
        return found

    def member_fields(self) -> list[tuple[Membership, forms.BoundField]]:
        return [(m, self[f"member_{m.pk}"]) for m in self.members]

    def organization_fields(self) -> list[tuple[Organization, forms.BoundField]]:
        return [(o, self[f"organization_{o.pk}"]) for o in self.organizations]


def attendance_initial(state: dict[tuple[str, int], str]) -> dict[str, str]:
    return {f"{kind}_{pk}": status for (kind, pk), status in state.items()}


class MinutesForm(forms.Form):
    content = forms.CharField(
        label=_("Compte rendu"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 20, "data-rich-text": "true"}),
        help_text=_(
            "Titres, paragraphes, listes, gras, italique, citations et liens. Tout autre élément est retiré à "
            "l'enregistrement."
        ),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def clean_content(self) -> str:
        content = self.cleaned_data["content"]
        if content and "<" not in content:
            content = linebreaks(content, autoescape=True)  # typed without the editor
        return sanitize_rich_text(content)


class DecisionForm(RecordFormMixin, forms.ModelForm):
    class Meta:
        model = Decision
        fields = ["text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 3})}
        help_texts = {"text": _("Ce que le groupe a décidé, en une ou deux phrases.")}

    def __init__(self, *args, cycle: Cycle, members: list[Membership], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["subject"] = SubjectField(cycle=cycle, label=_("Élément décidé"))
        if self.instance.pk:
            self.initial.setdefault("subject", self.instance.subject_key)
            return
        for n in range(1, TASK_ROWS + 1):
            self.fields[f"task_{n}_description"] = forms.CharField(label=_("Suivi"), max_length=300, required=False)
            self.fields[f"task_{n}_assignee"] = forms.ModelChoiceField(
                label=_("Responsable"),
                queryset=Membership.objects.filter(pk__in=[m.pk for m in members]),
                required=False,
            )
            self.fields[f"task_{n}_assignee"].label_from_instance = lambda m: m.user.full_name or str(m.user)
            self.fields[f"task_{n}_due_on"] = forms.DateField(label=_("Échéance"), required=False, widget=DATE_WIDGET)

    def clean(self) -> dict:
        cleaned = super().clean()
        for name, pk in subject_ids(cleaned.get("subject", "")).items():
            setattr(self.instance, name, pk)
        return cleaned

    def task_rows(self) -> list[TaskRow]:
        rows = []
        for n in range(1, TASK_ROWS + 1):
            description = (self.cleaned_data.get(f"task_{n}_description") or "").strip()
            if description:
                assignee = self.cleaned_data.get(f"task_{n}_assignee")
                rows.append(
                    TaskRow(description, assignee.pk if assignee else None, self.cleaned_data.get(f"task_{n}_due_on"))
                )
        return rows

    def task_fields(self) -> list[tuple[forms.BoundField, forms.BoundField, forms.BoundField]]:
        if self.instance.pk:
            return []
        return [
            (self[f"task_{n}_description"], self[f"task_{n}_assignee"], self[f"task_{n}_due_on"])
            for n in range(1, TASK_ROWS + 1)
        ]


class TaskForm(RecordFormMixin, forms.ModelForm):
    class Meta:
        model = DecisionTask
        fields = ["description", "assignee", "due_on", "done_on"]
        widgets = {"due_on": DATE_WIDGET, "done_on": DATE_WIDGET}

    def __init__(self, *args, members: list[Membership], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = Membership.objects.filter(pk__in=[m.pk for m in members])
        self.fields["assignee"].label_from_instance = lambda m: m.user.full_name or str(m.user)

    def clean_done_on(self) -> datetime.date | None:
        done_on = self.cleaned_data.get("done_on")
        if done_on and done_on > datetime.date.today():
            raise forms.ValidationError(_("La date ne peut pas être dans le futur."))
        return done_on


class FeedForm(forms.Form):
    """The personal calendar: make a new secret address, or end it."""

    action = forms.ChoiceField(choices=[("renew", "renew"), ("revoke", "revoke")], widget=forms.HiddenInput)
