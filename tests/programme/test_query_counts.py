"""Programme-core pages and endpoints need the same number of SQL queries for 10 and for 200 rows."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from jems.core.languages import SystemLanguage
from jems.programme.models import LegalStatus, ProgrammeFund, StateAid, TranslationFile, TypologyError

pytestmark = pytest.mark.django_db


def add_funds(count):
    ProgrammeFund.objects.bulk_create([ProgrammeFund(abbreviation={"EN": f"F{i}", "DE": f"D{i}"},
                                                     description={"EN": "d"}) for i in range(count)])


def add_legal_statuses(count):
    LegalStatus.objects.bulk_create([LegalStatus(description={"EN": f"S{i}"}) for i in range(count)])


def add_state_aids(count):
    StateAid.objects.bulk_create([StateAid(measure="OTHER_1", name={"EN": f"A{i}"}, threshold=i) for i in range(count)])


def add_typology_errors(count):
    TypologyError.objects.bulk_create([TypologyError(description=f"E{i}") for i in range(count)])


def add_translation_files(count):
    existing = TranslationFile.objects.count()
    pairs = [(kind, code) for code in SystemLanguage.values for kind in ("System", "Application")][existing:existing + count]
    TranslationFile.objects.bulk_create([TranslationFile(language=code, file_type=kind, file_name="x", content="a=b",
                                                         last_modified=timezone.now()) for kind, code in pairs])


# (add rows, page, endpoint, rows for the second count): 200 rows, far beyond each list's limit; the
# state-aid page (at most 40 schemes, each a large form) is measured with 60 rows to keep the test fast.
LISTS = [
    (add_funds, "/app/programme/funds", "/api/programmeFund", 200),
    (add_legal_statuses, "/app/programme/legalStatus", "/api/programmeLegalStatus", 200),
    (add_state_aids, "/app/programme/stateAid", "/api/programmeStateAid", 60),
    (add_typology_errors, "/app/programme/typologyErrors", "/api/programmeTypologyErrors", 200),
]


def count(client, url, **headers):
    client.get(url, **headers)  # warm up: the session's activity stamp is written at most once a minute
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, **headers)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("add, page, endpoint, rows", LISTS)
def test_list_pages_and_endpoints(add, page, endpoint, rows, admin_page, programme_page, api_as, admin_user):
    api = api_as(admin_user)
    add(10)
    small = (count(admin_page, page), count(programme_page, page), count(api.client, endpoint, **api.headers))
    add(rows - 10)
    large = (count(admin_page, page), count(programme_page, page), count(api.client, endpoint, **api.headers))
    assert small == large, (small, large)
    assert max(large) <= 10


def test_state_aid_endpoint_with_200_rows(api_as, admin_user):
    api = api_as(admin_user)
    add_state_aids(10)
    small = count(api.client, "/api/programmeStateAid", **api.headers)
    add_state_aids(190)
    assert count(api.client, "/api/programmeStateAid", **api.headers) == small


@pytest.mark.parametrize("page", ["/app/programme", "/app/programme/languages", "/app/programme/strategies"])
def test_fixed_pages(page, admin_page):
    assert count(admin_page, page) <= 10


def test_translation_management(admin_page, api_as, admin_user):
    api = api_as(admin_user)
    add_translation_files(2)
    small = (count(admin_page, "/app/programme/translationManagement"),
             count(api.client, "/api/translationFile", **api.headers))
    add_translation_files(66)
    large = (count(admin_page, "/app/programme/translationManagement"),
             count(api.client, "/api/translationFile", **api.headers))
    assert small == large and max(large) <= 10


def test_languages_and_strategies_endpoints(api_as, admin_user):
    api = api_as(admin_user)
    for url in ("/api/programmeLanguage", "/api/programmeLanguage/available", "/api/programmestrategy",
                "/api/programmedata"):
        assert count(api.client, url, **api.headers) <= 6
