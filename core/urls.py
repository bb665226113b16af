from django.urls import path

from .health import healthz
from .security_txt import security_txt
from .views import home

app_name = "core"
urlpatterns = [
    path("", home.home, name="home"),
    path(".well-known/security.txt", security_txt, name="security_txt"),
    path("healthz", healthz, name="healthz"),
]
