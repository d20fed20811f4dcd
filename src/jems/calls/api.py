"""Jems-compatible API of calls (see docs/api.md)."""

from ninja import Router

router = Router(tags=["call"])
