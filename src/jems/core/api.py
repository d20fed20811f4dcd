"""Jems-compatible API: InfoApi, SettingsApi and the UI translations under /api/i18n (public)."""

from datetime import datetime

from django.conf import settings
from django.utils import translation
from ninja import Router

from jems import __version__
from jems.api.schemas import CamelSchema, json_scalar

router = Router(tags=["common"])


class VersionDTO(CamelSchema):
    version: str
    commit_id: str | None = None
    commit_id_short: str | None = None
    commit_time: datetime | None = None
    helpdesk_url: str
    helpdesk_email: str
    accessibility_statement_url: str
    terms_and_privacy_policy_url: str


class LocaleInformation(CamelSchema):
    active_locale: str
    available_locales: list[str]


def _commit_time() -> datetime | None:
    try:
        return datetime.fromisoformat(settings.COMMIT_TIME) if settings.COMMIT_TIME else None
    except ValueError:
        return None


@router.get("/_info/version", auth=None, response={200: VersionDTO}, by_alias=True, operation_id="getVersionInfo",
            summary="Returns version info")
def get_version_info(request):
    commit = settings.COMMIT_ID or None
    return {"version": __version__, "commit_id": commit, "commit_id_short": commit[:7] if commit else None,
            "commit_time": _commit_time(), "helpdesk_url": settings.HELPDESK_URL,
            "helpdesk_email": settings.HELPDESK_EMAIL,
            "accessibility_statement_url": settings.ACCESSIBILITY_STATEMENT_URL,
            "terms_and_privacy_policy_url": settings.TERMS_PRIVACY_URL}


@router.get("/settings/maxFileSize", response={200: int | None}, operation_id="getMaximumAllowedFileSize",
            summary="Get maximum allowed file size.")
def get_maximum_allowed_file_size(request):
    return json_scalar(settings.MAX_UPLOAD_FILE_SIZE_MB)


# --- UI translations (not in the contract; served by the Jems platform library, CONVENTIONS §8) ---------


@router.get("/i18n/localeInformation", auth=None, response={200: LocaleInformation}, by_alias=True,
            operation_id="getLocaleInformation", summary="The active and the available UI locales")
def locale_information(request):
    return {"active_locale": translation.get_language() or settings.LANGUAGE_CODE,
            "available_locales": [code for code, _ in settings.LANGUAGES]}


@router.get("/i18n/{locale}", auth=None, response={200: dict[str, str]}, operation_id="getTranslations",
            summary="UI texts of one locale: a flat map of message key to text")
def translations(request, locale: str):
    from jems.programme.translations import merged_texts  # our texts + the programme's uploaded overrides

    return merged_texts(locale)

