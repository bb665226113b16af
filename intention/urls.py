from django.urls import path

from .views import commitments, rules

app_name = "intention"
urlpatterns = [
    path("p/<slug:slug>/cycles/<int:cycle_pk>/etape-1/", commitments.step, name="step"),
    path(
        "p/<slug:slug>/cycles/<int:cycle_pk>/etape-1/engagements/<int:organization_pk>/",
        commitments.commitment_edit,
        name="commitment_edit",
    ),
    path(
        "p/<slug:slug>/engagements/<int:commitment_pk>/document/",
        commitments.commitment_document,
        name="commitment_document",
    ),
    path(
        "p/<slug:slug>/engagements/<int:commitment_pk>/historique/",
        commitments.commitment_history,
        name="commitment_history",
    ),
    path("p/<slug:slug>/regles/", rules.rules, name="rules"),
    path("p/<slug:slug>/regles/nouvelle/", rules.rules_create, name="rules_create"),
    path("p/<slug:slug>/regles/<int:rules_pk>/", rules.rules_version, name="rules_version"),
    path("p/<slug:slug>/regles/<int:rules_pk>/modifier/", rules.rules_edit, name="rules_edit"),
    path("p/<slug:slug>/regles/<int:rules_pk>/adopter/", rules.rules_adopt, name="rules_adopt"),
    path("p/<slug:slug>/regles/<int:rules_pk>/historique/", rules.rules_history, name="rules_history"),
]
