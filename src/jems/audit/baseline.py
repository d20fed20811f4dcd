"""Fresh-install baseline of the audit log: the chain-head row (see AuditChainHead)."""


def ensure() -> None:
    from .models import AuditChainHead

    AuditChainHead.objects.get_or_create(pk=1)
