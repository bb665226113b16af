from core.routes import cycle_path

from .views import dashboard, measurements

app_name = "evaluation"

INDICATOR = "evaluation/indicateurs/<int:indicator_pk>/"
MEASUREMENT = "evaluation/mesures/<int:measurement_pk>/"

urlpatterns = [
    cycle_path("evaluation/", dashboard.dashboard, name="dashboard"),
    cycle_path(INDICATOR, measurements.indicator_measurements, name="indicator"),
    cycle_path(INDICATOR + "nouvelle-mesure/", measurements.measurement_create, name="measurement_create"),
    cycle_path(MEASUREMENT, measurements.measurement_detail, name="measurement_detail"),
    cycle_path(MEASUREMENT + "modifier/", measurements.measurement_edit, name="measurement_edit"),
    cycle_path(MEASUREMENT + "supprimer/", measurements.measurement_delete, name="measurement_delete"),
    cycle_path(MEASUREMENT + "historique/", measurements.measurement_history, name="measurement_history"),
]
