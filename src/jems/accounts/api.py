"""Jems-compatible API of accounts (filled in by the API work)."""

from ninja import Router

auth_router = Router(tags=["authentication"])
user_router = Router(tags=["user"])
role_router = Router(tags=["user"])
profile_router = Router(tags=["user"])
registration_router = Router(tags=["user"])
