"""The NinjaAPI instance under /api: each app contributes its router from <app>/api.py.

Errors follow the Jems conventions (CONVENTIONS.md §6): application errors answer with the
APIErrorDTO body and their status; unreadable or incomplete JSON answers 400 with an empty body.
"""

from django.http import HttpResponse, JsonResponse
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError

from jems import __version__
from jems.core.errors import JemsError

from .json import DecimalJSONParser, DecimalJSONRenderer
from .schemas import EmptyBody
from .security import session_or_basic

EMPTY_BODY_STATUSES = {400, 405, 415}

api = NinjaAPI(
    renderer=DecimalJSONRenderer(),
    parser=DecimalJSONParser(),
    title="Jems for Python REST API",
    version=__version__,
    description="Wire-compatible with the Jems v10 REST API (see docs/api.md).",
    urls_namespace="api",
    docs_url="/docs",
    openapi_url="/openapi.json",
    auth=session_or_basic,
)


@api.exception_handler(JemsError)
def jems_error(request, error: JemsError):
    return JsonResponse(error.body(), status=error.status)


@api.exception_handler(ValidationError)
def bad_request(request, error: ValidationError):
    return HttpResponse(status=400)


@api.exception_handler(EmptyBody)
def unreadable_body(request, error: EmptyBody):
    return HttpResponse(status=400)


@api.exception_handler(AuthenticationError)
def not_authenticated(request, error):
    from .middleware import spring_error

    return spring_error(request, 401)


@api.exception_handler(HttpError)
def http_error(request, error: HttpError):
    from .middleware import spring_error

    if error.status_code in EMPTY_BODY_STATUSES:  # unreadable JSON, wrong method or Content-Type
        return HttpResponse(status=error.status_code)
    return spring_error(request, error.status_code)


def register_routers():
    from jems.accounts.api import (
        auth_router,
        captcha_router,
        profile_router,
        registration_router,
        role_router,
        user_router,
    )
    from jems.audit.api import router as audit_router
    from jems.core.api import router as core_router

    api.add_router("/auth", auth_router)
    api.add_router("/user", user_router)
    api.add_router("/role", role_router)
    api.add_router("/profile", profile_router)
    api.add_router("/registration", registration_router)
    api.add_router("/captcha", captcha_router)
    api.add_router("/audit", audit_router)
    api.add_router("", core_router)
    # Programme setup: each app's router carries its own full paths (/programmeFund, /nuts, ...).
    from importlib import import_module

    for app in ("programme", "priorities", "cost_options", "nuts", "currency", "controllers", "checklists", "calls",
                "calls.form_config", "calls.notifications", "projects.partners", "projects.associations", "projects.files", "projects",
                "projects.description", "projects.workpackages", "projects.results", "projects.submission", "projects.budget", "projects.lumpsums",
                "projects.cofinancing", "projects.overviews", "projects.exports", "projects.assessment", "checklists.instances", "notifications",
                "projects.modifications", "programme.exports", "plugins", "programme.logos"):
        api.add_router("", import_module(f"jems.{app}.api").router)


register_routers()
