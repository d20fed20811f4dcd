"""Request handling for /api: HTTP Basic, the Spring 401 body, and cross-origin protection.

Jems accepts HTTP Basic on every call besides the session cookie. It turns CSRF protection off and
allows any origin; we keep existing clients working (scripts send no browser headers) but refuse
state-changing requests that a browser marks as cross-site (docs/deviations.md).
"""

import base64
import binascii
from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.utils import timezone

from jems.core.errors import JemsError

SAFE_METHODS = {"GET", "HEAD", "OPTIONS", "TRACE"}
PUBLIC_PREFIXES = ("/api/auth/", "/api/_info/", "/api/programmeLanguage/available", "/api/resources/logo",
                   "/api/i18n/", "/api/docs", "/api/openapi.json")
PUBLIC_EXACT = {"/api/registration", "/api/captcha"}
REASONS = {401: "Unauthorized", 403: "Forbidden", 404: "Not Found", 405: "Method Not Allowed"}


def spring_error(request, status: int) -> JsonResponse:
    """The body Spring's /error endpoint renders for failures outside the controllers."""
    response = JsonResponse(
        {"timestamp": timezone.now().isoformat(), "status": status, "error": REASONS.get(status, "Error"),
         "path": request.path},
        status=status,
    )
    if status == 401:
        response["WWW-Authenticate"] = "FormBased"
    return response


def is_public(path: str) -> bool:
    return path in PUBLIC_EXACT or path.startswith(PUBLIC_PREFIXES)


def is_cross_site(request) -> bool:
    """True when a browser tells us the request comes from another site (Fetch metadata, then Origin)."""
    fetch_site = request.headers.get("Sec-Fetch-Site")
    if fetch_site:
        return fetch_site not in {"same-origin", "none"}
    origin = request.headers.get("Origin")
    if not origin or origin == "null":
        return bool(origin)
    if origin in settings.CSRF_TRUSTED_ORIGINS:
        return False
    return urlsplit(origin).netloc != request.get_host()


class ApiAuthenticationMiddleware:
    """For /api paths: log in HTTP Basic callers for this request only, answer 401 on protected paths
    without a login, and refuse cross-site state changes made with a session cookie."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith("/api/"):
            return self.get_response(request)
        header = request.headers.get("Authorization", "")
        if header[:6].lower() == "basic ":
            user = self._basic_user(header[6:])
            if user is None:
                return spring_error(request, 401)
            request.user = user
            request.basic_auth = True
        elif request.method not in SAFE_METHODS and is_cross_site(request):
            return spring_error(request, 403)
        if not is_public(request.path) and not request.user.is_authenticated:
            return spring_error(request, 401)
        return self.get_response(request)

    @staticmethod
    def _basic_user(encoded: str):
        from jems.accounts.services import authenticate

        try:
            email, _, password = base64.b64decode(encoded).decode("utf-8").partition(":")
        except (binascii.Error, UnicodeDecodeError):
            return None
        try:
            return authenticate(email=email, password=password)
        except JemsError:
            return None


def empty_response(status: int = 200) -> HttpResponse:
    """An empty body, as Jems answers for Unit and null results."""
    return HttpResponse(status=status, content_type="application/json")
