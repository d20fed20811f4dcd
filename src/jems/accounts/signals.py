"""Database-level guard: the last administrator account can never be deleted, whatever the code path."""

from django.db.models.signals import pre_delete
from django.dispatch import Signal, receiver

from jems.core.errors import ValidationFailed

from .models import User
from .privileges import ADMINISTRATOR_ROLE_ID


@receiver(pre_delete, sender=User)
def keep_last_administrator(sender, instance, **kwargs):
    if instance.role_id == ADMINISTRATOR_ROLE_ID and not User.objects.filter(
        role_id=ADMINISTRATOR_ROLE_ID
    ).exclude(pk=instance.pk).exists():
        raise ValidationFailed("The last administrator cannot be deleted.", key="user.last.administrator")


# Sent when a user's role changes; project-assignment code (later apps) drops monitor assignments on it.
role_changed = Signal()
