"""E-mail through Django's e-mail layer, rendered from templates, sent after the transaction commits.

Each message is rendered from `emails/<template>.subject.txt`, `emails/<template>.txt` and
`emails/<template>.html`. Delivery is a Celery task (run in-process without a broker) and is audited
as MAIL_SENT or MAIL_NOT_SENT.
"""

import logging

from celery import shared_task
from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation

logger = logging.getLogger(__name__)


def render_mail(template: str, context: dict, language: str | None = None) -> dict:
    """Render subject, text and HTML of one e-mail in the recipient's language."""
    context = {"server_url": settings.SERVER_URL, **context}
    with translation.override((language or settings.LANGUAGE_CODE).lower()):
        subject = render_to_string(f"emails/{template}.subject.txt", context).strip()
        text = render_to_string(f"emails/{template}.txt", context)
        html = render_to_string(f"emails/{template}.html", context)
    return {"subject": " ".join(subject.split()), "text": text, "html": html}


def send_templated_mail(template: str, *, to: str, context: dict, language: str | None = None) -> None:
    """Queue one e-mail for delivery once the surrounding transaction commits."""
    message = {"to": to, **render_mail(template, context, language)}
    transaction.on_commit(lambda: deliver_mail.delay(message))


@shared_task(name="jems.deliver_mail")
def deliver_mail(message: dict) -> bool:
    from jems.audit.actions import AuditAction
    from jems.audit.services import record

    email = EmailMultiAlternatives(message["subject"], message["text"], to=[message["to"]])
    email.attach_alternative(message["html"], "text/html")
    try:
        email.send()
    except Exception as error:  # any transport failure is reported, never raised to the user
        logger.warning("Mail to %s not sent: %s", message["to"], error)
        record(AuditAction.MAIL_NOT_SENT, description=f"{message['subject']} to {message['to']}: {error}")
        return False
    record(AuditAction.MAIL_SENT, description=f"{message['subject']} to {message['to']}")
    return True
