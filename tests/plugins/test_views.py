"""The Plugins page: list with type, source and state; enable/disable by POST (CSRF-protected form)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from jems.plugins import registry
from jems.plugins.builtin import BLOCKED, Switch
from jems.plugins.hookspecs import PluginType, PreConditionCheckResult
from jems.plugins.models import PluginState

pytestmark = pytest.mark.django_db

URL = "/app/system/plugins"


def test_lists_plugins_with_type_source_and_state(client, admin_user):
    PluginState.objects.create(key=BLOCKED, enabled=False)
    client.force_login(admin_user)
    page = client.get(URL).content.decode()
    assert "<code>standard-pre-condition-check-plugin</code>" in page and "PRE_SUBMISSION_CHECK" in page
    assert "Built-in" in page and "Disabled" in page and 'aria-current="page"' in page
    assert f'<input type="hidden" name="key" value="{BLOCKED}">' in page and "csrfmiddlewaretoken" in page


def test_toggle(client, admin_user):
    client.force_login(admin_user)
    response = client.post(f"{URL}/state", {"key": BLOCKED, "enabled": "false"}, follow=True)
    assert response.redirect_chain[-1][0] == URL
    assert "disabled." in response.content.decode()
    assert PluginState.objects.get(key=BLOCKED).enabled is False
    client.post(f"{URL}/state", {"key": BLOCKED, "enabled": "true"})
    assert PluginState.objects.get(key=BLOCKED).enabled is True


def test_toggle_unknown_plugin_is_a_message(client, admin_user):
    client.force_login(admin_user)
    response = client.post(f"{URL}/state", {"key": "gone", "enabled": "false"}, follow=True)
    assert 'role="alert"' in response.content.decode() and not PluginState.objects.exists()


def test_refusals(client, applicant, programme_user):
    assert client.get(URL).status_code == 302  # to the login
    client.force_login(applicant)
    assert client.get(URL).status_code == 403
    assert client.post(f"{URL}/state", {"key": BLOCKED, "enabled": "false"}).status_code == 403
    client.force_login(programme_user)
    page = client.get(URL)  # the programme role reads the programme setup: the list, without buttons
    assert page.status_code == 200 and 'name="enabled"' not in page.content.decode()
    assert client.post(f"{URL}/state", {"key": BLOCKED, "enabled": "false"}).status_code == 403
    assert not PluginState.objects.exists()


def test_csrf_is_required(admin_user):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(admin_user)
    assert client.post(f"{URL}/state", {"key": BLOCKED, "enabled": "false"}).status_code == 403


@pytest.mark.parametrize("count", [10, 200])
def test_fixed_number_of_queries(client, admin_user, count):
    added = [registry.register(Switch(f"test-switch-{i}", PluginType.PRE_SUBMISSION_CHECK, f"Switch {i}",
                                      PreConditionCheckResult([], True))).key for i in range(count)]
    PluginState.objects.bulk_create([PluginState(key=key, enabled=i % 2 == 0) for i, key in enumerate(added)])
    try:
        client.force_login(admin_user)
        client.get(URL)
        with CaptureQueriesContext(connection) as captured:
            page = client.get(URL).content.decode()
        assert f"Switch {count - 1}" in page
        assert len(captured) <= 8, [q["sql"] for q in captured]
    finally:
        for key in added:
            registry.unregister(key)
