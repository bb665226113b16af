"""The one way the application sends e-mail: rendered now, sent once the transaction that decided it commits.

A rolled-back action is never announced; a failing mail server is logged (robust=True) instead of undoing what
was saved. Templates come in pairs, `<prefix>_subject.txt` and `<prefix>_body.txt`, rendered in the language of
the request that decided the mail.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string


@dataclass(frozen=True)
class Attachment:
    filename: str
    content: bytes
    mimetype: str


def send_on_commit(template_prefix: str, context: dict, *, to: str, attachments: Iterable[Attachment] = ()) -> None:
    subject = " ".join(render_to_string(f"{template_prefix}_subject.txt", context).split())
    body = render_to_string(f"{template_prefix}_body.txt", context)
    message = EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [to])
    for attachment in attachments:
        message.attach(attachment.filename, attachment.content, attachment.mimetype)
    transaction.on_commit(lambda: message.send(fail_silently=False), robust=True)
