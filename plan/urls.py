from core.routes import cycle_path, partnership_path

from .views import actions, funders, home, indicators, overview, sets, transformations, versions

app_name = "plan"

TRANSFORMATION = "plan/transformations/<int:transformation_pk>/"
INDICATOR = "plan/indicateurs/<int:indicator_pk>/"
ACTION = "plan/actions/<int:action_pk>/"
FUNDER = "bailleurs/<int:funder_pk>/"

urlpatterns = [
    cycle_path("plan/", home.home, name="home"),
    cycle_path("plan/mes-actions/", home.my_actions, name="my_actions"),
    cycle_path("plan/vue-ensemble/", overview.overview_page, name="overview"),
    partnership_path("bailleurs/", funders.funders, name="funders"),
    partnership_path(FUNDER + "modifier/", funders.funder_edit, name="funder_edit"),
    partnership_path(FUNDER + "supprimer/", funders.funder_delete, name="funder_delete"),
    partnership_path(FUNDER + "historique/", funders.funder_history, name="funder_history"),
    cycle_path("plan/transformations/nouvelle/", transformations.transformation_create, name="transformation_create"),
    cycle_path(TRANSFORMATION, transformations.transformation_detail, name="transformation_detail"),
    cycle_path(TRANSFORMATION + "modifier/", transformations.transformation_edit, name="transformation_edit"),
    cycle_path(TRANSFORMATION + "supprimer/", transformations.transformation_delete, name="transformation_delete"),
    cycle_path(TRANSFORMATION + "historique/", transformations.transformation_history, name="transformation_history"),
    cycle_path(TRANSFORMATION + "indicateurs/nouveau/", indicators.indicator_create, name="indicator_create"),
    cycle_path(INDICATOR, indicators.indicator_detail, name="indicator_detail"),
    cycle_path(INDICATOR + "modifier/", indicators.indicator_edit, name="indicator_edit"),
    cycle_path(INDICATOR + "supprimer/", indicators.indicator_delete, name="indicator_delete"),
    cycle_path(INDICATOR + "historique/", indicators.indicator_history, name="indicator_history"),
    cycle_path(INDICATOR + "cibles/", sets.targets, name="targets"),
    cycle_path("plan/actions/", actions.actions, name="actions"),
    cycle_path("plan/actions/nouvelle/", actions.action_create, name="action_create"),
    cycle_path(ACTION, actions.action_detail, name="action_detail"),
    cycle_path(ACTION + "modifier/", actions.action_edit, name="action_edit"),
    cycle_path(ACTION + "supprimer/", actions.action_delete, name="action_delete"),
    cycle_path(ACTION + "historique/", actions.action_history, name="action_history"),
    cycle_path(ACTION + "partenaires/<int:part_pk>/", actions.contribution_edit, name="contribution_edit"),
    cycle_path(ACTION + "partenaires/", sets.partners, name="partners"),
    cycle_path(ACTION + "jalons/", sets.milestones, name="milestones"),
    cycle_path(ACTION + "budget/", sets.budget, name="budget"),
    cycle_path("plan/versions/", versions.versions, name="versions"),
    cycle_path("plan/versions/adopter/", versions.version_adopt, name="version_adopt"),
    cycle_path("plan/versions/<int:version_pk>/", versions.version_detail, name="version_detail"),
    cycle_path("plan/versions/comparer/", versions.version_compare, name="version_compare"),
]
