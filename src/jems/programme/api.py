"""Jems-compatible API of programme (see docs/api.md)."""

from ninja import Router

router = Router(tags=["programme"])
