"""Outil 9's import: a whole action plan, in the format of the plan's spreadsheet (`plan/documents.py` writes these
sheets with these headers, one row per record): objectives, desired transformations, indicators, targets, actions,
the actions' partners and their budget lines. Rows name each other by the labels the export writes — an objective
by its title, a transformation by its objective and system, an indicator by its name within its transformation,
an action by its title, an organization or a funder by its name, without case. A row naming a record that exists
updates it, any other adds one; nothing is deleted. The check itself is in `plan/importing/`."""

from django.utils.translation import gettext_lazy

from core.systems import System
from imports.registry import CHOICE, DATE, DECIMAL, FLAG, Column, Importer, SheetSpec
from offer.models import ClienteleCode
from partnerships.permissions import Perm

from .models import ActionStatus, BudgetNature, BudgetStatus, FollowUp, FunderKind, Polarity, clientele_labels

LINES = "\n"  # the cells that hold several names write one a line

OBJECTIVE_REF = Column(
    "objective",
    gettext_lazy("Objectif"),
    required=True,
    form_field=False,
    help=gettext_lazy("Le titre de l'objectif, tel que la feuille « Objectifs » ou l'Outil 8 l'écrit, ou son numéro."),
)
SYSTEM_REF = Column("system", gettext_lazy("Système"), required=True, kind=CHOICE, choices=tuple(System.choices))
INDICATOR_REF = Column(
    "indicator",
    gettext_lazy("Indicateur"),
    required=True,
    form_field=False,
    help=gettext_lazy("Le nom de l'indicateur, tel que la feuille « Indicateurs » l'écrit pour cette transformation."),
)
ACTION_REF = Column(
    "action",
    gettext_lazy("Action"),
    required=True,
    form_field=False,
    help=gettext_lazy("Le titre de l'action, tel que la feuille « Actions » l'écrit."),
)


def _factors(help_text) -> Column:
    return Column("factors", gettext_lazy("Facteurs de protection"), form_field=False, help=help_text)


def _organization(key: str, label, help_text=None) -> Column:
    return Column(
        key,
        label,
        form_field=False,
        help=help_text or gettext_lazy("Le nom d'un organisme partenaire déjà inscrit (sans égard aux majuscules)."),
    )


OBJECTIVES = SheetSpec(
    key="objectives",
    title=gettext_lazy("Objectifs"),
    required=False,
    columns=(
        Column("position", gettext_lazy("Numéro"), help=gettext_lazy("L'ordre de l'objectif ; vide : à la fin.")),
        Column("title", gettext_lazy("Objectif"), required=True),
        Column("description", gettext_lazy("Description")),
        Column(
            "priorities",
            gettext_lazy("Priorités visées"),
            form_field=False,
            help=gettext_lazy(
                "Une par ligne de la cellule : la priorité de ce cycle telle que l'export l'écrit (« 1. Le constat "
                "retenu »), son rang seul ou son constat seul."
            ),
        ),
        _factors(
            gettext_lazy(
                "Un par ligne de la cellule : le nom (en français ou en anglais) ou le code d'un facteur de protection "
                "retenu pour ce cycle à l'Outil 8."
            )
        ),
    ),
    example=(1, "Favoriser l'éveil à la lecture", "Dès la naissance.", "", ""),
)

TRANSFORMATIONS = SheetSpec(
    key="transformations",
    title=gettext_lazy("Transformations souhaitées"),
    required=False,
    columns=(
        OBJECTIVE_REF,
        SYSTEM_REF,
        Column("statement", gettext_lazy("Transformation souhaitée"), required=True),
        _organization("lead", gettext_lazy("Organisme porteur")),
        _organization(
            "partners",
            gettext_lazy("Organismes partenaires"),
            gettext_lazy("Les noms d'organismes partenaires déjà inscrits, un par ligne de la cellule."),
        ),
        _factors(
            gettext_lazy(
                "Un par ligne de la cellule : le nom (en français ou en anglais) ou le code d'un facteur de protection "
                "que vise l'objectif (feuille « Objectifs » ou Outil 8)."
            )
        ),
    ),
    example=(
        "Favoriser l'éveil à la lecture",
        str(System.FAMILY.label),
        "Les parents lisent avec leur enfant.",
        "",
        "",
        "",
    ),
)

