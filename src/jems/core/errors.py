"""Application errors and the Jems error body (APIErrorDTO).

Services raise these; the API turns them into the Jems body and status, the web UI into messages.
"""

import uuid


class JemsError(Exception):
    """A refusal with a stable code, an i18n key with arguments and optional field errors."""

    status = 422
    default_code = "S-ERR"
    default_key = "common.error.input.invalid"

    def __init__(self, message="", *, code=None, key=None, args=None, form_errors=None):
        self.code = code or self.default_code
        self.key = key or self.default_key
        self.args_ = {k: str(v) for k, v in (args or {}).items()}
        self.form_errors = form_errors or {}
        self.message = message or self.key
        super().__init__(self.message)

    def body(self) -> dict:
        return error_body(
            code=self.code, key=self.key, args=self.args_, form_errors=self.form_errors, message=self.message
        )


class ValidationFailed(JemsError):
    """Business or input validation failed (422); `form_errors` maps field paths to i18n messages."""

    status = 422
    default_code = "S-INP-ERR-001"

    def __init__(self, message="", *, fields: dict[str, str] | None = None, **kwargs):
        form_errors = kwargs.pop("form_errors", None) or {}
        for field, field_message in (fields or {}).items():
            form_errors[field] = {"i18nKey": field_message, "i18nArguments": {}}
        super().__init__(message, form_errors=form_errors, **kwargs)

    def field_messages(self) -> dict[str, str]:
        return {field: m.get("i18nKey") or "" for field, m in self.form_errors.items()}


class NotFound(JemsError):
    """The object does not exist or the actor may not know that it exists (404)."""

    status = 404
    default_code = "ERR"
    default_key = "not.found"


class Forbidden(JemsError):
    """The actor lacks the privilege (403)."""

    status = 403
    default_code = "S-ACC-DEN"
    default_key = "common.error.access.denied"


class AuthenticationFailed(JemsError):
    """Login refused (401, code AUTH)."""

    status = 401
    default_code = "AUTH"
    default_key = "authentication.failed"


class DependencyFailed(JemsError):
    """A plugin or the captcha generator is unavailable (424)."""

    status = 424
    default_code = "S-DEP"
    default_key = "unknown.error.message"


def i18n(key, args=None) -> dict:
    return {"i18nKey": key, "i18nArguments": {k: str(v) for k, v in (args or {}).items()}}


def error_body(*, code, key, args=None, form_errors=None, details=None, message="") -> dict:
    return {
        "id": str(uuid.uuid4()),
        "code": code,
        "i18nMessage": i18n(key, args),
        "details": details or [],
        "formErrors": form_errors or {},
        "message": message if message != key else "",
    }
