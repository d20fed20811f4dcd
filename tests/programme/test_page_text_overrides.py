"""Uploaded translation files change the texts of the pages without a restart, also when another
process stored them (the next request picks them up), and a replaced file restores our own texts."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from jems.programme import services, translations
from jems.programme.models import TranslationFile

pytestmark = pytest.mark.django_db


def login_page(language):
    client = Client()
    client.cookies["django_language"] = language
    return client.get("/no-auth/login").content.decode()


@pytest.fixture(autouse=True)
def forget_overrides():
    yield
    TranslationFile.objects.all().delete()
    translations.invalidate()
    translations.refresh()


def test_an_uploaded_file_changes_the_page_texts_at_once(admin_user):
    assert "Anmelden" in login_page("de")
    upload = SimpleUploadedFile("System_de.properties", b"Log\\ in=Einloggen\n")
    services.upload_translation_file(actor=admin_user, file_type="System", language="DE", upload=upload)
    german = login_page("de")
    assert "Einloggen" in german and ">Anmelden<" not in german
    assert "Log in" in login_page("en")  # other languages keep their texts


def test_a_file_stored_by_another_process_applies_on_the_next_request(admin_user):
    assert "Sign in now" not in login_page("en")
    TranslationFile.objects.create(language="EN", file_type="System", file_name="System_en.properties",
                                   content="Log\\ in=Sign in now\n", last_modified=timezone.now())
    assert "Sign in now" in login_page("en")
    TranslationFile.objects.filter(language="EN").update(content="# nothing overridden\n",
                                                          last_modified=timezone.now())
    page = login_page("en")
    assert "Sign in now" not in page and "Log in" in page


def test_the_downloaded_defaults_list_the_page_texts_by_their_english_text():
    texts = translations.default_texts("DE", "System")
    assert texts["Log in"] == "Anmelden"
    assert translations.default_texts("EN", "System")["Log in"] == "Log in"
