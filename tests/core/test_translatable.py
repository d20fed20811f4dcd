"""Translatable text: stored as {language: text}, shown by the API as [{"language", "translation"}]."""

import pydantic
import pytest
from django.core.exceptions import ValidationError

from jems.core.languages import LANGUAGE_CODES, SystemLanguage
from jems.core.translatable import (
    TranslatableField,
    TranslationIn,
    TranslationOut,
    from_api,
    to_api,
    translation_errors,
    validate_translations,
)


def test_34_system_languages():
    assert len(SystemLanguage) == 34
    assert LANGUAGE_CODES == set(SystemLanguage.values)
    assert {"EN", "DE", "FR", "SQ", "SR", "MK", "TR", "UK", "RU", "JA", "NO", "BE"} <= LANGUAGE_CODES
    assert all(code.isupper() and len(code) == 2 for code in LANGUAGE_CODES)


def test_from_api_accepts_dicts_and_schemas_and_drops_blanks():
    entries = [
        {"language": "EN", "translation": "Title"},
        TranslationIn(language="DE", translation="Titel"),
        {"language": "FR", "translation": "   "},
        {"language": "IT", "translation": None},
        TranslationIn(language="ES"),
    ]
    assert from_api(entries) == {"EN": "Title", "DE": "Titel"}
    assert from_api(None) == {} and from_api([]) == {}


def test_from_api_keeps_text_verbatim_and_the_last_entry_per_language():
    assert from_api([{"language": "EN", "translation": "  padded\nline "}]) == {"EN": "  padded\nline "}
    assert from_api([{"language": "EN", "translation": "a"}, {"language": "EN", "translation": "b"}]) == {"EN": "b"}


def test_to_api_uses_system_language_order_and_skips_blanks():
    stored = {"EN": "Title", "DE": "Titel", "CS": "Název", "FR": "", "IT": "  "}
    assert to_api(stored) == [
        {"language": "CS", "translation": "Název"},
        {"language": "DE", "translation": "Titel"},
        {"language": "EN", "translation": "Title"},
    ]
    assert to_api(None) == [] and to_api({}) == []


def test_round_trip():
    entries = [{"language": "EN", "translation": "One"}, {"language": "SK", "translation": "Jeden"}]
    assert to_api(from_api(entries)) == entries


def test_schemas_refuse_unknown_languages():
    with pytest.raises(pydantic.ValidationError):
        TranslationIn(language="XX", translation="?")
    with pytest.raises(pydantic.ValidationError):
        TranslationIn(language="en", translation="lower-case codes are not Jems codes")
    assert TranslationOut(language="EN", translation="x").model_dump() == {"language": "EN", "translation": "x"}


def test_translation_errors_use_the_jems_field_keys():
    errors = translation_errors("title", {"EN": "x" * 11, "DE": "ok"}, 10)
    assert errors == {"title.language.en": {"i18nKey": "common.error.field.max.length",
                                            "i18nArguments": {"actualLength": "11", "requiredLength": "10"}}}
    assert translation_errors("title", {"EN": "x" * 10}, 10) == {}


@pytest.mark.parametrize("value", [["EN"], "text", {"XX": "text"}, {"EN": 5}, {"en": "lower"}])
def test_validate_translations_refuses(value):
    with pytest.raises(ValidationError):
        validate_translations(value)


def test_validate_translations_accepts():
    validate_translations({})
    validate_translations({"EN": "", "DE": "Text"})


def test_translatable_field():
    field = TranslatableField()
    assert field.get_default() == {}
    assert field.blank is True
    assert validate_translations in field.validators
    field.clean({"EN": "ok"}, None)
    with pytest.raises(ValidationError):
        field.clean({"XX": "bad"}, None)
    name, path, args, kwargs = TranslatableField(null=True).deconstruct()
    assert path == "jems.core.translatable.TranslatableField"
    assert "default" not in kwargs and "blank" not in kwargs and kwargs["null"] is True
