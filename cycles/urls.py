from django.urls import path

from core.routes import cycle_path, partnership_path

from .views import cycles, guide, steps

app_name = "cycles"
urlpatterns = [
    path("guide/", guide.guide, name="guide"),
    partnership_path("cycles/", cycles.cycle_list, name="list"),
    partnership_path("cycles/nouveau/", cycles.cycle_create, name="create"),
    cycle_path("", cycles.cycle_detail, name="detail"),
    cycle_path("modifier/", cycles.cycle_edit, name="edit"),
    cycle_path("historique/", cycles.cycle_history, name="history"),
    cycle_path("etapes/<int:step_number>/statut/", steps.step_status, name="step_status"),
    cycle_path("etapes/<int:step_number>/historique/", steps.step_history, name="step_history"),
]
