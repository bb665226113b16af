from django.urls import path

from . import views

app_name = "organizations"
urlpatterns = [
    path("", views.organization_list, name="list"),
    path("nouveau/", views.organization_create, name="create"),
    path("<int:organization_pk>/", views.organization_detail, name="detail"),
    path("<int:organization_pk>/modifier/", views.organization_edit, name="edit"),
    path("<int:organization_pk>/supprimer/", views.organization_delete, name="delete"),
    path("<int:organization_pk>/historique/", views.organization_history, name="history"),
]
