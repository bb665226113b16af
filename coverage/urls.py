from django.urls import path

from . import views

app_name = "coverage"
urlpatterns = [
    path("p/<slug:slug>/facteurs/intervention/", views.matrix, name="matrix"),
    path("p/<slug:slug>/facteurs/intervention/<int:organization_pk>/", views.row_edit, name="row_edit"),
    path("p/<slug:slug>/facteurs/intervention/<int:organization_pk>/historique/", views.history, name="history"),
    path("p/<slug:slug>/facteurs/couverture/", views.heatmap, name="heatmap"),
]
