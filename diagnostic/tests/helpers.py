from diagnostic.models import Round
from diagnostic.selectors import conditions_with_items


def item_codes(round_: Round) -> list[str]:
    return [item.code for condition in conditions_with_items(round_.questionnaire) for item in condition.items.all()]


def answer_data(round_: Round, grade: str = "a", *, comments: dict[str, str] | None = None, receipt: str = "") -> dict:
    data = {f"grade_{code}": grade for code in item_codes(round_)}
    data.update({f"comment_{code}": text for code, text in (comments or {}).items()})
    data["receipt"] = receipt
    return data
