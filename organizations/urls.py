from core.routes import partnership_path

from .views import organizations

app_name = "organizations"
urlpatterns = [
    partnership_path("organismes/", organizations.organization_list, name="list"),
    partnership_path("organismes/nouveau/", organizations.organization_create, name="create"),
    partnership_path("organismes/<int:organization_pk>/", organizations.organization_detail, name="detail"),
    partnership_path("organismes/<int:organization_pk>/modifier/", organizations.organization_edit, name="edit"),
    partnership_path("organismes/<int:organization_pk>/supprimer/", organizations.organization_delete, name="delete"),
    partnership_path(
        "organismes/<int:organization_pk>/historique/", organizations.organization_history, name="history"
    ),
]
