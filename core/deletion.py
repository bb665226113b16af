"""What deleting a record takes with it, said before the person confirms."""

from django.contrib.admin.utils import NestedObjects, model_ngettext
from django.db import models, router


def deletion_consequences(instance: models.Model) -> list[str]:
    """The related records a deletion would remove too, counted by kind ("3 services"), largest first.

    Records that protect the instance from deletion are not listed: the deletion is refused while they exist.
    """
    collector = NestedObjects(using=router.db_for_write(type(instance)))
    collector.collect([instance])
    counts = [
        (len(objects), model)
        for model, objects in collector.model_objs.items()
        if model is not type(instance) and not model._meta.auto_created and objects
    ]
    counts.sort(key=lambda item: (-item[0], str(item[1]._meta.verbose_name)))
    return [f"{count} {model_ngettext(model, count)}" for count, model in counts]
