from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language


def guide(request: HttpRequest) -> HttpResponse:
    """Outil 1. Its prose is too long for the translation catalogue: one template per language instead."""
    language = "en" if (get_language() or "").startswith("en") else "fr"
    return render(request, f"cycles/guide/{language}.html")
