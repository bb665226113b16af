from django.urls import path

from core.routes import cycle_path, partnership_path

from .views import comparison, cycles, guide, next_cycle, steps

app_name = "cycles"
urlpatterns = [
    path("guide/", guide.guide, name="guide"),
    partnership_path("cycles/", cycles.cycle_list, name="list"),
    partnership_path("cycles/nouveau/", cycles.cycle_create, name="create"),
    cycle_path("", cycles.cycle_detail, name="detail"),
    cycle_path("modifier/", cycles.cycle_edit, name="edit"),
    cycle_path("suivant/", next_cycle.cycle_start_next, name="start_next"),
    partnership_path("cycles/comparer/", comparison.cycle_compare, name="compare"),
    cycle_path("historique/", cycles.cycle_history, name="history"),
    cycle_path("etapes/<int:step_number>/statut/", steps.step_status, name="step_status"),
    cycle_path("etapes/<int:step_number>/historique/", steps.step_history, name="step_history"),
]
