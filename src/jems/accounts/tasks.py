"""Scheduled account jobs (Celery beat runs them when a broker is configured; cron otherwise)."""

from celery import shared_task


@shared_task(name="jems.expire_idle_sessions")
def expire_idle_sessions_task() -> int:
    """End logins idle longer than the idle timeout, audited (see `jems expire_sessions`)."""
    from .management.commands.expire_sessions import expire_idle_sessions

    ended, _ = expire_idle_sessions()
    return ended
