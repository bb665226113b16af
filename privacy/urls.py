from django.urls import path

from .views import account, notice

app_name = "privacy"
urlpatterns = [
    path("confidentialite/", notice.notice, name="notice"),
    path("confidentialite/accepter/", notice.accept, name="accept"),
    path("confidentialite/mon-compte/", account.account, name="account"),
    path("confidentialite/mes-renseignements.json", account.download, name="download"),
    path("confidentialite/fermer-mon-compte/", account.close, name="close"),
]
