"""Checking the audit chain for tampering."""

from dataclasses import dataclass

from .models import GENESIS_HASH, AuditChainHead, AuditEvent


@dataclass(frozen=True)
class ChainBreak:
    """The first row whose content or link does not match its hash."""

    event_id: int
    reason: str


def verify_chain(batch_size: int = 2000) -> tuple[int, ChainBreak | None]:
    """Walk the chain in id order; return (rows checked, first break or None)."""
    previous = GENESIS_HASH
    checked = 0
    last_id = 0
    while True:
        rows = list(AuditEvent.objects.filter(id__gt=last_id).order_by("id")[:batch_size])
        if not rows:
            break
        for row in rows:
            if row.previous_hash != previous:
                return checked, ChainBreak(row.id, "its link to the previous row does not match")
            if row.compute_hash() != row.hash:
                return checked, ChainBreak(row.id, "its content does not match its hash")
            previous = row.hash
            last_id = row.id
            checked += 1
    head = AuditChainHead.objects.filter(pk=1).first()
    if head and (head.last_id != last_id or head.last_hash != previous):
        return checked, ChainBreak(head.last_id, "rows after it are missing or the chain head was altered")
    return checked, None
