"""Jems-compatible API of currency (see docs/api.md)."""

from ninja import Router

router = Router(tags=["programme"])
