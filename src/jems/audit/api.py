"""Jems-compatible API of the audit log."""

from ninja import Router

router = Router(tags=["audit"])
