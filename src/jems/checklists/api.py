"""Jems-compatible API of checklists (see docs/api.md)."""

from ninja import Router

router = Router(tags=["programme"])
