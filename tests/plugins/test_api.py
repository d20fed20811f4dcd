"""PluginApi: the list per type, enable and disable; a failing plugin behind another API answers 422."""

from datetime import timedelta

import pytest
from django.utils import timezone

from jems.audit.actions import AuditAction
from jems.audit.models import AuditEvent
from jems.calls.models import Call, CallStatus
from jems.plugins.builtin import BLOCKED, NO_CHECK
from jems.plugins.models import PluginState
from jems.programme.models import ProgrammeLanguage
from jems.projects import services as project_services

from .test_registry import Failing

pytestmark = pytest.mark.django_db


def test_list_per_type_only_enabled_plugins(api_as, applicant):
    client = api_as(applicant)
    checks = client.get("/api/plugin/list/PRE_SUBMISSION_CHECK").json()
    assert [p["key"] for p in checks][:2] == [NO_CHECK, BLOCKED]
    assert set(checks[0]) == {"type", "key", "name", "version", "description"}
    everything = client.get("/api/plugin/list/ALL").json()
    assert {p["type"] for p in everything} >= {"PRE_SUBMISSION_CHECK", "PARTNER_CONTROL_RISK_BASED_SAMPLING"}
    PluginState.objects.create(key=BLOCKED, enabled=False)
    assert BLOCKED not in [p["key"] for p in client.get("/api/plugin/list/PRE_SUBMISSION_CHECK").json()]
    assert client.get("/api/plugin/list/NOT_A_TYPE").status_code == 400  # Spring: unreadable enum


def test_list_needs_a_login(api_as):
    assert api_as().get("/api/plugin/list/ALL").status_code == 401


def test_enable_and_disable(api_as, admin_user):
    client = api_as(admin_user)
    response = client.post(f"/api/plugin/{BLOCKED}/disable")
    assert response.status_code == 200 and response.content == b""
    assert PluginState.objects.get(key=BLOCKED).enabled is False
    assert client.post(f"/api/plugin/{BLOCKED}/enable").status_code == 200
    assert PluginState.objects.get(key=BLOCKED).enabled is True


def test_enable_refusals(api_as, applicant, programme_user, admin_user):
    assert api_as(applicant).post(f"/api/plugin/{BLOCKED}/disable").status_code == 403
    assert api_as(programme_user).post(f"/api/plugin/{BLOCKED}/disable").status_code == 403
    missing = api_as(admin_user).post("/api/plugin/not-installed/disable")
    assert missing.status_code == 404 and missing.json()["i18nMessage"]["i18nKey"] == "plugin.not.found"
    assert not PluginState.objects.exists()


@pytest.fixture
def project_with_check(applicant, temporary_plugins):
    """A project of an open call whose pre-submission check is the failing test plugin."""
    temporary_plugins(Failing())
    ProgrammeLanguage.objects.update_or_create(code="EN", defaults={"input": True, "ui": True, "fallback": True})
    now = timezone.now()
    call = Call.objects.create(name="Open", status=CallStatus.PUBLISHED, start_date=now - timedelta(days=1),
                               end_date=now + timedelta(days=30), pre_submission_check_plugin_key=Failing.key)
    return project_services.create_project(actor=applicant, call_id=call.pk, acronym="FAIL")


def test_a_failing_plugin_is_a_clear_422_with_an_audit_row(project_with_check, api_as, applicant):
    response = api_as(applicant).get(f"/api/project/{project_with_check.pk}/preCheck")
    assert response.status_code == 422
    body = response.json()
    assert body["code"] == "S-PLUGIN-FAILED" and body["i18nMessage"] == {
        "i18nKey": "plugin.failed",
        "i18nArguments": {"pluginKey": Failing.key, "reason": "RuntimeError: database of the plugin is down"}}
    failed = AuditEvent.objects.get(action=AuditAction.PLUGIN_EXECUTED)
    assert failed.description.endswith("failed: RuntimeError: database of the plugin is down")
    assert failed.project_id == str(project_with_check.pk)


def test_a_disabled_check_plugin_refuses_with_the_reason(project_with_check, api_as, applicant):
    PluginState.objects.create(key=Failing.key, enabled=False)
    response = api_as(applicant).get(f"/api/project/{project_with_check.pk}/preCheck")
    assert response.status_code == 422
    assert response.json()["formErrors"] == {"pluginKey": {"i18nKey": "plugin.disabled", "i18nArguments": {}}}
