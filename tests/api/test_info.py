"""InfoApi, SettingsApi and the UI translations under /api/i18n."""

from django.test import Client, override_settings

from jems import __version__


@override_settings(COMMIT_ID="0123456789abcdef", COMMIT_TIME="2025-01-02T03:04:05+00:00",
                   HELPDESK_URL="https://help.example.org", HELPDESK_EMAIL="help@example.org",
                   ACCESSIBILITY_STATEMENT_URL="https://a11y.example.org", TERMS_PRIVACY_URL="https://terms.example.org")
def test_version_info_is_public(db):
    response = Client().get("/api/_info/version")
    assert response.status_code == 200
    assert response.json() == {
        "version": __version__, "commitId": "0123456789abcdef", "commitIdShort": "0123456",
        "commitTime": "2025-01-02T03:04:05Z", "helpdeskUrl": "https://help.example.org",
        "helpdeskEmail": "help@example.org", "accessibilityStatementUrl": "https://a11y.example.org",
        "termsAndPrivacyPolicyUrl": "https://terms.example.org"}


def test_version_info_without_build_data_writes_nulls(db):
    body = Client().get("/api/_info/version").json()
    assert {"commitId", "commitIdShort", "commitTime"} <= set(body)
    assert body["commitId"] is None and body["commitTime"] is None


@override_settings(MAX_UPLOAD_FILE_SIZE_MB=42)
def test_max_file_size_is_a_bare_integer_for_logged_in_users(applicant, api_as):
    response = api_as(applicant).get("/api/settings/maxFileSize")
    assert (response.status_code, response.content) == (200, b"42")
    assert Client().get("/api/settings/maxFileSize").status_code == 401


def test_translations_are_public_flat_maps_per_locale(db):
    english = Client().get("/api/i18n/en")
    assert english.status_code == 200
    texts = english.json()
    assert texts["authentication.bad.credentials"] == "E-mail or password is not correct."
    assert all(isinstance(k, str) and isinstance(v, str) for k, v in texts.items())
    assert set(Client().get("/api/i18n/de").json()) == set(texts)
    info = Client().get("/api/i18n/localeInformation").json()
    assert info["activeLocale"] == "en" and "en" in info["availableLocales"]
