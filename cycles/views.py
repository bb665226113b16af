from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from partnerships.access import PartnershipAccess, partnership_view


def guide(request: HttpRequest) -> HttpResponse:
    return render(request, "cycles/guide.html")


@partnership_view()
def cycle_list(request: HttpRequest, access: PartnershipAccess) -> HttpResponse:
    return render(request, "cycles/cycle_list.html", {"access": access, "section": "cycles"})
