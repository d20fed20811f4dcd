"""Jems-compatible API of controllers (see docs/api.md)."""

from ninja import Router

router = Router(tags=["programme"])
