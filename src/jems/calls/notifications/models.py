"""Notification configuration of a call (features.md §3.8, workflows-and-permissions.md §6.1)."""

from django.db import models

from jems.calls.models import Call

from .codelists import BODY_MAX_LENGTH, SUBJECT_MAX_LENGTH, NotificationType


class CallNotificationConfiguration(models.Model):
    """How a call notifies one notification type: whether it is active, who receives it and the e-mail
    subject and body (with placeholders). A type without a row is inactive, with no recipient and empty
    texts (the Jems default for a new call)."""

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="notification_configurations")
    type = models.CharField(max_length=64, choices=NotificationType.choices)
    active = models.BooleanField(default=False)
    send_to_manager = models.BooleanField(default=False)
    send_to_lead_partner = models.BooleanField(default=False)
    send_to_project_partners = models.BooleanField(default=False)
    send_to_project_assigned = models.BooleanField(default=False)
    send_to_controllers = models.BooleanField(default=False)
    email_subject = models.CharField(max_length=SUBJECT_MAX_LENGTH, blank=True, default="")
    email_body = models.TextField(max_length=BODY_MAX_LENGTH, blank=True, default="")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["call", "type"], name="call_notification_type_unique")]

    def __str__(self):
        return f"{self.call_id}: {self.type}"
