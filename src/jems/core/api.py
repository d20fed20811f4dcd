"""Jems-compatible API: info and settings."""

from ninja import Router

router = Router(tags=["info"])
