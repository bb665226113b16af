from core.routes import partnership_path

from .views import heatmap, matrix

app_name = "coverage"
urlpatterns = [
    partnership_path("facteurs/intervention/", matrix.matrix, name="matrix"),
    partnership_path("facteurs/intervention/<int:organization_pk>/", matrix.row_edit, name="row_edit"),
    partnership_path("facteurs/intervention/<int:organization_pk>/historique/", matrix.history, name="history"),
    partnership_path("facteurs/couverture/", heatmap.heatmap, name="heatmap"),
]
