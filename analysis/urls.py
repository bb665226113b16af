from core.routes import cycle_path, partnership_path

from .views import charts, findings, home, observations, statistics

app_name = "analysis"
urlpatterns = [
    partnership_path("donnees/", statistics.statistic_list, name="statistics"),
    partnership_path("donnees/nouvelle/", statistics.statistic_create, name="statistic_create"),
    partnership_path("donnees/exemple-eqdem.csv", statistics.statistic_example, name="statistic_example"),
    partnership_path("donnees/graphique/", charts.statistic_chart, name="statistic_chart"),
    partnership_path("donnees/<int:statistic_pk>/", statistics.statistic_detail, name="statistic_detail"),
    partnership_path("donnees/<int:statistic_pk>/modifier/", statistics.statistic_edit, name="statistic_edit"),
    partnership_path("donnees/<int:statistic_pk>/supprimer/", statistics.statistic_delete, name="statistic_delete"),
    partnership_path("donnees/<int:statistic_pk>/historique/", statistics.statistic_history, name="statistic_history"),
    partnership_path("observations/", observations.observation_list, name="observations"),
    partnership_path("observations/nouvelle/", observations.observation_create, name="observation_create"),
    partnership_path("observations/<int:observation_pk>/", observations.observation_detail, name="observation_detail"),
    partnership_path(
        "observations/<int:observation_pk>/modifier/", observations.observation_edit, name="observation_edit"
    ),
    partnership_path(
        "observations/<int:observation_pk>/supprimer/", observations.observation_delete, name="observation_delete"
    ),
    partnership_path(
        "observations/<int:observation_pk>/historique/", observations.observation_history, name="observation_history"
    ),
    cycle_path("outil-5/", home.home, name="home"),
    cycle_path("constats/", findings.finding_list, name="findings"),
    cycle_path("constats/nouveau/", findings.finding_create, name="finding_create"),
    cycle_path("constats/<int:finding_pk>/", findings.finding_detail, name="finding_detail"),
    cycle_path("constats/<int:finding_pk>/modifier/", findings.finding_edit, name="finding_edit"),
    cycle_path("constats/<int:finding_pk>/supprimer/", findings.finding_delete, name="finding_delete"),
    cycle_path("constats/<int:finding_pk>/historique/", findings.finding_history, name="finding_history"),
]
