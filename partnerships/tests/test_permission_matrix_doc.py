"""docs/permissions.md shows users the permission matrix; it must say exactly what the code enforces."""

import re

from django.conf import settings

from partnerships.models import Role
from partnerships.permissions import ROLE_PERMISSIONS, Perm

ROLES = [Role.COORDINATOR, Role.COMMITTEE, Role.PARTNER, Role.OBSERVER]


def documented_matrix() -> dict[str, list[bool]]:
    text = (settings.BASE_DIR / "docs" / "permissions.md").read_text(encoding="utf-8")
    rows = {}
    for line in text.splitlines():
        match = re.match(r"^\|\s*`([a-z_]+)`\s*\|[^|]*\|(.*)\|\s*$", line)
        if match:
            cells = [cell.strip() for cell in match.group(2).split("|")]
            assert all(cell in ("✓", "—") for cell in cells), line
            rows[match.group(1)] = [cell == "✓" for cell in cells]
    return rows


def test_documented_matrix_is_the_enforced_one():
    documented = documented_matrix()
    assert set(documented) == {perm.value for perm in Perm}
    for perm in Perm:
        assert documented[perm.value] == [perm in ROLE_PERMISSIONS[role] for role in ROLES], perm
