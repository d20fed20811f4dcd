"""Session middleware: the 60-minute idle timeout, audited when it ends a login."""

import time

from django.conf import settings
from django.contrib.auth import logout

from .services import record_session_expired

LAST_SEEN_KEY = "jems_last_seen"
# The stamp is renewed at most once a minute, so that most requests do not write the session.
RESTAMP_SECONDS = 60


class IdleSessionMiddleware:
    """Ends a login after SESSION_IDLE_TIMEOUT_SECONDS without requests and audits USER_SESSION_EXPIRED."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and not getattr(request, "basic_auth", False):
            now = int(time.time())
            last_seen = request.session.get(LAST_SEEN_KEY)
            if last_seen is not None and now - last_seen > settings.SESSION_IDLE_TIMEOUT_SECONDS:
                record_session_expired(user_id=user.pk, email=user.email)
                logout(request)
                request.session_expired = True
            elif last_seen is None or now - last_seen >= RESTAMP_SECONDS:
                request.session[LAST_SEEN_KEY] = now
        return self.get_response(request)

