"""Site administration: import a partnership's archive as a new partnership."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from archive.format import ArchiveError
from archive.forms import ImportForm
from archive.importer import ImportResult, import_partnership
from core.submissions import create_once
from partnerships.views.administration import site_admin_view


@site_admin_view
def import_archive(request: HttpRequest) -> HttpResponse:
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            created = create_once(
                request,
                form,
                create=lambda: import_partnership(source=form.cleaned_data["archive"], slug=form.cleaned_data["slug"]),
                url=lambda result: reverse("partnerships:admin_list"),
                message=imported_message,
            )
        except ArchiveError as error:
            form.add_error("archive", str(error))
        else:
            if created:
                return created
    return render(request, "archive/import.html", {"form": form}, status=400 if form.errors else 200)


def imported_message(result: ImportResult) -> str:
    message = _(
        "Le regroupement « %(name)s » a été importé à l'adresse /p/%(slug)s/ : %(records)s enregistrements et "
        "%(files)s fichiers."
    ) % {
        "name": result.partnership.name,
        "slug": result.partnership.slug,
        "records": result.records,
        "files": result.files,
    }
    if result.created_people:
        message += " " + ngettext(
            "%(count)s personne n'avait pas de compte ici : son compte a été créé inactif, sans mot de passe.",
            "%(count)s personnes n'avaient pas de compte ici : leurs comptes ont été créés inactifs, sans mot de "
            "passe.",
            len(result.created_people),
        ) % {"count": len(result.created_people)}
    return message
