from core.routes import partnership_path

from .views import catalogue, local

app_name = "factors"
urlpatterns = [
    partnership_path("facteurs/", catalogue.summary, name="summary"),
    partnership_path("facteurs/fiches/", catalogue.sheet_index, name="sheets"),
    partnership_path("facteurs/fiches/<int:factor_pk>/", catalogue.sheet, name="sheet"),
    partnership_path("facteurs/fiches/<int:factor_pk>/historique/", catalogue.factor_history, name="history"),
    partnership_path("facteurs/locaux/nouveau/", local.local_create, name="local_create"),
    partnership_path("facteurs/locaux/<int:factor_pk>/modifier/", local.local_edit, name="local_edit"),
    partnership_path("facteurs/locaux/<int:factor_pk>/supprimer/", local.local_delete, name="local_delete"),
    partnership_path(
        "facteurs/fiches/<int:factor_pk>/composantes/nouvelle/", local.element_create, name="element_create"
    ),
    partnership_path("facteurs/composantes/<int:element_pk>/modifier/", local.element_edit, name="element_edit"),
    partnership_path("facteurs/composantes/<int:element_pk>/supprimer/", local.element_delete, name="element_delete"),
    partnership_path(
        "facteurs/composantes/<int:element_pk>/historique/", catalogue.element_history, name="element_history"
    ),
]
