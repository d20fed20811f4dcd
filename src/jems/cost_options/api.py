"""Jems-compatible API of cost_options (see docs/api.md)."""

from ninja import Router

router = Router(tags=["programme"])
