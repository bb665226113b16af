from django.urls import path

from . import views

app_name = "cycles"
urlpatterns = [
    path("guide/", views.guide, name="guide"),
    path("p/<slug:slug>/cycles/", views.cycle_list, name="list"),
]
