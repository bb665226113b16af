"""The e-mail of Outil 13: the invitation to answer a round. It names the round, never an answer."""

from django.urls import reverse

from core.mail import send_on_commit
from partnerships.models import Membership

from .models import Round


def send_round_invitation(*, round_: Round, membership: Membership, base_url: str) -> None:
    partnership = round_.partnership
    url = reverse("diagnostic:answer", kwargs={"slug": partnership.slug, "round_pk": round_.pk})
    context = {
        "round": round_,
        "partnership": partnership,
        "greeting_name": membership.user.full_name,
        "answer_url": base_url + url,
    }
    send_on_commit("diagnostic/email/round_invitation", context, to=membership.user.email)
