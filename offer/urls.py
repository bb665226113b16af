from core.routes import partnership_path

from .views import gaps, services

app_name = "offer"
urlpatterns = [
    partnership_path("offre/", services.home, name="home"),
    partnership_path("offre/portrait/", gaps.gaps, name="gaps"),
    partnership_path("offre/nouveau/", services.service_create, name="service_create"),
    partnership_path("offre/<int:service_pk>/", services.service_detail, name="service_detail"),
    partnership_path("offre/<int:service_pk>/modifier/", services.service_edit, name="service_edit"),
    partnership_path("offre/<int:service_pk>/supprimer/", services.service_delete, name="service_delete"),
    partnership_path("offre/<int:service_pk>/historique/", services.service_history, name="service_history"),
]
