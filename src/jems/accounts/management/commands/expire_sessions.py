"""`jems expire_sessions`: end stored logins idle longer than the idle timeout, audited.

IdleSessionMiddleware ends an idle login when its browser comes back; a browser that never comes back
would leave the login in the session store unaudited. Run this every few minutes (cron or Celery beat,
docs/operations.md): each stored login idle longer than SESSION_IDLE_TIMEOUT_SECONDS is deleted and
audited as USER_SESSION_EXPIRED; anonymous sessions past their expiry date are deleted silently.
"""

import time
from importlib import import_module

from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from jems.accounts.middleware import LAST_SEEN_KEY
from jems.accounts.models import User
from jems.accounts.services import record_session_expired


def _last_seen(data: dict, expire_date) -> float:
    """When the session was last used: the middleware's stamp, else its last save (expiry − cookie age)."""
    stamp = data.get(LAST_SEEN_KEY)
    if isinstance(stamp, int | float):
        return float(stamp)
    return expire_date.timestamp() - settings.SESSION_COOKIE_AGE


def expire_idle_sessions(*, now: float | None = None, dry_run: bool = False, batch_size: int = 500) -> tuple[int, int]:
    """Delete idle logins (audited) and expired anonymous sessions; return (logins ended, sessions deleted)."""
    engine = import_module(settings.SESSION_ENGINE)
    store = engine.SessionStore
    if not hasattr(store, "get_model_class"):
        raise CommandError(f"{settings.SESSION_ENGINE} keeps no enumerable sessions; only database-backed "
                           "session engines are supported (cache sessions expire by themselves, unaudited).")
    Session = store.get_model_class()
    now = time.time() if now is None else now
    cutoff = now - settings.SESSION_IDLE_TIMEOUT_SECONDS
    expired_logins: list[tuple[str, int]] = []
    stale: list[str] = []
    sessions = Session.objects.order_by("pk").values_list("session_key", "session_data", "expire_date")
    for key, data, expire_date in sessions.iterator(chunk_size=batch_size):
        decoded = store().decode(data)
        user_id = decoded.get(SESSION_KEY)
        if user_id is not None and _last_seen(decoded, expire_date) < cutoff:
            try:
                expired_logins.append((key, int(user_id)))
            except (TypeError, ValueError):
                stale.append(key)
        elif user_id is None and expire_date.timestamp() < now:
            stale.append(key)
    if dry_run:
        return len(expired_logins), len(expired_logins) + len(stale)
    emails = dict(User.objects.filter(pk__in={u for _, u in expired_logins}).values_list("pk", "email"))
    ended = 0
    for key, user_id in expired_logins:
        with transaction.atomic():
            # Delete first: if the browser came back meanwhile and the middleware ended the login, the
            # row is gone and no second audit row is written.
            deleted, _ = Session.objects.filter(session_key=key).delete()
            if deleted:
                record_session_expired(user_id=user_id, email=emails.get(user_id, ""))
                ended += 1
    removed = 0
    for start in range(0, len(stale), batch_size):
        removed += Session.objects.filter(session_key__in=stale[start:start + batch_size]).delete()[0]
    return ended, ended + removed


class Command(BaseCommand):
    help = ("End stored logins idle longer than JEMS_SESSION_IDLE_TIMEOUT seconds (audited as "
            "USER_SESSION_EXPIRED) and delete expired anonymous sessions. Schedule it every few minutes.")

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Only count what would be deleted.")

    def handle(self, *args, dry_run=False, **options):
        started = timezone.now()
        ended, deleted = expire_idle_sessions(dry_run=dry_run)
        verb = "would end" if dry_run else "ended"
        self.stdout.write(f"{started:%Y-%m-%d %H:%M:%S} {verb} {ended} idle login(s); "
                          f"{deleted} session(s) {'to delete' if dry_run else 'deleted'}.")
