from django.db import models
from django.utils.translation import gettext_lazy as _


class VersionedModel(models.Model):
    """A record that people edit through forms: the version number lets a save detect a concurrent edit.

    Saves that must not overwrite someone else's work go through core.concurrency.save_versioned.
    """

    version = models.PositiveIntegerField(_("version"), default=1, editable=False)
    updated_at = models.DateTimeField(_("modifié le"), auto_now=True)

    class Meta:
        abstract = True
