from partnerships.models import Invitation, Role
from partnerships.tests.factories import MembershipFactory


def url_kwargs(partnership) -> dict:
    membership = MembershipFactory(partnership=partnership, role=Role.OBSERVER)
    invitation = Invitation.objects.create(partnership=partnership, email="invitee@exemple.test", role=Role.OBSERVER)
    return {"membership_pk": membership.pk, "invitation_pk": invitation.pk}
