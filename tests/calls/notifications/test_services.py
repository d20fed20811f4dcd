"""Service and query tests of the call notification configuration: defaults, saving, every refusal."""

import pytest

from jems.audit.models import AuditEvent
from jems.calls.notifications import queries, services
from jems.calls.notifications.codelists import PARTNER_REPORT, PROJECT, PROJECT_REPORT, TABS, NotificationType
from jems.calls.notifications.models import CallNotificationConfiguration
from jems.calls.notifications.services import ConfigurationInput
from jems.core.errors import Forbidden, NotFound, ValidationFailed

pytestmark = pytest.mark.django_db
T = NotificationType


def test_tabs_cover_every_configurable_type_once():
    listed = [code for tab in TABS.values() for code in tab.types]
    assert len(listed) == len(set(listed)) == 37
    assert set(listed) == set(T.values) - {T.SystemMessage}
    assert TABS[PROJECT].types[-3:] == (T.SharedFolderFileUpload, T.SharedFolderFileDelete, T.ProjectClosed)
    assert T.ControlCommunicationFileUpload in TABS[PARTNER_REPORT].types
    assert T.ProjectReportVerificationFileDelete in TABS[PROJECT_REPORT].types


def test_defaults_for_a_new_call(call, programme_user):
    found, rows = queries.configurations(actor=programme_user, call_id=call.pk, tab=PROJECT)
    assert found == call
    assert [row.type for row in rows] == list(TABS[PROJECT].types)
    for row in rows:
        assert not row.active and not row.send_to_manager and not row.send_to_controllers
        assert row.email_subject == "" and row.email_body == ""
    assert not CallNotificationConfiguration.objects.exists()


def test_read_refusals(call, applicant, programme_user):
    with pytest.raises(Forbidden):
        queries.configurations(actor=applicant, call_id=call.pk, tab=PROJECT)
    with pytest.raises(NotFound):
        queries.configurations(actor=programme_user, call_id=call.pk + 999, tab=PROJECT)


def test_save_and_audit(call, admin_user):
    rows = services.update_configurations(actor=admin_user, call_id=call.pk, tab=PARTNER_REPORT, configurations=[
        ConfigurationInput(type=T.PartnerReportSubmitted, active=True, send_to_manager=True, send_to_controllers=True,
                           email_subject="Report [partnerReportNumber] submitted", email_body="Dear [userName]")])
    assert len(rows) == len(TABS[PARTNER_REPORT].types)
    saved = rows[0]
    assert saved.pk and saved.active and saved.send_to_controllers and not saved.send_to_lead_partner
    assert saved.email_subject == "Report [partnerReportNumber] submitted"
    event = AuditEvent.objects.filter(action="CALL_CONFIGURATION_CHANGED").get()
    assert event.user_email == admin_user.email and "PartnerReportSubmitted: active" in event.description
    assert event.entity_related_id == call.pk

    # Saving the same values again changes nothing and is not audited; types not sent keep their values.
    services.update_configurations(actor=admin_user, call_id=call.pk, tab=PARTNER_REPORT, configurations=[
        ConfigurationInput(type=T.PartnerReportSubmitted, active=True, send_to_manager=True, send_to_controllers=True,
                           email_subject="Report [partnerReportNumber] submitted", email_body="Dear [userName]")])
    services.update_configurations(actor=admin_user, call_id=call.pk, tab=PARTNER_REPORT, configurations=[])
    assert AuditEvent.objects.filter(action="CALL_CONFIGURATION_CHANGED").count() == 1
    rows = services.update_configurations(actor=admin_user, call_id=call.pk, tab=PARTNER_REPORT, configurations=[
        ConfigurationInput(type=T.PartnerReportCertified, active=True)])
    assert rows[0].active and rows[3].active
    assert CallNotificationConfiguration.objects.count() == 2

    setting = queries.notification_settings(call.pk, T.PartnerReportSubmitted)
    assert setting.active and setting.send_to_manager and setting.email_body == "Dear [userName]"
    default = queries.notification_settings(call.pk, T.ProjectClosed)
    assert not default.active and default.pk is None


def test_changes_allowed_after_publication(published_call, admin_user):
    rows = services.update_configurations(actor=admin_user, call_id=published_call.pk, tab=PROJECT_REPORT,
                                          configurations=[ConfigurationInput(type=T.ProjectReportSubmitted, active=True)])
    assert rows[0].active


