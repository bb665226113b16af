from django.urls import path

from . import views

app_name = "intention"
urlpatterns = [
    path("p/<slug:slug>/regles/", views.rules, name="rules"),
]
