"""What a refused save of a whole set shows: where the saved set now differs from the person's own choice."""

from django.utils.translation import gettext as _

from analysis.models import Finding
from core.concurrency import ConflictRow

from .selectors import FactorChoices


def candidate_differences(findings: list[Finding], saved: set[int], ticked: set[int]) -> list[ConflictRow]:
    """One row per finding whose saved flag is not what the person ticked."""
    rows = []
    for finding in findings:
        was, mine = finding.pk in saved, finding.pk in ticked
        if was != mine:
            rows.append(ConflictRow(label=finding.statement, saved=_candidate_text(was), yours=_candidate_text(mine)))
    return rows


def _candidate_text(is_candidate: bool) -> str:
    return _("Priorité candidate") if is_candidate else _("Non candidate")


def factor_differences(groups: list[FactorChoices], saved: dict[int, str], chosen: dict[int, str]) -> list[ConflictRow]:
    """One row per factor whose saved selection or rationale is not what the person chose."""
    rows = []
    for group in groups:
        for row in group.items:
            pk = row.factor.pk
            saved_text, mine_text = _factor_text(saved.get(pk)), _factor_text(chosen.get(pk))
            if saved_text != mine_text:
                rows.append(ConflictRow(label=row.factor.name, saved=saved_text, yours=mine_text))
    return rows


def _factor_text(rationale: str | None) -> str:
    """None: not selected; "": selected without a rationale."""
    if rationale is None:
        return _("Non retenu")
    if not rationale:
        return _("Retenu")
    return _("Retenu : « %(rationale)s »") % {"rationale": rationale}
