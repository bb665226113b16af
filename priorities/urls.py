from core.routes import cycle_path

from .views import candidates, factors, objectives, overview, votes

app_name = "priorities"

VOTE = "priorites/votes/<int:vote_pk>/"
OBJECTIVE = "priorites/objectifs/<int:objective_pk>/"
PRIORITY = "priorites/retenues/<int:priority_pk>/"

urlpatterns = [
    cycle_path("priorites/", overview.home, name="home"),
    cycle_path("priorites/candidates/", candidates.candidates, name="candidates"),
    cycle_path("priorites/choix/", candidates.choose, name="choose"),
    cycle_path(PRIORITY + "retirer/", candidates.priority_remove, name="priority_remove"),
    cycle_path(PRIORITY + "historique/", candidates.priority_history, name="priority_history"),
    cycle_path("priorites/facteurs/", factors.factors, name="factors"),
    cycle_path("priorites/facteurs/historique/", factors.factors_history, name="factors_history"),
    cycle_path("priorites/votes/nouveau/", votes.vote_create, name="vote_create"),
    cycle_path(VOTE, votes.vote_detail, name="vote_detail"),
    cycle_path(VOTE + "ouvrir/", votes.vote_open, name="vote_open"),
    cycle_path(VOTE + "fermer/", votes.vote_close, name="vote_close"),
    cycle_path(VOTE + "bulletin/", votes.ballot, name="ballot"),
    cycle_path(VOTE + "historique/", votes.vote_history, name="vote_history"),
    cycle_path("priorites/objectifs/", objectives.objectives, name="objectives"),
    cycle_path("priorites/objectifs/nouveau/", objectives.objective_create, name="objective_create"),
    cycle_path(OBJECTIVE, objectives.objective_detail, name="objective_detail"),
    cycle_path(OBJECTIVE + "modifier/", objectives.objective_edit, name="objective_edit"),
    cycle_path(OBJECTIVE + "supprimer/", objectives.objective_delete, name="objective_delete"),
    cycle_path(OBJECTIVE + "historique/", objectives.objective_history, name="objective_history"),
]
