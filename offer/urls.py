from django.urls import path

from . import views

app_name = "offer"
urlpatterns = [
    path("p/<slug:slug>/offre/", views.home, name="home"),
    path("p/<slug:slug>/offre/portrait/", views.gaps, name="gaps"),
    path("p/<slug:slug>/offre/nouveau/", views.service_create, name="service_create"),
    path("p/<slug:slug>/offre/<int:service_pk>/", views.service_detail, name="service_detail"),
    path("p/<slug:slug>/offre/<int:service_pk>/modifier/", views.service_edit, name="service_edit"),
    path("p/<slug:slug>/offre/<int:service_pk>/supprimer/", views.service_delete, name="service_delete"),
    path("p/<slug:slug>/offre/<int:service_pk>/historique/", views.service_history, name="service_history"),
]
