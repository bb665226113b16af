"""A document built in the background (`Document(background=...)`): who asked for it, in which language, how far
its build has gone, and the file once it is ready, kept in the default storage (the disk, or the S3-compatible
store of several machines) for JOB_RETENTION_DAYS (documents/retention.py).

A job is not a record people edit: it has no history and no version; it is written by the services of
documents/jobs.py only."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.models import PartnershipQuerySet


class JobStatus(models.TextChoices):
    QUEUED = "queued", _("en attente")
    RUNNING = "running", _("en préparation")
    DONE = "done", _("prêt")
    FAILED = "failed", _("échec")


ACTIVE = (JobStatus.QUEUED, JobStatus.RUNNING)


def job_file_path(job: "DocumentJob", filename: str) -> str:
    return f"documents/{job.partnership_id}/{job.pk}/{filename}"


class DocumentJob(models.Model):
    partnership = models.ForeignKey("partnerships.Partnership", on_delete=models.CASCADE, related_name="+")
    cycle = models.ForeignKey("cycles.Cycle", on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    key = models.SlugField(_("document"), max_length=80)
    file_format = models.CharField(_("format"), max_length=8)
    language = models.CharField(_("langue"), max_length=8)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    status = models.CharField(_("état"), max_length=10, choices=JobStatus.choices, default=JobStatus.QUEUED)
    progress = models.PositiveSmallIntegerField(_("avancement"), default=0)  # percent
    pages = models.PositiveIntegerField(_("pages mises en page"), default=0)
    file = models.FileField(_("fichier"), upload_to=job_file_path, blank=True)
    file_name = models.CharField(_("nom du fichier"), max_length=255, blank=True)
    error = models.TextField(_("erreur"), blank=True)  # for the administrators; the person sees a plain sentence
    created_at = models.DateTimeField(_("demandé le"), auto_now_add=True)
    started_at = models.DateTimeField(_("commencé le"), null=True, blank=True)
    finished_at = models.DateTimeField(_("terminé le"), null=True, blank=True)

    PARTNERSHIP_PATH = "partnership"
    objects = PartnershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("préparation de document")
        verbose_name_plural = _("préparations de documents")
        constraints = [
            # The same person asking twice for the same document while it is being built gets the same job.
            models.UniqueConstraint(
                fields=["partnership", "cycle", "key", "file_format", "language", "requested_by"],
                condition=Q(status__in=ACTIVE),
                name="one_active_document_job_per_request",
            )
        ]
        indexes = [models.Index(fields=["created_at"], name="document_job_created")]

    def __str__(self) -> str:
        return f"{self.key}.{self.file_format} ({self.get_status_display()})"

    @property
    def finished(self) -> bool:
        return self.status in (JobStatus.DONE, JobStatus.FAILED)
