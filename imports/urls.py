"""`…/importer/<key>/`: a cycle's imports under its cycle, the partnership's under the partnership, each with
its confirmation and its template. The two take differently named keys so that the isolation walk can give each
an importer of its scope."""

from core.routes import cycle_path, partnership_path

from .views import pages

app_name = "imports"

urlpatterns = [
    cycle_path("importer/<slug:importer>/", pages.cycle_import, name="cycle"),
    cycle_path("importer/<slug:importer>/confirmer/", pages.cycle_confirm, name="cycle_confirm"),
    cycle_path("importer/<slug:importer>/modele.xlsx", pages.cycle_template, name="cycle_template"),
    partnership_path("importer/<slug:partnership_importer>/", pages.partnership_import, name="partnership"),
    partnership_path(
        "importer/<slug:partnership_importer>/confirmer/", pages.partnership_confirm, name="partnership_confirm"
    ),
    partnership_path(
        "importer/<slug:partnership_importer>/modele.xlsx", pages.partnership_template, name="partnership_template"
    ),
]
