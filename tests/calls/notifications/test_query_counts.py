"""Notification settings pages and endpoints need a fixed number of SQL queries, whatever the number of
calls and of configured types."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from jems.calls.notifications.codelists import TABS
from jems.calls.notifications.models import CallNotificationConfiguration
from tests.calls.notifications.conftest import make_call

pytestmark = pytest.mark.django_db
TAB_PATHS = ["project", "partnerReport", "projectReport"]


def configure(call, count):
    """Configure the first `count` types of every tab of the call (active, with recipients and texts)."""
    rows = [CallNotificationConfiguration(call=call, type=code, active=True, send_to_manager=True,
                                          email_subject=f"S {code}", email_body="B")
            for tab in TABS.values() for code in tab.types[:count]]
    CallNotificationConfiguration.objects.bulk_create(rows)


def add_calls(count, start):
    for index in range(start, start + count):
        configure(make_call(f"Other call {index}"), 30)


def count(client, url, **headers):
    client.get(url, **headers)  # warm up: the session's activity stamp is written at most once a minute
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, **headers)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("tab", TAB_PATHS)
def test_pages_and_endpoints(tab, admin_page, programme_page, api_as, admin_user):
    call = make_call()
    api = api_as(admin_user)
    page = f"/app/call/detail/{call.pk}/notificationSettings/{tab}"
    endpoint = f"/api/call/{call.pk}/notificationConfigurations/{tab}"
    add_calls(2, 0)
    configure(call, 1)
    small = (count(admin_page, page), count(programme_page, page), count(api.client, endpoint, **api.headers))
    add_calls(20, 2)
    CallNotificationConfiguration.objects.filter(call=call).delete()
    configure(call, 30)
    large = (count(admin_page, page), count(programme_page, page), count(api.client, endpoint, **api.headers))
    assert small == large
    print(tab, large)


@pytest.mark.parametrize("tab", TAB_PATHS)
def test_update_endpoint(tab, api_as, admin_user):
    call = make_call()
    api = api_as(admin_user)
    endpoint = f"/api/call/{call.pk}/notificationConfigurations/{tab}"

    def body(active):
        return [{"id": code, "active": active, "sendToManager": True, "sendToLeadPartner": False,
                 "sendToProjectPartners": False, "sendToProjectAssigned": False, "sendToControllers": False,
                 "emailSubject": "s", "emailBody": "b"} for code in TABS[tab].types]

    def post(items):
        with CaptureQueriesContext(connection) as queries:
            assert api.post(endpoint, items).status_code == 200
        return len(queries)

    api.get(endpoint)
    one, all_new, all_changed = post(body(True)[:1]), post(body(True)), post(body(False))
    assert one == all_new == all_changed
    print(tab, one)
