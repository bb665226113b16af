from django.urls import path

from . import views

app_name = "privacy"
urlpatterns = [
    path("confidentialite/", views.notice, name="notice"),
    path("confidentialite/accepter/", views.accept, name="accept"),
    path("confidentialite/mon-compte/", views.account, name="account"),
    path("confidentialite/mes-renseignements.json", views.download, name="download"),
    path("confidentialite/fermer-mon-compte/", views.close, name="close"),
]
