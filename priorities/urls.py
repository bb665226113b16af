from django.urls import path

from . import history_views, objective_views, views, vote_views

app_name = "priorities"

CYCLE = "p/<slug:slug>/cycles/<int:cycle_pk>/priorites/"
VOTE = CYCLE + "votes/<int:vote_pk>/"
OBJECTIVE = CYCLE + "objectifs/<int:objective_pk>/"

urlpatterns = [
    path(CYCLE, views.home, name="home"),
    path(CYCLE + "candidates/", views.candidates, name="candidates"),
    path(CYCLE + "choix/", views.choose, name="choose"),
    path(CYCLE + "retenues/<int:priority_pk>/retirer/", views.priority_remove, name="priority_remove"),
    path(CYCLE + "retenues/<int:priority_pk>/historique/", history_views.priority_history, name="priority_history"),
    path(CYCLE + "facteurs/", views.factors, name="factors"),
    path(CYCLE + "facteurs/historique/", history_views.factors_history, name="factors_history"),
    path(CYCLE + "votes/nouveau/", vote_views.vote_create, name="vote_create"),
    path(VOTE, vote_views.vote_detail, name="vote_detail"),
    path(VOTE + "ouvrir/", vote_views.vote_open, name="vote_open"),
    path(VOTE + "fermer/", vote_views.vote_close, name="vote_close"),
    path(VOTE + "bulletin/", vote_views.ballot, name="ballot"),
    path(VOTE + "historique/", history_views.vote_history, name="vote_history"),
    path(CYCLE + "objectifs/", objective_views.objectives, name="objectives"),
    path(CYCLE + "objectifs/nouveau/", objective_views.objective_create, name="objective_create"),
    path(OBJECTIVE + "modifier/", objective_views.objective_edit, name="objective_edit"),
    path(OBJECTIVE + "supprimer/", objective_views.objective_delete, name="objective_delete"),
    path(OBJECTIVE + "historique/", objective_views.objective_history, name="objective_history"),
]
