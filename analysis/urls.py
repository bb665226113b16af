from django.urls import include, path

from .views import charts, findings, home, imports, observations, statistics

app_name = "analysis"

statistic_patterns = [
    path("", statistics.statistic_list, name="statistics"),
    path("nouvelle/", statistics.statistic_create, name="statistic_create"),
    path("importer/", imports.statistic_import, name="statistic_import"),
    path("modele/", imports.statistic_template, name="statistic_template"),
    path("exemple-eqdem.csv", imports.statistic_example, name="statistic_example"),
    path("graphique/", charts.statistic_chart, name="statistic_chart"),
    path("<int:statistic_pk>/", statistics.statistic_detail, name="statistic_detail"),
    path("<int:statistic_pk>/modifier/", statistics.statistic_edit, name="statistic_edit"),
    path("<int:statistic_pk>/supprimer/", statistics.statistic_delete, name="statistic_delete"),
    path("<int:statistic_pk>/historique/", statistics.statistic_history, name="statistic_history"),
]

observation_patterns = [
    path("", observations.observation_list, name="observations"),
    path("nouvelle/", observations.observation_create, name="observation_create"),
    path("<int:observation_pk>/", observations.observation_detail, name="observation_detail"),
    path("<int:observation_pk>/modifier/", observations.observation_edit, name="observation_edit"),
    path("<int:observation_pk>/supprimer/", observations.observation_delete, name="observation_delete"),
    path("<int:observation_pk>/historique/", observations.observation_history, name="observation_history"),
]

finding_patterns = [
    path("", findings.finding_list, name="findings"),
    path("nouveau/", findings.finding_create, name="finding_create"),
    path("<int:finding_pk>/", findings.finding_detail, name="finding_detail"),
    path("<int:finding_pk>/modifier/", findings.finding_edit, name="finding_edit"),
    path("<int:finding_pk>/supprimer/", findings.finding_delete, name="finding_delete"),
    path("<int:finding_pk>/historique/", findings.finding_history, name="finding_history"),
]

urlpatterns = [
    path("p/<slug:slug>/donnees/", include(statistic_patterns)),
    path("p/<slug:slug>/observations/", include(observation_patterns)),
    path("p/<slug:slug>/cycles/<int:cycle_pk>/outil-5/", home.home, name="home"),
    path("p/<slug:slug>/cycles/<int:cycle_pk>/constats/", include(finding_patterns)),
]
