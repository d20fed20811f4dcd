"""Celery task of the notification e-mails (run in-process without a broker, like jems.core.mail).

The task gets the id of a notification group (one event) and sends the queued e-mail of each of its rows,
rendered in the recipient's language from `emails/notification.*`. Each e-mail is audited MAIL_SENT or
MAIL_NOT_SENT and its outcome kept on the row; a transport failure is never raised to the user.
"""

import logging

from celery import shared_task
from django.core.mail import EmailMultiAlternatives

from jems.audit.actions import AuditAction
from jems.audit.services import record
from jems.core.mail import render_mail
from jems.projects.services import audit_project

from .models import MailStatus, Notification

logger = logging.getLogger(__name__)


def send_one(notification: Notification) -> bool:
    """Send the e-mail of one notification, audit it and keep its outcome on the row."""
    user = notification.user
    message = render_mail("notification", {"notification": notification, "user": user}, user.language)
    email = EmailMultiAlternatives(message["subject"], message["text"], to=[user.email])
    email.attach_alternative(message["html"], "text/html")
    project = audit_project(notification.project) if notification.project_id else None
    try:
        email.send()
    except Exception as error:  # any transport failure is reported, never raised to the user
        logger.warning("Notification e-mail to %s not sent: %s", user.email, error)
        status = MailStatus.NOT_SENT
        record(AuditAction.MAIL_NOT_SENT, project=project, entity_related_id=notification.pk,
               description=f"Notification e-mail ({notification.type}) '{notification.subject}' to {user.email} "
                           f"not sent: {error}")
    else:
        status = MailStatus.SENT
        record(AuditAction.MAIL_SENT, project=project, entity_related_id=notification.pk,
               description=f"Notification e-mail ({notification.type}) '{notification.subject}' sent to "
                           f"{user.email}")
    Notification.objects.filter(pk=notification.pk).update(mail_status=status)
    return status == MailStatus.SENT


@shared_task(name="jems.deliver_notification_mails")
def deliver_notification_mails(group_id: str) -> int:
    """Send the queued e-mails of one notification group; answers how many were sent."""
    queued = Notification.objects.filter(group_id=group_id, mail_status=MailStatus.QUEUED) \
        .select_related("user", "project__call").order_by("pk")
    return sum(send_one(notification) for notification in queued)
