"""An external plugin package built and pip-installed in a temporary folder is discovered through the
`jems.plugins` entry points and shows up in the registry, the PluginApi list and a call's plugin slots."""

from datetime import timedelta

import pytest
from django.utils import timezone

from jems.audit.actions import AuditAction
from jems.audit.models import AuditEvent
from jems.calls import plugins
from jems.calls.forms import PluginForm
from jems.calls.models import Call
from jems.plugins import registry

from .external import KEY, VERSION

pytestmark = pytest.mark.django_db

SLOTS = {"pluginKey": "jems-pre-condition-check-off", "reportPartnerCheckPluginKey": "",
         "reportProjectCheckPluginKey": "", "controlReportPartnerCheckPluginKey": "",
         "controlReportSamplingCheckPluginKey": ""}


@pytest.fixture
def call(db):
    now = timezone.now()
    return Call.objects.create(name="Plugin call", start_date=now + timedelta(days=1), end_date=now + timedelta(days=30))


def test_discovered_into_the_registry_and_broken_entry_points_are_skipped(external_plugin):
    assert external_plugin == [KEY]  # the "broken" entry point is logged and skipped
    info = registry.get(KEY)
    assert (info.type, info.name, info.version, info.source) == ("PRE_SUBMISSION_CHECK", "Probe check", VERSION,
                                                                 registry.EXTERNAL)
    result = registry.run(KEY, "jems_pre_submission_check", project_id=12, data=None)
    assert result.submission_allowed and result.messages[0].args == {"id": "12"}
    assert AuditEvent.objects.filter(action=AuditAction.PLUGIN_EXECUTED, description__contains=KEY).exists()


def test_listed_by_the_plugin_api(external_plugin, api_as, applicant):
    body = api_as(applicant).get("/api/plugin/list/PRE_SUBMISSION_CHECK").json()
    assert {"type": "PRE_SUBMISSION_CHECK", "key": KEY, "name": "Probe check", "version": VERSION,
            "description": "Example plugin from an installed package"} in body
    assert KEY in [p["key"] for p in api_as(applicant).get("/api/plugin/list/ALL").json()]
    assert KEY not in [p["key"] for p in api_as(applicant).get("/api/plugin/list/BUDGET_EXPORT").json()]


def test_offered_in_a_call_slot_until_disabled(external_plugin, call, admin_user, api_as, client):
    assert (KEY, "Probe check") in plugins.options(plugins.PRE_SUBMISSION_CHECK)
    assert KEY in dict(PluginForm(call=call).fields["pre_submission_check_plugin_key"].choices)
    client.force_login(admin_user)
    page = client.get(f"/app/call/detail/{call.pk}/preSubmissionCheckSettings").content.decode()
    assert f'value="{KEY}"' in page
    admin = api_as(admin_user)
    assert admin.put(f"/api/call/byId/{call.pk}/preSubmissionCheck", {**SLOTS, "pluginKey": KEY}).status_code == 200

    assert admin.post(f"/api/plugin/{KEY}/disable").status_code == 200
    assert KEY not in dict(PluginForm(call=call).fields["pre_submission_check_plugin_key"].choices)
    assert f'value="{KEY}"' not in client.get(f"/app/call/detail/{call.pk}/preSubmissionCheckSettings").content.decode()
    assert KEY not in [p["key"] for p in admin.get("/api/plugin/list/PRE_SUBMISSION_CHECK").json()]
    refused = admin.put(f"/api/call/byId/{call.pk}/preSubmissionCheck", {**SLOTS, "pluginKey": KEY})
    assert refused.status_code == 422
    assert refused.json()["formErrors"]["pluginKey"]["i18nKey"] == "call.plugin.key.disabled"

    assert admin.post(f"/api/plugin/{KEY}/enable").status_code == 200
    assert KEY in dict(PluginForm(call=call).fields["pre_submission_check_plugin_key"].choices)

