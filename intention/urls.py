from core.routes import cycle_path, partnership_path

from .views import commitments, rules

app_name = "intention"
urlpatterns = [
    cycle_path("etape-1/", commitments.step, name="step"),
    cycle_path("etape-1/engagements/<int:organization_pk>/", commitments.commitment_edit, name="commitment_edit"),
    partnership_path(
        "engagements/<int:commitment_pk>/document/", commitments.commitment_document, name="commitment_document"
    ),
    partnership_path(
        "engagements/<int:commitment_pk>/historique/", commitments.commitment_history, name="commitment_history"
    ),
    partnership_path("regles/", rules.rules, name="rules"),
    partnership_path("regles/nouvelle/", rules.rules_create, name="rules_create"),
    partnership_path("regles/<int:rules_pk>/", rules.rules_version, name="rules_version"),
    partnership_path("regles/<int:rules_pk>/modifier/", rules.rules_edit, name="rules_edit"),
    partnership_path("regles/<int:rules_pk>/adopter/", rules.rules_adopt, name="rules_adopt"),
    partnership_path("regles/<int:rules_pk>/historique/", rules.rules_history, name="rules_history"),
]
