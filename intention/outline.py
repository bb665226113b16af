"""The starter outline offered for a partnership's first rules of operation: headings to fill in, nothing more."""

from django.utils.html import escape
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

STARTER_HEADINGS = (
    _("Mission et intention commune"),
    _("Composition et adhésion"),
    _("Rôles (coordination, comité, partenaires)"),
    _("Mode de prise de décision"),
    _("Quorum"),
    _("Conflits d'intérêts"),
    _("Confidentialité"),
    _("Révision des règles"),
)


def starter_outline() -> str:
    """The headings in the language of the person who starts the draft, each followed by an empty paragraph."""
    hint = escape(gettext("À compléter."))
    return "".join(f"<h2>{escape(heading)}</h2><p>{hint}</p>" for heading in STARTER_HEADINGS)
