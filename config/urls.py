from allauth.account.decorators import secure_admin_login
from django.contrib import admin
from django.urls import include, path

from accounts.views.email import email_management_not_offered

# Django's admin has its own sign-in form, which knows nothing of the second factor: it sends to allauth's instead.
admin.site.login = secure_admin_login(admin.site.login)

# A database outage, wherever it is met (a middleware reading the session, or the view), is a 503 to retry.
handler500 = "core.errors.server_error"

urlpatterns = [
    path("", include("core.urls")),
    path("", include("privacy.urls")),
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
    path("", include("plan.urls")),
    path("", include("followup.urls")),
    path("", include("evaluation.urls")),
    path("", include("diagnostic.urls")),
    path("", include("documents.urls")),
    path("", include("archive.urls")),
    path("", include("imports.urls")),
    path("", include("api.urls")),
    path("comptes/email/", email_management_not_offered),
    path("comptes/", include("allauth.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
]
