from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from partnerships.access import PartnershipAccess, partnership_view


@partnership_view()
def rules(request: HttpRequest, access: PartnershipAccess) -> HttpResponse:
    return render(request, "intention/rules.html", {"access": access, "section": "rules"})
