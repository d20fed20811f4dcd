"""Translatable text: stored as {language code: text}, shown by the API as [{"language", "translation"}].

Every translatable field of every model uses `TranslatableField`; API schemas use `TranslationIn` /
`TranslationOut` and the two converters below, so that the wire form is the same everywhere.
"""

from collections.abc import Iterable, Mapping

from django.core.exceptions import ValidationError
from django.db import models
from ninja import Schema

from .languages import LANGUAGE_CODES, SystemLanguage


class TranslationIn(Schema):
    """One entry of a translatable value as a client sends it."""

    language: SystemLanguage
    translation: str | None = None


class TranslationOut(Schema):
    """One entry of a translatable value as the API answers it."""

    language: SystemLanguage
    translation: str


def from_api(entries: Iterable | None) -> dict[str, str]:
    """Turn API entries (schemas or dicts) into the stored mapping; blank translations are dropped."""
    stored: dict[str, str] = {}
    for entry in entries or ():
        language = entry["language"] if isinstance(entry, Mapping) else entry.language
        text = entry.get("translation") if isinstance(entry, Mapping) else entry.translation
        code = str(getattr(language, "value", language))
        if text is not None and text.strip():
            stored[code] = text
    return stored


# Position of each system language (computed once: `SystemLanguage.values` rebuilds its list on every access).
_RANK = {code: rank for rank, code in enumerate(SystemLanguage.values)}


def in_language(value, language: str) -> str:
    """The text of a translatable value in one language: the stored {code: text} mapping or the API's list of
    {"language", "translation"}; empty when there is none in that language (no fallback, as exports need)."""
    if not value:
        return ""
    if isinstance(value, dict):
        return value.get(language) or ""
    return next((item.get("translation") or "" for item in value if item.get("language") == language), "")


def to_api(stored: Mapping[str, str] | None) -> list[dict[str, str]]:
    """Turn the stored mapping into API entries, in system-language order, skipping blank texts."""
    entries = [(_RANK[code], code, text) for code, text in (stored or {}).items()
               if code in _RANK and text and text.strip()]
    return [{"language": code, "translation": text} for _rank, code, text in sorted(entries)]


def translation_errors(field: str, stored: Mapping[str, str], max_length: int) -> dict[str, dict]:
    """Length errors per language under the Jems key `<field>.language.<code in lower case>`."""
    return {
        f"{field}.language.{code.lower()}": {
            "i18nKey": "common.error.field.max.length",
            "i18nArguments": {"actualLength": str(len(text)), "requiredLength": str(max_length)},
        }
        for code, text in stored.items()
        if len(text) > max_length
    }


def validate_translations(value):
    if not isinstance(value, Mapping):
        raise ValidationError("A translatable value must be a mapping of language code to text.")
    unknown = sorted(set(value) - LANGUAGE_CODES)
    if unknown:
        raise ValidationError(f"Unknown language codes: {', '.join(unknown)}")
    for text in value.values():
        if not isinstance(text, str):
            raise ValidationError("Translations must be text.")


class TranslatableField(models.JSONField):
    """A model field holding one text per system language, e.g. {"EN": "Title", "DE": "Titel"}."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("default", dict)
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)
        self.validators.append(validate_translations)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs.pop("default", None)
        kwargs.pop("blank", None)
        return name, path, args, kwargs
