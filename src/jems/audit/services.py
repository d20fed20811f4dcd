"""Writing the audit log. Call `record` inside the transaction of the change it describes."""

from dataclasses import dataclass

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from .actions import AuditAction
from .models import AuditChainHead, AuditEvent


@dataclass(frozen=True)
class AuditProject:
    """The project an audit row refers to."""

    id: int | str
    custom_identifier: str = ""
    name: str = ""


def record(
    action: AuditAction,
    *,
    actor=None,
    description: str = "",
    project: AuditProject | None = None,
    entity_related_id: int | None = None,
    user_id: int | None = None,
    user_email: str | None = None,
) -> AuditEvent:
    """Append one audit row chained to the previous one. `actor` is the acting user (or None for the
    system); `user_id`/`user_email` override it where the subject is not logged in (failed login)."""
    with transaction.atomic():
        # Updating the head row first takes the write lock before the previous hash is read.
        AuditChainHead.objects.filter(pk=1).update(last_id=F("last_id"))
        head, _ = AuditChainHead.objects.select_for_update().get_or_create(pk=1)
        actor_authenticated = actor is not None and getattr(actor, "is_authenticated", False)
        event = AuditEvent(
            timestamp=timezone.now(),
            action=action,
            user_id=user_id if user_id is not None else (actor.pk if actor_authenticated else None),
            user_email=user_email if user_email is not None else (actor.email if actor_authenticated else ""),
            project_id=str(project.id) if project else "",
            project_custom_identifier=project.custom_identifier if project else "",
            project_name=project.name if project else "",
            entity_related_id=entity_related_id,
            description=description,
            previous_hash=head.last_hash,
            hash="pending",
        )
        event.save()
        event.hash = event.compute_hash()
        AuditEvent.objects.filter(pk=event.pk).update(hash=event.hash)
        head.last_id = event.pk
        head.last_hash = event.hash
        head.save(update_fields=["last_id", "last_hash"])
    return event


def diff_description(before: dict, after: dict) -> str:
    """A Jems-style change description: one `field: old -> new` line per changed field."""
    lines = [
        f"{field}: {before.get(field)!s} -> {after.get(field)!s}"
        for field in after
        if before.get(field) != after.get(field)
    ]
    return "\n".join(lines)
