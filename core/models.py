from typing import Self

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class VersionedModel(models.Model):
    """A record that people edit through forms: the version number lets a save detect a concurrent edit.

    Saves that must not overwrite someone else's work go through core.concurrency.save_versioned.
    """

    version = models.PositiveIntegerField(_("version"), default=1, editable=False)
    updated_at = models.DateTimeField(_("modifié le"), auto_now=True)

    class Meta:
        abstract = True


class PartnershipQuerySet(models.QuerySet):
    """Rows of partnership data. Each model names the path from its rows to their partnership once, in
    `PARTNERSHIP_PATH` ("cycle__partnership", "organization__partnership"…), so that the access functions and
    selectors never spell a deep path again."""

    def for_partnership(self, partnership) -> Self:
        return self.filter(**{self.model.PARTNERSHIP_PATH: partnership})


class History(HistoricalRecords):
    """django-simple-history's records, kept reachable from their model (`history_records(model)`).

    A save that sets many-to-many links too writes one history record for the whole change
    (core.saving.save_with_links) instead of one per saved relation.
    """

    def finalize(self, sender, **kwargs) -> None:
        super().finalize(sender, **kwargs)
        if sender is self.cls:
            _HISTORY_RECORDS[sender] = self


_HISTORY_RECORDS: dict[type[models.Model], History] = {}


def history_records(model: type[models.Model]) -> History:
    try:
        return _HISTORY_RECORDS[model]
    except KeyError:
        raise TypeError(f"{model.__name__} keeps no history: declare `history = History()` on it") from None


SUBMITTED_FORM_DAYS = 2  # after which no browser sends a creation form again


class SubmittedFormQuerySet(models.QuerySet):
    def expired(self) -> Self:
        """Tokens old enough that no browser will send their form again (purged on a schedule)."""
        from datetime import timedelta

        from django.utils import timezone

        return self.filter(created_at__lt=timezone.now() - timedelta(days=SUBMITTED_FORM_DAYS))


class SubmittedForm(models.Model):
    """The one-time token of a creation form that was sent, and where its result lives (core.submissions)."""

    token = models.CharField(max_length=64, unique=True)
    user = models.ForeignKey("accounts.User", on_delete=models.CASCADE, related_name="+")
    url = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    objects = SubmittedFormQuerySet.as_manager()

    class Meta:
        verbose_name = _("formulaire envoyé")
        verbose_name_plural = _("formulaires envoyés")

    def __str__(self) -> str:
        return self.url or self.token
