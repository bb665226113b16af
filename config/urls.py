from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("", include("core.urls")),
    path("", include("partnerships.urls")),
    path("", include("organizations.urls")),
    path("", include("cycles.urls")),
    path("", include("meetings.urls")),
    path("", include("intention.urls")),
    path("", include("factors.urls")),
    path("", include("analysis.urls")),
    path("", include("offer.urls")),
    path("", include("coverage.urls")),
    path("", include("priorities.urls")),
    path("", include("diagnostic.urls")),
    path("comptes/", include("allauth.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
]
