from django.urls import path

from . import views
from .security_txt import security_txt

app_name = "core"
urlpatterns = [
    path("", views.home, name="home"),
    path(".well-known/security.txt", security_txt, name="security_txt"),
]
