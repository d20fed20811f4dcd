"""Helpers of the programme-setup pages of priorities, indicators and cost options: translated texts for
display, service errors on form fields, accessible invalid-field marks and amounts."""

import hashlib
import json
import re

from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _lazy

from jems.core.messages import text_for

CAMEL = re.compile(r"(?<!^)(?=[A-Z])")


def text_in(stored, language: str | None = None) -> str:
    """The text of a translatable value in the UI language, else English, else any language."""
    stored = stored or {}
    language = (language or get_language() or "en").split("-")[0].upper()
    for code in (language, "EN"):
        if (stored.get(code) or "").strip():
            return stored[code]
    return next((text for text in stored.values() if (text or "").strip()), "")


def snake(name: str) -> str:
    return CAMEL.sub("_", name).lower()


def message_text(error, message) -> str:
    key = message.get("i18nKey") if isinstance(message, dict) else str(message)
    args = (message.get("i18nArguments") if isinstance(message, dict) else None) or error.args_
    return text_for(key, args)


def apply_service_error(form, error, field_map: dict[str, str] | None = None) -> None:
    """Show a service refusal on the form: each field error on its field (`fooBar` and `fooBar.language.xx` go to
    `foo_bar`, or to `field_map[...]`), anything else as an error of the whole form."""
    field_map = field_map or {}
    placed = False
    for path, message in (error.form_errors or {}).items():
        base = path.split(".language.")[0]
        field = field_map.get(path) or field_map.get(base) or snake(base)
        visible = field in form.fields and not form.fields[field].widget.is_hidden
        form.add_error(field if visible else None, message_text(error, message))
        placed = True
    if not placed:
        form.add_error(None, text_for(error.key, error.args_))


def mark_invalid(form) -> None:
    """Give the inputs of fields with errors aria-invalid and point them at their error text (the template
    renders the error as `<auto_id>_error`)."""
    if not form.is_bound:
        return
    for name in form.errors:
        if name in form.fields:
            attrs = form.fields[name].widget.attrs
            attrs["aria-invalid"] = "true"
            attrs["aria-describedby"] = f"{form[name].auto_id}_error"


def disable_all(form) -> None:
    """Render a form read-only (users who may view but not change the programme setup)."""
    for field in form.fields.values():
        field.disabled = True


# --- concurrent edits ------------------------------------------------------------------------------------

CONFLICT_TEXT = _lazy(
    "Someone else changed this in the meantime. Your entries are kept below: check them and save again to "
    "overwrite the other change, or cancel to see it.")


def fingerprint(values: dict) -> str:
    """A short digest of the stored values a form started from (optimistic locking of the pages)."""
    raw = json.dumps(values, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(raw.encode()).hexdigest()[:20]


def model_fingerprint(instance, *, extra: dict | None = None) -> str:
    values = {field.attname: getattr(instance, field.attname) for field in instance._meta.concrete_fields}
    return fingerprint({**values, **(extra or {})})


def check_version(data, current: str | None):
    """(form data, conflict): whether the stored values changed since the form was shown; if so, the data
    carries the new version, so that saving again overwrites on purpose."""
    posted = data.get("version")
    conflict = current is not None and bool(posted) and posted != current
    if conflict:
        data = data.copy()
        data["version"] = current
    return data, conflict
