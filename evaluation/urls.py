from core.routes import cycle_path

from .views import dashboard, measurements, questionings, reviews, summary

app_name = "evaluation"

INDICATOR = "evaluation/indicateurs/<int:indicator_pk>/"
MEASUREMENT = "evaluation/mesures/<int:measurement_pk>/"
REVIEW = "evaluation/bilans/<int:review_pk>/"
QUESTIONING = "evaluation/remises-en-question/<int:questioning_pk>/"

urlpatterns = [
    cycle_path("evaluation/", dashboard.dashboard, name="dashboard"),
    cycle_path(INDICATOR, measurements.indicator_measurements, name="indicator"),
    cycle_path(INDICATOR + "nouvelle-mesure/", measurements.measurement_create, name="measurement_create"),
    cycle_path(MEASUREMENT, measurements.measurement_detail, name="measurement_detail"),
    cycle_path(MEASUREMENT + "modifier/", measurements.measurement_edit, name="measurement_edit"),
    cycle_path(MEASUREMENT + "supprimer/", measurements.measurement_delete, name="measurement_delete"),
    cycle_path(MEASUREMENT + "historique/", measurements.measurement_history, name="measurement_history"),
    cycle_path("evaluation/bilans/", reviews.review_list, name="reviews"),
    cycle_path("evaluation/bilans/nouveau/", reviews.review_create, name="review_create"),
    cycle_path(REVIEW, reviews.review_detail, name="review_detail"),
    cycle_path(REVIEW + "modifier/", reviews.review_edit, name="review_edit"),
    cycle_path(REVIEW + "supprimer/", reviews.review_delete, name="review_delete"),
    cycle_path(REVIEW + "historique/", reviews.review_history, name="review_history"),
    cycle_path(REVIEW + "decisions/", reviews.review_decisions, name="review_decisions"),
    cycle_path(REVIEW + "decisions/<int:decision_pk>/appliquer/", reviews.decision_apply, name="decision_apply"),
    cycle_path("evaluation/remises-en-question/", questionings.questioning_list, name="questionings"),
    cycle_path("evaluation/remises-en-question/nouvelle/", questionings.questioning_create, name="questioning_create"),
    cycle_path(QUESTIONING, questionings.questioning_detail, name="questioning_detail"),
    cycle_path(QUESTIONING + "modifier/", questionings.questioning_edit, name="questioning_edit"),
    cycle_path(QUESTIONING + "supprimer/", questionings.questioning_delete, name="questioning_delete"),
    cycle_path(QUESTIONING + "historique/", questionings.questioning_history, name="questioning_history"),
    cycle_path("evaluation/synthese/", summary.summary, name="summary"),
]
