"""The read layer of the programme logo: the PNG for PDF exports, the three PNGs for the API and the
site header's view of it.

The header is on every page, so its lookup must not cost a query per page: `header_logo()` keeps the
answer (logo or none, with the programme's name for the alt text) in Django's cache for CACHE_SECONDS.
Changes of the logo or of the basic data invalidate it at once in this process and, after the commit, in
the cache; with a shared cache (Redis) every process sees a change at once, with the default per-process
memory cache other processes see it within CACHE_SECONDS.
"""

import logging

from django.core.cache import cache
from django.core.files.storage import default_storage
from django.db import DatabaseError
from django.db.models import Subquery

from jems.accounts.privileges import Privilege
from jems.accounts.services import require
from jems.programme.models import ProgrammeData

from .models import LogoSize, ProgrammeLogo, storage_path

logger = logging.getLogger(__name__)

CACHE_KEY = "jems.programme.logo.header"
CACHE_SECONDS = 300


def invalidate() -> None:
    """Forget the cached header logo (after a change of the logo or of the programme's name)."""
    cache.delete(CACHE_KEY)


def header_logo() -> dict | None:
    """The logo as the site header needs it, or None when no logo is set: {key, small_width, medium_width,
    large_width, title}. Cached (see the module docstring): no query on most requests, one otherwise."""
    value = cache.get(CACHE_KEY)
    if value is None:
        try:
            title = ProgrammeData.objects.filter(pk=ProgrammeData.SINGLETON_ID).values("title")[:1]
            value = (ProgrammeLogo.objects.filter(pk=ProgrammeLogo.SINGLETON_ID)
                     .annotate(title=Subquery(title))
                     .values("key", "small_width", "medium_width", "large_width", "title").first()) or {}
        except DatabaseError:  # before the migrations ran
            return None
        cache.set(CACHE_KEY, value, CACHE_SECONDS)
    return value or None


def image(key: str, size: int) -> bytes | None:
    """The PNG of one height of the upload `key` (None when its file is gone from the storage)."""
    try:
        with default_storage.open(storage_path(key, size), "rb") as file:
            return file.read()
    except OSError:  # FileNotFoundError included
        logger.warning("Programme logo file %s is missing in the storage", storage_path(key, size))
        return None


def current() -> ProgrammeLogo | None:
    """The current logo row, read fresh from the database (one query)."""
    return ProgrammeLogo.objects.filter(pk=ProgrammeLogo.SINGLETON_ID).first()


def pdf_logo() -> bytes | None:
    """The programme logo for PDF exports: the 200 px high PNG, or None when no logo is set."""
    logo = current()
    return image(logo.key, LogoSize.LARGE) if logo is not None else None


def logos() -> list[tuple[LogoSize, bytes]]:
    """The three PNGs of the current logo, small to large; empty when no logo is set (GET /api/resources/logo)."""
    logo = current()
    if logo is None:
        return []
    found = [(size, image(logo.key, size)) for size in LogoSize]
    return [(size, content) for size, content in found if content is not None]


def logo(*, actor) -> ProgrammeLogo | None:
    """The current logo for the Programme → Logo page (ProgrammeSetupRetrieve, else 403)."""
    require(actor, Privilege.ProgrammeSetupRetrieve)
    return ProgrammeLogo.objects.select_related("uploaded_by").filter(pk=ProgrammeLogo.SINGLETON_ID).first()
