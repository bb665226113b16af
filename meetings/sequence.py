"""The standard sequence of meetings (Outil 2) is data (meetings/data/sequence.json), not code.

Per step, groups of meetings as the paper tool lists them — meeting 1; meetings 2–3; meetings 4–5; as many
planning meetings as the factors chosen call for; regular follow-up meetings; evaluation meetings, one of them on
how the partnership itself works — each group with its objectives and the tools it uses, in French and English.
`proposed_meetings` reads it into the meetings to propose; `meetings.services.sequence_give` creates them.
"""

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from django.utils.translation import get_language

SEQUENCE_PATH = Path(__file__).resolve().parent / "data" / "sequence.json"
PER_SELECTED_FACTOR = "selected_factors"


@dataclass(frozen=True)
class ProposedMeeting:
    code: str
    step: int
    title: str
    objectives: tuple[str, ...]
    tools: tuple[int, ...]


@dataclass(frozen=True)
class StepNote:
    step: int
    label: str
    note: str


@cache
def read_sequence(path: Path = SEQUENCE_PATH) -> dict[str, Any]:
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)


def _language(language: str | None) -> str:
    return "en" if (language or get_language() or "fr").startswith("en") else "fr"


def _text(entry: dict, name: str, language: str) -> Any:
    return entry.get(f"{name}_{language}") or entry.get(f"{name}_fr")


def proposed_meetings(
    data: dict[str, Any], *, selected_factors: int = 0, language: str | None = None
) -> list[ProposedMeeting]:
    """The meetings of the sequence in order, worded in `language` (the active one by default). A group that
    repeats per selected factor gives one meeting per factor of the cycle, at least one."""
    language = _language(language)
    proposed = []
    for group in data["groups"]:
        for meeting in group["meetings"]:
            objectives = tuple(_text(meeting, "objectives", language) or _text(group, "objectives", language))
            tools = tuple(meeting.get("tools") or group["tools"])
            title = _text(meeting, "title", language)
            copies = max(selected_factors, 1) if group.get("repeat") == PER_SELECTED_FACTOR else 0
            if not copies:
                proposed.append(ProposedMeeting(meeting["code"], group["step"], title, objectives, tools))
                continue
            for n in range(1, copies + 1):
                numbered = f"{title} {n}" if copies > 1 else title
                proposed.append(ProposedMeeting(f"{meeting['code']}-{n}", group["step"], numbered, objectives, tools))
    return proposed


def step_notes(data: dict[str, Any], *, language: str | None = None) -> list[StepNote]:
    """What the paper tool says about the number of meetings of some steps (planning, regular meetings)."""
    language = _language(language)
    return [
        StepNote(group["step"], _text(group, "label", language), _text(group, "note", language))
        for group in data["groups"]
        if group.get("note_fr")
    ]
