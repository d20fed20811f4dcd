"""Jems-compatible API (see docs/api.md)."""

from ninja import Router

router = Router(tags=["project"])
