"""The audit log: an append-only, hash-chained record of every significant action."""

import hashlib
import json

from django.db import models

from .actions import AuditAction

GENESIS_HASH = "0" * 64


class AuditEvent(models.Model):
    """One audited action. Rows are never updated or deleted; each carries the SHA-256 of its own
    content and of the previous row, so that `jems audit verify` detects any alteration."""

    timestamp = models.DateTimeField(db_index=True)
    action = models.CharField(max_length=64, choices=AuditAction.choices, db_index=True)
    user_id = models.BigIntegerField(null=True, blank=True, db_index=True)
    user_email = models.CharField(max_length=255, blank=True, default="", db_index=True)
    project_id = models.CharField(max_length=32, blank=True, default="", db_index=True)
    project_custom_identifier = models.CharField(max_length=64, blank=True, default="")
    project_name = models.CharField(max_length=255, blank=True, default="")
    entity_related_id = models.BigIntegerField(null=True, blank=True)
    description = models.TextField(blank=True, default="")
    previous_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64, unique=True)

    class Meta:
        ordering = ["-id"]

    def content(self) -> str:
        """The canonical text that the row's hash covers."""
        return json.dumps(
            [
                self.id,
                self.timestamp.isoformat(),
                self.action,
                self.user_id,
                self.user_email,
                self.project_id,
                self.project_custom_identifier,
                self.project_name,
                self.entity_related_id,
                self.description,
                self.previous_hash,
            ],
            ensure_ascii=False,
            separators=(",", ":"),
        )

    def compute_hash(self) -> str:
        return hashlib.sha256(self.content().encode()).hexdigest()


class AuditChainHead(models.Model):
    """A single row pointing at the newest audit event; updating it first serialises writers so that
    the chain never forks, on SQLite, PostgreSQL and MariaDB alike."""

    last_id = models.BigIntegerField(default=0)
    last_hash = models.CharField(max_length=64, default=GENESIS_HASH)