def test_any_text_is_accepted_as_subject_and_body(call, admin_user):
    rows = services.update_configurations(actor=admin_user, call_id=call.pk, tab=PROJECT, configurations=[
        ConfigurationInput(type=T.ProjectSubmitted, email_subject="[unknownPlaceholder] {x}", email_body="")])
    assert rows[1].email_subject == "[unknownPlaceholder] {x}"


def test_write_refusals(call, programme_user, admin_user):
    with pytest.raises(Forbidden):
        services.update_configurations(actor=programme_user, call_id=call.pk, tab=PROJECT, configurations=[])
    with pytest.raises(NotFound):
        services.update_configurations(actor=admin_user, call_id=call.pk + 999, tab=PROJECT, configurations=[])
    with pytest.raises(ValidationFailed) as refused:
        services.update_configurations(actor=admin_user, call_id=call.pk, tab=PROJECT, configurations=[
            ConfigurationInput(type=T.ProjectSubmitted),
            ConfigurationInput(type=T.PartnerReportSubmitted),
            ConfigurationInput(type=T.SystemMessage),
            ConfigurationInput(type=T.ProjectSubmitted),
            ConfigurationInput(type=T.ProjectClosed, email_subject="s" * 256, email_body="b" * 10001),
        ])
    errors = refused.value.form_errors
    assert errors["notifications[1].id"]["i18nKey"] == "call.notification.type.not.in.tab"
    assert errors["notifications[2].id"]["i18nKey"] == "call.notification.type.not.in.tab"
    assert errors["notifications[3].id"]["i18nKey"] == "call.notification.type.duplicate"
    assert errors["notifications[4].emailSubject"] == {
        "i18nKey": "common.error.field.max.length", "i18nArguments": {"actualLength": "256", "requiredLength": "255"}}
    assert errors["notifications[4].emailBody"]["i18nArguments"]["requiredLength"] == "10000"
    assert "notifications[0].id" not in errors
    assert not CallNotificationConfiguration.objects.exists()
    assert not AuditEvent.objects.filter(action="CALL_CONFIGURATION_CHANGED").exists()


def test_limits_are_inclusive(call, admin_user):
    rows = services.update_configurations(actor=admin_user, call_id=call.pk, tab=PROJECT, configurations=[
        ConfigurationInput(type=T.ProjectClosed, email_subject="s" * 255, email_body="b" * 10000)])
    assert len(rows[-1].email_subject) == 255 and len(rows[-1].email_body) == 10000


def test_stale_version_is_refused(call, admin_user):
    _call, rows = queries.configurations(actor=admin_user, call_id=call.pk, tab=PROJECT)
    version = queries.tab_version(rows)
    services.update_configurations(actor=admin_user, call_id=call.pk, tab=PROJECT, expected_version=version,
                                   configurations=[ConfigurationInput(type=T.ProjectClosed, active=True)])
    with pytest.raises(ValidationFailed) as refused:
        services.update_configurations(actor=admin_user, call_id=call.pk, tab=PROJECT, expected_version=version,
                                       configurations=[ConfigurationInput(type=T.ProjectClosed, active=False)])
    assert refused.value.key == "call.notification.changed.meanwhile"
    assert queries.notification_settings(call.pk, T.ProjectClosed).active


def test_js_notifiable_follows_the_verification_done_type(call, admin_user):
    assert not queries.js_notifiable(call.pk)
    services.update_configurations(actor=admin_user, call_id=call.pk, tab=PROJECT_REPORT, configurations=[
        ConfigurationInput(type=T.ProjectReportVerificationDoneNotificationSent, active=True)])
    assert queries.js_notifiable(call.pk)


def test_demo_data_is_idempotent(call, admin_user):
    from io import StringIO

    from jems.calls.notifications import demo

    demo.load(StringIO())
    saved = CallNotificationConfiguration.objects.count()
    assert saved == len(demo.DEMO_CONFIGURATIONS)
    assert queries.notification_settings(call.pk, T.PartnerReportSubmitted).send_to_controllers
    demo.load(StringIO())
    assert CallNotificationConfiguration.objects.count() == saved
