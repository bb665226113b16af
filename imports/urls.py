"""`…/importer/<key>/`: a cycle's imports under its cycle, the partnership's under the partnership, each with
its confirmation and its template. The two take differently named keys so that the isolation walk can give each
an importer of its scope."""

from core.routes import cycle_path, partnership_path

from . import views

app_name = "imports"

urlpatterns = [
    cycle_path("importer/<slug:importer>/", views.cycle_import, name="cycle"),
    cycle_path("importer/<slug:importer>/confirmer/", views.cycle_confirm, name="cycle_confirm"),
    cycle_path("importer/<slug:importer>/modele.xlsx", views.cycle_template, name="cycle_template"),
    partnership_path("importer/<slug:partnership_importer>/", views.partnership_import, name="partnership"),
    partnership_path(
        "importer/<slug:partnership_importer>/confirmer/", views.partnership_confirm, name="partnership_confirm"
    ),
    partnership_path(
        "importer/<slug:partnership_importer>/modele.xlsx", views.partnership_template, name="partnership_template"
    ),
]
