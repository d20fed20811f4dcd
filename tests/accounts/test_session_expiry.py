"""The idle timeout of logins: IdleSessionMiddleware and `jems expire_sessions`, both audited."""

import time
from io import StringIO

import pytest
from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.test import Client

from jems.accounts.middleware import LAST_SEEN_KEY
from jems.audit.actions import AuditAction
from jems.audit.models import AuditEvent
from tests.conftest import basic

ANY_PATH = "/__jems_session_probe__/"  # any request passes the middleware, a 404 page is fine


def logged_in_client(user):
    client = Client()
    client.force_login(user)
    client.get(ANY_PATH)  # the first request stamps the session
    return client


def set_last_seen(client, seconds_ago):
    session = client.session
    session[LAST_SEEN_KEY] = int(time.time()) - seconds_ago
    session.save()


def expiry_rows():
    return list(AuditEvent.objects.filter(action=AuditAction.USER_SESSION_EXPIRED).order_by("id"))


def test_requests_stamp_the_session(applicant):
    client = logged_in_client(applicant)
    stamp = client.session[LAST_SEEN_KEY]
    assert abs(stamp - time.time()) < 5
    set_last_seen(client, 100)
    client.get(ANY_PATH)
    assert client.session[LAST_SEEN_KEY] >= stamp
    assert client.session[SESSION_KEY] == str(applicant.pk)


def test_a_request_after_the_idle_timeout_logs_out_and_is_audited(applicant):
    client = logged_in_client(applicant)
    set_last_seen(client, settings.SESSION_IDLE_TIMEOUT_SECONDS + 1)
    response = client.get(ANY_PATH)
    assert response.wsgi_request.user.is_anonymous
    assert getattr(response.wsgi_request, "session_expired", False) is True
    assert SESSION_KEY not in client.session
    rows = expiry_rows()
    assert len(rows) == 1
    assert (rows[0].user_id, rows[0].user_email) == (applicant.pk, applicant.email)
    # The next request is simply anonymous: no second audit row.
    client.get(ANY_PATH)
    assert len(expiry_rows()) == 1


def test_a_request_just_within_the_timeout_keeps_the_login(applicant):
    client = logged_in_client(applicant)
    set_last_seen(client, settings.SESSION_IDLE_TIMEOUT_SECONDS - 5)
    response = client.get(ANY_PATH)
    assert response.wsgi_request.user == applicant
    assert expiry_rows() == []


def test_the_timeout_is_configurable(applicant, settings):
    settings.SESSION_IDLE_TIMEOUT_SECONDS = 10
    client = logged_in_client(applicant)
    set_last_seen(client, 11)
    assert client.get(ANY_PATH).wsgi_request.user.is_anonymous
    assert len(expiry_rows()) == 1


def test_http_basic_requests_do_not_use_the_idle_clock(applicant):
    client = Client()
    client.get("/api/__probe__", **basic(applicant.email))
    assert LAST_SEEN_KEY not in client.session
    assert expiry_rows() == []


def run_expire(*args):
    out = StringIO()
    call_command("expire_sessions", *args, stdout=out)
    return out.getvalue()


def test_expire_sessions_ends_idle_logins_and_keeps_active_ones(applicant, programme_user):
    idle = logged_in_client(applicant)
    active = logged_in_client(programme_user)
    set_last_seen(idle, settings.SESSION_IDLE_TIMEOUT_SECONDS + 60)
    idle_key, active_key = idle.session.session_key, active.session.session_key

    assert "would end 1 idle login" in run_expire("--dry-run")
    assert Session.objects.filter(session_key=idle_key).exists()
    assert expiry_rows() == []

    assert "ended 1 idle login" in run_expire()
    assert not Session.objects.filter(session_key=idle_key).exists()
    assert Session.objects.filter(session_key=active_key).exists()
    rows = expiry_rows()
    assert [(r.user_id, r.user_email) for r in rows] == [(applicant.pk, applicant.email)]
    # The browser that comes back is anonymous, and nothing is audited twice.
    assert idle.get(ANY_PATH).wsgi_request.user.is_anonymous
    assert len(expiry_rows()) == 1
    assert active.get(ANY_PATH).wsgi_request.user == programme_user
    assert "ended 0 idle login" in run_expire()


def test_expire_sessions_removes_expired_anonymous_sessions(db):
    from datetime import timedelta

    from django.contrib.sessions.backends.db import SessionStore
    from django.utils import timezone

    old, fresh = SessionStore(), SessionStore()
    old["something"] = 1
    fresh["something"] = 2
    old.create()
    fresh.create()
    Session.objects.filter(session_key=old.session_key).update(expire_date=timezone.now() - timedelta(seconds=1))
    run_expire()
    assert not Session.objects.filter(session_key=old.session_key).exists()
    assert Session.objects.filter(session_key=fresh.session_key).exists()
    assert expiry_rows() == []


def test_expire_sessions_judges_unstamped_logins_by_their_last_save(applicant):
    from datetime import timedelta

    from django.utils import timezone

    client = Client()
    client.force_login(applicant)  # no request yet: no stamp
    key = client.session.session_key
    idle_for = settings.SESSION_IDLE_TIMEOUT_SECONDS + 60
    Session.objects.filter(session_key=key).update(
        expire_date=timezone.now() + timedelta(seconds=settings.SESSION_COOKIE_AGE - idle_for))
    run_expire()
    assert not Session.objects.filter(session_key=key).exists()
    assert len(expiry_rows()) == 1


@pytest.mark.parametrize("engine", ["django.contrib.sessions.backends.signed_cookies"])
def test_expire_sessions_refuses_session_stores_it_cannot_enumerate(db, settings, engine):
    from django.core.management import CommandError

    settings.SESSION_ENGINE = engine
    with pytest.raises(CommandError):
        run_expire()
