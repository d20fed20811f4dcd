"""Jems-compatible API of priorities (see docs/api.md)."""

from ninja import Router

router = Router(tags=["programme"])
