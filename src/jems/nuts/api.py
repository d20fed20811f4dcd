"""Jems-compatible API of nuts (see docs/api.md)."""

from ninja import Router

router = Router(tags=["programme"])
