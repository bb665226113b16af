from django.urls import path

from core.routes import partnership_path

from .views import exports, imports

app_name = "archive"
urlpatterns = [
    path("administration/regroupements/importer/", imports.import_archive, name="import"),
    partnership_path("archive/", exports.archive_page, name="page"),
    partnership_path("archive/telecharger/", exports.archive_download, name="download"),
]