INDICATORS = SheetSpec(
    key="indicators",
    title=gettext_lazy("Indicateurs"),
    required=False,
    columns=(
        OBJECTIVE_REF,
        Column("system", SYSTEM_REF.label, required=True, kind=CHOICE, choices=SYSTEM_REF.choices, form_field=False),
        Column("name", gettext_lazy("Indicateur"), required=True),
        Column("definition", gettext_lazy("Définition")),
        Column("unit", gettext_lazy("Unité")),
        Column("polarity", gettext_lazy("Sens souhaité"), kind=CHOICE, choices=tuple(Polarity.choices)),
        Column("data_source", gettext_lazy("Source des données")),
        Column("collection_tool", gettext_lazy("Outil de collecte")),
        Column("frequency", gettext_lazy("Fréquence de la mesure")),
        Column("baseline_value", gettext_lazy("Valeur de départ"), kind=DECIMAL),
        Column("baseline_date", gettext_lazy("Date de la valeur de départ"), kind=DATE),
        Column("baseline_source", gettext_lazy("Source de la valeur de départ")),
    ),
    example=(
        "Favoriser l'éveil à la lecture",
        str(System.FAMILY.label),
        "Familles qui lisent chaque jour",
        "Part des familles qui lisent chaque jour avec leur enfant.",
        "%",
        str(Polarity.HIGHER.label),
        "Sondage auprès des familles",
        "Questionnaire",
        "Annuelle",
        12.5,
        "2025-06-30",
        "Sondage de juin",
    ),
)

TARGETS = SheetSpec(
    key="targets",
    title=gettext_lazy("Cibles"),
    required=False,
    columns=(
        OBJECTIVE_REF,
        INDICATORS.column("system"),
        INDICATOR_REF,
        Column("value", gettext_lazy("Valeur cible"), required=True, kind=DECIMAL),
        Column("date", gettext_lazy("Échéance"), required=True, kind=DATE),
    ),
    example=(
        "Favoriser l'éveil à la lecture",
        str(System.FAMILY.label),
        "Familles qui lisent chaque jour",
        40,
        "2027-06-30",
    ),
)

ACTIONS = SheetSpec(
    key="actions",
    title=gettext_lazy("Actions"),
    required=False,
    columns=(
        Column("title", gettext_lazy("Action"), required=True),
        Column("description", gettext_lazy("Description")),
        Column(
            "transformations",
            gettext_lazy("Transformations souhaitées"),
            form_field=False,
            help=gettext_lazy("Une par ligne de la cellule : « titre de l'objectif — système »."),
        ),
        Column(
            "clientele_codes",
            gettext_lazy("Population visée"),
            kind=CHOICE,
            choices=tuple(ClienteleCode.choices),
            form_field=False,
            help=gettext_lazy("Une par ligne de la cellule, parmi les clientèles de l'Outil 6."),
        ),
        Column("territory", gettext_lazy("Territoire")),
        _organization("lead", gettext_lazy("Organisme porteur")),
        Column("starts_on", gettext_lazy("Début"), kind=DATE),
        Column("ends_on", gettext_lazy("Fin"), kind=DATE),
        Column(
            "status",
            gettext_lazy("État"),
            kind=CHOICE,
            choices=tuple(ActionStatus.choices),
            help=gettext_lazy("Vide : prévue (ou l'état actuel d'une action déjà inscrite)."),
        ),
        Column("follow_up", gettext_lazy("Calendrier de suivi"), kind=CHOICE, choices=tuple(FollowUp.choices)),
        Column("human_resources", gettext_lazy("Ressources humaines")),
        Column("material_resources", gettext_lazy("Ressources matérielles")),
        _factors(
            gettext_lazy(
                "Un par ligne de la cellule : le nom (en français ou en anglais) ou le code d'un facteur de protection "
                "que vise l'un des objectifs du plan."
            )
        ),
        Column(
            "services",
            gettext_lazy("Services de l'Outil 6 prolongés"),
            form_field=False,
            help=gettext_lazy(
                "Un par ligne de la cellule : « nom de l'organisme — nom du service », tels que l'Outil 6 les inscrit."
            ),
        ),
        Column(
            "budget_total",
            gettext_lazy("Budget total"),
            form_field=False,
            help=gettext_lazy(
                "Calculé par l'export à partir de la feuille « Budget » : l'importation n'en tient pas compte."
            ),
        ),
    ),
    example=(
        "Croque-livres",
        "Des boîtes de livres dans les parcs.",
        "Favoriser l'éveil à la lecture — Famille",
        "Familles",
        "Quartier du Parc",
        "",
        "2025-09-01",
        "2026-06-30",
        str(ActionStatus.PLANNED.label),
        str(FollowUp.QUARTERLY.label),
        "",
        "",
        "",
        "",
        "",
    ),
)

