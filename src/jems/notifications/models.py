"""In-app notifications (features §1.8, workflows §6): one row per recipient of a notified event, with the
subject and body as the call configured them (placeholders filled), the read state shown on the dashboard
and the state of the e-mail that accompanies it."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from jems.calls.notifications.codelists import NotificationType


class MailStatus(models.TextChoices):
    """What became of the e-mail of a notification (Jems persists every notification e-mail)."""

    NONE = "NONE", _("No e-mail")  # the recipient is not active or does not want e-mails
    QUEUED = "QUEUED", _("Queued")
    SENT = "SENT", _("Sent")
    NOT_SENT = "NOT_SENT", _("Not sent")


class Notification(models.Model):
    """One notification of one user (Jems `notification`): type, the project (and partner) it is about,
    subject and body with the placeholders filled, creation time, when the user marked it as read, the
    event group it belongs to (all recipients of one event share `group_id`) and its e-mail state."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications")
    project = models.ForeignKey("projects.Project", null=True, blank=True, on_delete=models.CASCADE,
                                related_name="notifications")
    partner = models.ForeignKey("project_partners.ProjectPartner", null=True, blank=True, on_delete=models.SET_NULL,
                                related_name="notifications")
    type = models.CharField(max_length=64, choices=NotificationType.choices)
    subject = models.CharField(max_length=255)
    body = models.TextField(blank=True, default="")
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)
    group_id = models.UUIDField()
    mail_status = models.CharField(max_length=8, choices=MailStatus.choices, default=MailStatus.NONE)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["user", "-created_at", "-id"], name="notification_user_newest")]

    def __str__(self):
        return f"{self.type} to {self.user_id}: {self.subject}"

    @property
    def is_read(self) -> bool:
        return self.read_at is not None
