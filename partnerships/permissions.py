"""The permission matrix: what each role may do in its partnership.

docs/permissions.md shows this matrix to users; a test keeps the two in step.
"""

from enum import StrEnum

from .models import Role


class Perm(StrEnum):
    VIEW = "view"
    EDIT_PROFILE = "edit_profile"
    MANAGE_MEMBERS = "manage_members"
    MANAGE_ORGANIZATIONS = "manage_organizations"
    EDIT_OWN_ORGANIZATION = "edit_own_organization"
    MANAGE_CYCLES = "manage_cycles"
    RECORD_ANY_COMMITMENT = "record_any_commitment"
    RECORD_OWN_COMMITMENT = "record_own_commitment"
    DRAFT_OPERATING_RULES = "draft_operating_rules"
    ADOPT_OPERATING_RULES = "adopt_operating_rules"
    EDIT_ANALYSIS = "edit_analysis"
    MANAGE_LOCAL_FACTORS = "manage_local_factors"
    EDIT_PRIORITIES = "edit_priorities"
    RUN_VOTES = "run_votes"
    VOTE = "vote"
    MANAGE_MEETINGS = "manage_meetings"
    RUN_DIAGNOSTIC = "run_diagnostic"
    ANSWER_DIAGNOSTIC = "answer_diagnostic"
    EDIT_PLAN = "edit_plan"
    ADOPT_PLAN = "adopt_plan"
    REPORT_OWN_ACTIONS = "report_own_actions"
    REVIEW_REPORTS = "review_reports"


ROLE_PERMISSIONS: dict[str, frozenset[Perm]] = {
    Role.COORDINATOR: frozenset(Perm),
    Role.COMMITTEE: frozenset(
        {
            Perm.VIEW,
            Perm.EDIT_OWN_ORGANIZATION,
            Perm.RECORD_OWN_COMMITMENT,
            Perm.DRAFT_OPERATING_RULES,
            Perm.EDIT_ANALYSIS,
            Perm.MANAGE_LOCAL_FACTORS,
            Perm.EDIT_PRIORITIES,
            Perm.VOTE,
            Perm.MANAGE_MEETINGS,
            Perm.ANSWER_DIAGNOSTIC,
            Perm.EDIT_PLAN,
            Perm.REPORT_OWN_ACTIONS,
        }
    ),
    Role.PARTNER: frozenset(
        {
            Perm.VIEW,
            Perm.EDIT_OWN_ORGANIZATION,
            Perm.RECORD_OWN_COMMITMENT,
            Perm.VOTE,
            Perm.ANSWER_DIAGNOSTIC,
            Perm.REPORT_OWN_ACTIONS,
        }
    ),
    Role.OBSERVER: frozenset({Perm.VIEW}),
}
