from diagnostic.questionnaire import load_questionnaire, read_questionnaire
from diagnostic.tests.factories import RoundFactory


def url_kwargs(partnership) -> dict:
    # The partnership's own wording: the reference questionnaire is shared by all, so it proves nothing here.
    own, _created = load_questionnaire(read_questionnaire(), partnership=partnership)
    members = list(partnership.memberships.all())
    return {"round_pk": RoundFactory(partnership=partnership, invitees=members).pk, "questionnaire_pk": own.pk}
