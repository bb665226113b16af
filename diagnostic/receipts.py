"""The receipt of an anonymous answer: a code only the member keeps (in their browser and, if they wish, on
paper). The database keeps its digest on the answer and nothing on the person, so only someone holding the code
can find the answer again — not the coordinator, not an administrator reading the tables."""

import hashlib
import secrets

# No 0/O or 1/I/L: the code is meant to be copied by hand.
ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
GROUPS, GROUP_LENGTH = 3, 4


def new_receipt() -> str:
    groups = ("".join(secrets.choice(ALPHABET) for _ in range(GROUP_LENGTH)) for _ in range(GROUPS))
    return "-".join(groups)


def normalized_receipt(code: str) -> str:
    letters = "".join(ch for ch in code.upper() if ch.isalnum())
    return "-".join(letters[n : n + GROUP_LENGTH] for n in range(0, len(letters), GROUP_LENGTH))


def receipt_digest(round_pk: int, code: str) -> str:
    return hashlib.sha256(f"{round_pk}:{normalized_receipt(code)}".encode()).hexdigest()


def cookie_name(round_pk: int) -> str:
    return f"concerto_diagnostic_{round_pk}"


def kept_receipt(cookies: dict[str, str], round_pk: int) -> str:
    """The code this browser keeps for the round, if any."""
    return cookies.get(cookie_name(round_pk), "")
