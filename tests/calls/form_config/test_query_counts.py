"""The configuration and translation pages and endpoints need a fixed number of SQL queries: the same for a
call with defaults only and one with every field saved, and for 1 or 30 translation files (and 10 vs 200
other calls in the database)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from jems.calls.form_config import services
from jems.calls.form_config.fields import FIELDS, NONE
from jems.calls.form_config.models import CallTranslationFile
from jems.core.languages import SystemLanguage
from jems.programme.models import ProgrammeLanguage
from tests.ui.conftest import logged_in

from .conftest import make_call

pytestmark = pytest.mark.django_db


def count(client, url, **headers):
    client.get(url, **headers)  # warm up: the session's activity stamp is written at most once a minute
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, **headers)
    assert response.status_code == 200
    return len(queries)


def measure(call, admin_user, api):
    page = logged_in(admin_user)
    return (count(page, f"/app/call/detail/{call.pk}/applicationFormConfiguration"),
            count(api.client, f"/api/call/{call.pk}/applicationFormFieldConfigurations", **api.headers),
            count(page, f"/app/call/detail/{call.pk}/translationSettings"),
            count(api.client, f"/api/call/translation/{call.pk}", **api.headers))


def test_fixed_query_counts(admin_user, api_as, two_step_call):
    api = api_as(admin_user)
    for index in range(10):
        make_call(f"Other {index}")
    CallTranslationFile.objects.create(call=two_step_call, language="EN", file_name="x", content="a=b",
                                       uploaded_at=timezone.now())
    small = measure(two_step_call, admin_user, api)
    for index in range(10, 200):
        make_call(f"Other {index}")
    services.update_field_configuration(actor=admin_user, call_id=two_step_call.pk, fields=[
        services.FieldInput(id=field.id, visible=True, available_in_step=field.allowed(False)[-1])
        for field in FIELDS if field.allowed(False) != (NONE,)])
    ProgrammeLanguage.objects.bulk_create([ProgrammeLanguage(code=code, ui=True, input=False, fallback=False)
                                           for code in SystemLanguage.values[:30] if code != "EN"],
                                          ignore_conflicts=True)
    CallTranslationFile.objects.bulk_create([
        CallTranslationFile(call=two_step_call, language=code, file_name="x", content="a=b", uploaded_at=timezone.now())
        for code in SystemLanguage.values[:30] if code != "EN"])
    large = measure(two_step_call, admin_user, api)
    assert small == large, (small, large)
    assert max(large) <= 12, large
