from core.routes import partnership_path

from .views import answers, questionnaires, rounds

app_name = "diagnostic"

ROUND = "diagnostic/passations/<int:round_pk>/"

urlpatterns = [
    partnership_path("diagnostic/", rounds.round_list, name="rounds"),
    partnership_path("diagnostic/passations/nouvelle/", rounds.round_create, name="round_create"),
    partnership_path(ROUND, rounds.round_detail, name="round_detail"),
    partnership_path(ROUND + "modifier/", rounds.round_edit, name="round_edit"),
    partnership_path(ROUND + "fermer/", rounds.round_close, name="round_close"),
    partnership_path(ROUND + "historique/", rounds.round_history, name="round_history"),
    partnership_path(ROUND + "repondre/", answers.answer, name="answer"),
    partnership_path(ROUND + "code/", answers.receipt, name="receipt"),
    partnership_path(
        "diagnostic/questionnaires/<int:questionnaire_pk>/", questionnaires.questionnaire, name="questionnaire"
    ),
    partnership_path(
        "diagnostic/questionnaires/modele.json", questionnaires.questionnaire_template, name="questionnaire_template"
    ),
    partnership_path(
        "diagnostic/questionnaires/charger/", questionnaires.questionnaire_load, name="questionnaire_load"
    ),
]
