"""What the cycle's page says of each tool's progress, in words ("32 services de 9 organismes sur 12").

Each app says it in `<app>/progress.py`: `progress(partnership, cycle) -> dict[str, list[str]]`, keyed by the URL
name of the tool's page (or of a step's own page), a few phrases each; one query per app where it can, its counts
asked together with core.counting.counts.
"""

from core.hooks import app_functions
from partnerships.models import Partnership

from .models import Cycle


def tools_progress(*, partnership: Partnership, cycle: Cycle) -> dict[str, list[str]]:
    said: dict[str, list[str]] = {}
    for _app, progress in app_functions("progress", "progress"):
        for name, phrases in progress(partnership, cycle).items():
            said.setdefault(name, []).extend(phrases)
    return said
