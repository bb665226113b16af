from django.urls import path

from . import local_views, views

app_name = "factors"
urlpatterns = [
    path("p/<slug:slug>/facteurs/", views.summary, name="summary"),
    path("p/<slug:slug>/facteurs/fiches/", views.sheet_index, name="sheets"),
    path("p/<slug:slug>/facteurs/fiches/<int:factor_pk>/", views.sheet, name="sheet"),
    path("p/<slug:slug>/facteurs/fiches/<int:factor_pk>/historique/", views.factor_history, name="history"),
    path("p/<slug:slug>/facteurs/locaux/nouveau/", local_views.local_create, name="local_create"),
    path("p/<slug:slug>/facteurs/locaux/<int:factor_pk>/modifier/", local_views.local_edit, name="local_edit"),
    path("p/<slug:slug>/facteurs/locaux/<int:factor_pk>/supprimer/", local_views.local_delete, name="local_delete"),
    path(
        "p/<slug:slug>/facteurs/fiches/<int:factor_pk>/composantes/nouvelle/",
        local_views.element_create,
        name="element_create",
    ),
    path(
        "p/<slug:slug>/facteurs/composantes/<int:element_pk>/modifier/",
        local_views.element_edit,
        name="element_edit",
    ),
    path(
        "p/<slug:slug>/facteurs/composantes/<int:element_pk>/supprimer/",
        local_views.element_delete,
        name="element_delete",
    ),
    path(
        "p/<slug:slug>/facteurs/composantes/<int:element_pk>/historique/",
        views.element_history,
        name="element_history",
    ),
]
