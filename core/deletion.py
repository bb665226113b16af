"""Deleting a record: what goes with it is said before the person confirms, and nothing leaves the chain silently.

One policy for every record:
- what a deletion removes with it (its cascade) is listed, counted by kind ("3 services");
- what loses a link to it is named ("constat « … »": a finding that cited a deleted statistic) and, once the
  person confirms, each of those records gets a history entry saying what it lost and why;
- what protects it (a PROTECT relation: a finding chosen as a priority, an organization's commitment) prevents
  the deletion, named with what to do; a service may also refuse with DeletionRefused (the last coordinator).
"""

from dataclasses import dataclass

from django.contrib.admin.utils import NestedObjects, model_ngettext
from django.db import models, router, transaction
from django.db.models import F
from django.utils.translation import gettext as _

from .models import VersionedModel, history_records

NAME_LENGTH = 120


class DeletionRefused(Exception):
    """A rule of the domain forbids this deletion; the message says which, in the person's language."""


@dataclass(frozen=True)
class Deletion:
    removed: list[str]  # what goes with the record, counted by kind, largest first
    unlinked: list[str]  # records that lose a link to it, named
    blockers: list[str]  # records that protect it, named

    @property
    def allowed(self) -> bool:
        return not self.blockers


@dataclass(frozen=True)
class _LostLink:
    owner: models.Model
    field: models.ManyToManyField
    target: models.Model


def deletion_of(instance: models.Model) -> Deletion:
    collector = _collect(instance)
    deleted = _deleted(collector)
    lost = _lost_links(collector, deleted)
    counts = [
        (len(objects) - (model is type(instance)), model)
        for model, objects in collector.model_objs.items()
        if not model._meta.auto_created
    ]
    counts = sorted(((n, m) for n, m in counts if n), key=lambda item: (-item[0], str(item[1]._meta.verbose_name)))
    return Deletion(
        removed=[f"{count} {model_ngettext(model, count)}" for count, model in counts],
        unlinked=sorted({named(link.owner) for link in lost}),
        blockers=sorted(named(obj) for obj in collector.protected),
    )


@transaction.atomic
def delete_record(instance: models.Model) -> None:
    """Delete `instance` and its cascade. Each record that loses a many-to-many link to what is deleted first
    has the link removed with a history entry whose reason names what it lost."""
    collector = _collect(instance)
    deleted = _deleted(collector)
    by_owner: dict[tuple[type, object], list[_LostLink]] = {}
    for link in _lost_links(collector, deleted):
        by_owner.setdefault((type(link.owner), link.owner.pk), []).append(link)
    for links in by_owner.values():
        _unlink(links)
    instance.delete()


def named(obj: models.Model) -> str:
    """A record named with its kind (constat « Peu d'enfants… »), for a list of consequences or a reason."""
    name = str(obj)
    if len(name) > NAME_LENGTH:
        name = name[: NAME_LENGTH - 1].rstrip() + "…"
    return _("%(kind)s « %(name)s »") % {"kind": obj._meta.verbose_name, "name": name}


def _collect(instance: models.Model) -> NestedObjects:
    collector = NestedObjects(using=router.db_for_write(type(instance)))
    collector.collect([instance])
    return collector


def _deleted(collector: NestedObjects) -> set[tuple[type, object]]:
    return {(model, obj.pk) for model, objects in collector.model_objs.items() for obj in objects}


def _lost_links(collector: NestedObjects, deleted: set[tuple[type, object]]) -> list[_LostLink]:
    """The links that the deletion removes from records it keeps: through rows whose target goes away."""
    lost = []
    for through, rows in collector.model_objs.items():
        if not through._meta.auto_created:
            continue
        field = _m2m_field(through)
        for row in rows:
            owner = getattr(row, field.m2m_field_name())
            if (type(owner), owner.pk) in deleted:
                continue
            lost.append(_LostLink(owner=owner, field=field, target=getattr(row, field.m2m_reverse_field_name())))
    return lost


def _m2m_field(through: type[models.Model]) -> models.ManyToManyField:
    owner_model = through._meta.auto_created
    return next(f for f in owner_model._meta.many_to_many if f.remote_field.through is through)


def _unlink(links: list[_LostLink]) -> None:
    """One history entry per record that loses links; a form opened on it before sees a conflict."""
    owner = links[0].owner
    if isinstance(owner, VersionedModel):
        type(owner)._default_manager.filter(pk=owner.pk).update(version=F("version") + 1)
        owner.version += 1
    owner.skip_history_when_saving = True
    try:
        for link in links:
            getattr(owner, link.field.name).remove(link.target)
    finally:
        del owner.skip_history_when_saving
    owner._change_reason = _("Supprimé : %(names)s") % {"names": ", ".join(named(link.target) for link in links)}
    history_records(type(owner)).create_historical_record(owner, "~")