PARTNERS = SheetSpec(
    key="partners",
    title=gettext_lazy("Partenaires des actions"),
    required=False,
    columns=(
        ACTION_REF,
        Column(
            "organization",
            gettext_lazy("Organisme"),
            required=True,
            form_field=False,
            help=gettext_lazy("Le nom d'un organisme partenaire déjà inscrit (sans égard aux majuscules)."),
        ),
        Column("role", gettext_lazy("Rôle")),
        Column("contribution_in_kind", gettext_lazy("Contribution en nature")),
        Column("contribution_money", gettext_lazy("Contribution en argent"), kind=DECIMAL),
    ),
)

MILESTONES = SheetSpec(
    key="milestones",
    title=gettext_lazy("Jalons"),
    required=False,
    columns=(
        ACTION_REF,
        Column("title", gettext_lazy("Jalon"), required=True),
        Column("date", gettext_lazy("Date"), required=True, kind=DATE),
        Column("done", gettext_lazy("Atteint"), kind=FLAG),
    ),
)

BUDGET = SheetSpec(
    key="budget",
    title=gettext_lazy("Budget"),
    required=False,
    columns=(
        ACTION_REF,
        Column("year", gettext_lazy("Année"), required=True, help=gettext_lazy("Une année du cycle.")),
        Column(
            "funder",
            gettext_lazy("Bailleur"),
            required=True,
            form_field=False,
            help=gettext_lazy(
                "Le nom d'un bailleur de fonds de la feuille « Bailleurs de fonds » ou de la liste du regroupement "
                "(sans égard aux majuscules)."
            ),
        ),
        Column("status", gettext_lazy("Statut"), kind=CHOICE, choices=tuple(BudgetStatus.choices)),
        Column("nature", gettext_lazy("Nature"), kind=CHOICE, choices=tuple(BudgetNature.choices)),
        Column("amount", gettext_lazy("Montant"), required=True, kind=DECIMAL),
    ),
)

FUNDERS = SheetSpec(
    key="funders",
    title=gettext_lazy("Bailleurs de fonds"),
    required=False,
    columns=(
        Column("name", gettext_lazy("Bailleur"), required=True),
        Column("kind", gettext_lazy("Type"), required=True, kind=CHOICE, choices=tuple(FunderKind.choices)),
    ),
    example=("Fondation Lucie-et-André", str(FunderKind.FOUNDATION.label)),
)

SHEETS = (OBJECTIVES, TRANSFORMATIONS, INDICATORS, TARGETS, ACTIONS, PARTNERS, MILESTONES, BUDGET, FUNDERS)


# --- The export's rows, in the order of each sheet's columns -----------------------------------------------------


def transformation_label(transformation) -> str:
    """How an action's cell names one of its transformations: « objective — system »."""
    return f"{transformation.objective.title} — {transformation.get_system_display()}"


def priority_label(priority) -> str:
    """How an objective's cell names one of the priorities it answers: « rank. finding » on one line."""
    return f"{priority.position}. {' '.join(priority.finding.statement.split())}"


def service_label(service) -> str:
    """How an action's cell names one of Outil 6's services: « organization — service », as the action's page."""
    return f"{service.organization.name} — {service.name}"


def factor_cell(factors) -> str:
    return LINES.join(factor.name for factor in factors)


def objective_rows(plan) -> list[list[object]]:
    priorities = plan.links.objective_priorities
    return [
        [
            o.position,
            o.title,
            o.description,
            LINES.join(priority_label(p) for p in priorities.get(o.pk, [])),
            factor_cell(o.plan_factors),
        ]
        for o in plan.objectives
    ]


def transformation_rows(plan) -> list[list[object]]:
    return [
        [
            t.objective.title,
            t.get_system_display(),
            t.statement,
            t.lead.name if t.lead else "",
            LINES.join(p.name for p in t.partner_list),
            factor_cell(t.factor_list),
        ]
        for t in plan.transformations
    ]


