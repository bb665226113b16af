from django.urls import include, path

from . import views

app_name = "cycles"

cycle_patterns = [
    path("", views.cycle_detail, name="detail"),
    path("modifier/", views.cycle_edit, name="edit"),
    path("historique/", views.cycle_history, name="history"),
    path("etapes/<int:step_number>/statut/", views.step_status, name="step_status"),
    path("etapes/<int:step_number>/historique/", views.step_history, name="step_history"),
]

urlpatterns = [
    path("guide/", views.guide, name="guide"),
    path("p/<slug:slug>/cycles/", views.cycle_list, name="list"),
    path("p/<slug:slug>/cycles/nouveau/", views.cycle_create, name="create"),
    path("p/<slug:slug>/cycles/<int:cycle_pk>/", include(cycle_patterns)),
]
