from allauth.account.adapter import DefaultAccountAdapter


class AccountAdapter(DefaultAccountAdapter):
    """People join Concerto through an invitation to a partnership, never by open sign-up."""

    def is_open_for_signup(self, request) -> bool:
        return False