def indicator_rows(plan) -> list[list[object]]:
    return [
        [
            t.objective.title,
            t.get_system_display(),
            i.name,
            i.definition,
            i.unit,
            i.get_polarity_display(),
            i.data_source,
            i.collection_tool,
            i.frequency,
            i.baseline_value,
            i.baseline_date,
            i.baseline_source,
        ]
        for t in plan.transformations
        for i in t.indicator_list
    ]


def target_rows(plan) -> list[list[object]]:
    return [
        [t.objective.title, t.get_system_display(), i.name, target.value, target.date]
        for t in plan.transformations
        for i in t.indicator_list
        for target in i.target_list
    ]


def action_rows(plan) -> list[list[object]]:
    return [
        [
            a.title,
            a.description,
            LINES.join(transformation_label(t) for t in a.transformation_list),
            LINES.join(clientele_labels(a.clienteles)),
            a.territory,
            a.lead.name if a.lead else "",
            a.starts_on,
            a.ends_on,
            a.get_status_display(),
            a.get_follow_up_display(),
            a.human_resources,
            a.material_resources,
            factor_cell(plan.links.action_factors.get(a.pk, [])),
            LINES.join(service_label(s) for s in plan.links.action_services.get(a.pk, [])),
            a.budget_total,
        ]
        for a in plan.actions
    ]


def partner_rows(plan) -> list[list[object]]:
    return [
        [a.title, p.organization.name, p.role, p.contribution_in_kind, p.contribution_money]
        for a in plan.actions
        for p in a.partner_list
    ]


def milestone_rows(plan) -> list[list[object]]:
    return [[a.title, m.title, m.date, m.done] for a in plan.actions for m in a.milestone_list]


def budget_rows(plan) -> list[list[object]]:
    return [
        [a.title, line.year, line.funder.name, line.get_status_display(), line.get_nature_display(), line.amount]
        for a in plan.actions
        for line in a.budget_list
    ]


def funder_rows(plan) -> list[list[object]]:
    """The funders the plan's budget names (the partnership's list holds others, which this plan does not need)."""
    named = {line.funder.pk: line.funder for line in plan.budget_lines}
    return [[f.name, f.get_kind_display()] for f in sorted(named.values(), key=lambda f: (f.name.casefold(), f.pk))]


ROWS = {
    OBJECTIVES.key: objective_rows,
    TRANSFORMATIONS.key: transformation_rows,
    INDICATORS.key: indicator_rows,
    TARGETS.key: target_rows,
    ACTIONS.key: action_rows,
    PARTNERS.key: partner_rows,
    MILESTONES.key: milestone_rows,
    BUDGET.key: budget_rows,
    FUNDERS.key: funder_rows,
}


def _check(context, tables):
    from .importing.check import check  # which reads these sheets: imported when an import runs

    return check(context, tables)


IMPORTERS = (
    Importer(
        key="plan",
        title=gettext_lazy("Importer un plan d'action"),
        tool=9,
        sheets=SHEETS,
        check=_check,
        perm=Perm.EDIT_PLAN,
        back="plan:home",
        document="plan",
        rules=(
            gettext_lazy(
                "Les lignes se désignent par ce que l'export écrit : un objectif par son titre, une transformation "
                "par son objectif et son système, un indicateur par son nom dans sa transformation, une action par "
                "son titre, un organisme ou un bailleur par son nom (sans égard aux majuscules)."
            ),
            gettext_lazy(
                "Une ligne qui désigne une fiche déjà inscrite la met à jour ; toute autre ligne en ajoute une ; "
                "rien n'est supprimé. Importer de nouveau l'export ne change rien."
            ),
            gettext_lazy(
                "Une cible est reconnue par son indicateur et son échéance, un partenaire par son action et son "
                "organisme, un jalon par son action et son titre, une ligne budgétaire par son action, son année "
                "et son bailleur."
            ),
            gettext_lazy(
                "Créer ou modifier un objectif demande aussi le droit de modifier les priorités (Outil 8). Les "
                "priorités, les facteurs de protection et les services se nomment un par ligne de la cellule ; une "
                "colonne absente du fichier garde les liens de la fiche déjà inscrite, une cellule vide les retire. "
                "La donnée de l'Outil 5 citée par un indicateur n'est pas dans ce classeur : celle d'un indicateur "
                "déjà inscrit reste telle quelle."
            ),
        ),
    ),
)
