from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = _("Socle")

    def ready(self) -> None:
        from . import (
            collation,  # noqa: F401  registers the names' collation on each SQLite connection
            security_txt,  # noqa: F401 (registers the deploy check of the security contact)
        )
