"""Translation files: the properties format, and uploaded texts applied without a restart."""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from hypothesis import given
from hypothesis import strategies as st

from jems.core.messages import text_for
from jems.programme import services, translations
from jems.programme.models import ProgrammeLanguage, TranslationFile
from jems.programme.translations import dump_properties, merged_texts, override_text, parse_properties

# --- the properties format ---------------------------------------------------------------------------------


def test_parse_java_properties():
    text = (
        "# a comment\n"
        "! another comment\n"
        "\n"
        "plain=value\n"
        "colon: with colon\n"
        "spaced   =   trimmed before, kept after  \n"
        "blank separated value\n"
        "   indented.key=x\n"
        "escaped\\=key\\:part=v\n"
        "unicode=Gr\\u00fc\\u00DFe \\t tab\n"
        "multi=first \\\n"
        "      second\\\n"
        "third\n"
        "empty=\n"
        "only.key\n"
        "backslash=a\\\\b\n"
        "utf8=Grüße ✓\r\n"
        "windows=line\r\n"
        "last=end\\"
    )
    assert parse_properties(text) == {
        "plain": "value",
        "colon": "with colon",
        "spaced": "trimmed before, kept after  ",
        "blank": "separated value",
        "indented.key": "x",
        "escaped=key:part": "v",
        "unicode": "Grüße \t tab",
        "multi": "first second" + "third",
        "empty": "",
        "only.key": "",
        "backslash": "a\\b",
        "utf8": "Grüße ✓",
        "windows": "line",
        "last": "end",
    }


def test_malformed_unicode_escape_is_refused():
    with pytest.raises(translations.PropertiesError):
        parse_properties("a=\\u12")


def test_decode_utf8_bom_and_latin1():
    assert translations.decode_properties("\ufeffa=ä".encode()) == "a=ä"
    assert translations.decode_properties("a=ä".encode("iso-8859-1")) == "a=ä"
    with pytest.raises(translations.PropertiesError):
        translations.decode_properties(b"\x00\x01")


keys = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=20)
values = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40)


@given(st.dictionaries(keys, values, max_size=8))
def test_dump_then_parse_gives_the_same_texts(entries):
    assert parse_properties(dump_properties(entries, header="a header\nof two lines")) == entries


# --- applied overrides -------------------------------------------------------------------------------------------

pytestmark = pytest.mark.django_db


def upload(admin_user, language, text, file_type="System"):
    return services.upload_translation_file(actor=admin_user, file_type=file_type, language=language,
                                            upload=SimpleUploadedFile("x.properties", text.encode()))


def test_text_for_uses_the_uploaded_text_of_the_active_language(admin_user):
    upload(admin_user, "EN", "common.error.field.required=Please fill this in.\n"
                             "common.error.field.max.length=Max {{requiredLength}} characters ({{ actualLength }}).")
    upload(admin_user, "DE", "common.error.field.required=Bitte ausfüllen.")
    upload(admin_user, "DE", "common.error.field.required=Bitte ausfüllen (Projekt).", file_type="Application")
    with translation.override("en"):
        assert text_for("common.error.field.required") == "Please fill this in."
        assert text_for("common.error.field.max.length", {"requiredLength": 5, "actualLength": 7}) == \
            "Max 5 characters (7)."
        assert text_for("common.error.field.blank") == "This field may not be blank."
    with translation.override("de"):
        assert text_for("common.error.field.required") == "Bitte ausfüllen (Projekt)."
        assert text_for("common.error.field.blank") == "Dieses Feld darf nicht leer sein."
    assert override_text("common.error.field.required", "FR") is None


def test_odd_braces_in_uploaded_texts_never_break_a_page(admin_user):
    upload(admin_user, "EN", "common.error.field.required=Broken {0} {a.b} {")
    with translation.override("en"):
        assert text_for("common.error.field.required", {"x": 1}) == "Broken {0} {a.b} {"


def test_api_i18n_merges_the_overrides(admin_user, client):
    upload(admin_user, "DE", "common.error.field.required=Pflichtfeld\nproject.extra.key=Nur im Upload")
    texts = client.get("/api/i18n/de").json()
    assert texts["common.error.field.required"] == "Pflichtfeld"
    assert texts["project.extra.key"] == "Nur im Upload"
    assert texts["common.error.field.blank"] == "Dieses Feld darf nicht leer sein."
    assert client.get("/api/i18n/en").json()["common.error.field.required"] == "This field is required."


def test_languages_we_do_not_ship_fall_back_to_the_fallback_language(admin_user):
    ProgrammeLanguage.objects.update(fallback=False)
    ProgrammeLanguage.objects.filter(code="DE").update(fallback=True)
    upload(admin_user, "DE", "a.key=Deutsch\nb.key=Deutsch B")
    upload(admin_user, "FR", "b.key=Français B")
    texts = merged_texts("fr")
    assert texts["a.key"] == "Deutsch" and texts["b.key"] == "Français B"
    assert texts["common.error.field.blank"] == "Dieses Feld darf nicht leer sein."
    assert merged_texts("fr-FR") == texts


def test_another_worker_s_upload_is_seen_on_the_next_request(admin_user, client):
    upload(admin_user, "DE", "common.error.field.required=Erste Fassung")
    assert client.get("/api/i18n/de").json()["common.error.field.required"] == "Erste Fassung"
    # Another worker stores a new version: this process only sees the database change.
    TranslationFile.objects.filter(language="DE").update(content="common.error.field.required=Zweite Fassung",
                                                         last_modified=timezone.now() + timedelta(seconds=1))
    assert client.get("/api/i18n/de").json()["common.error.field.required"] == "Zweite Fassung"
    # ... and a removed file too.
    TranslationFile.objects.all().delete()
    assert client.get("/api/i18n/de").json()["common.error.field.required"] == "Dieses Feld ist erforderlich."


def test_one_stamp_query_per_request(admin_user):
    upload(admin_user, "EN", "common.error.field.required=Required!")
    assert override_text("common.error.field.required", "EN") == "Required!"  # loaded into this process
    translations._on_request_started()  # what Django's request_started signal calls
    try:
        with CaptureQueriesContext(connection) as queries:
            for _ in range(10):
                assert override_text("common.error.field.required", "EN") == "Required!"
                text_for("common.error.field.blank")
        assert len(queries) == 1  # the stamp, once per request; the files come from the cache
    finally:
        translations._on_request_finished()


def test_default_and_current_files(admin_user):
    from jems.programme import queries

    name, content = queries.default_translation_file(actor=admin_user, file_type="System")
    assert name == "System_en.properties"
    default = parse_properties(content.decode())
    assert default["common.error.field.required"] == "This field is required."
    assert default["programme.strategy.EUStrategyAlpineRegion"] == "EU Strategy for the Alpine Region"
    upload(admin_user, "DE", "common.error.field.required=Pflicht")
    name, content = queries.translation_file(actor=admin_user, file_type="System", language="DE")
    current = parse_properties(content.decode())
    assert name == "System_de.properties"
    assert current["common.error.field.required"] == "Pflicht"
    assert current["common.error.field.blank"] == "Dieses Feld darf nicht leer sein."
