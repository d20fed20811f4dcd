"""Services of the application-form configuration and call translations, with every refusal."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from jems.audit.models import AuditEvent
from jems.calls.form_config import queries, services
from jems.calls.form_config.fields import BOTH, BY_ENUM, NONE, STEP_TWO
from jems.calls.form_config.models import CallTranslationFile, FieldConfiguration
from jems.core.errors import Forbidden, NotFound, ValidationFailed

from .conftest import make_call

pytestmark = pytest.mark.django_db

PIC = BY_ENUM["PARTNER_PIC"].id
TITLE = BY_ENUM["PROJECT_TITLE"].id
BUDGET = BY_ENUM["PARTNER_BUDGET_AND_CO_FINANCING"].id
STAFF_FUNCTION = BY_ENUM["PARTNER_BUDGET_STAFF_COST_STAFF_FUNCTION"].id


def field(field_id, status):
    return services.FieldInput(id=field_id, visible=status != NONE, available_in_step=status)


def test_defaults_and_visibility(call, admin_user, programme_user):
    _call, states = queries.field_configuration(actor=programme_user, call_id=call.pk)
    assert len(states) == 141
    values = queries.field_visibility(call.pk)
    assert values[TITLE] == STEP_TWO and values[PIC] == NONE and values[BY_ENUM["PROJECT_ID"].id] == BOTH
    assert not FieldConfiguration.objects.exists()


def test_update_saves_and_audits(call, admin_user):
    values = services.update_field_configuration(actor=admin_user, call_id=call.pk,
                                                 fields=[field(PIC, BOTH), field(TITLE, BOTH)])
    assert values[PIC] == BOTH and queries.field_visibility(call.pk)[TITLE] == BOTH
    assert FieldConfiguration.objects.filter(call=call).count() == 141
    event = AuditEvent.objects.filter(action="CALL_CONFIGURATION_CHANGED").last()
    assert PIC in event.description and "NONE -> STEP_ONE_AND_TWO" in event.description
    # Saving the same values again changes nothing and writes no audit entry.
    before = AuditEvent.objects.count()
    services.update_field_configuration(actor=admin_user, call_id=call.pk, fields=[field(PIC, BOTH)])
    assert AuditEvent.objects.count() == before


def test_budget_fields_follow_budget_status(call, admin_user):
    values = services.update_field_configuration(actor=admin_user, call_id=call.pk,
                                                 fields=[field(BUDGET, BOTH), field(STAFF_FUNCTION, STEP_TWO)])
    assert values[STAFF_FUNCTION] == BOTH
    assert values[BY_ENUM["PARTNER_BUDGET_PERIODS"].id] == NONE  # hidden fields stay hidden


def test_update_refusals(call, admin_user, programme_user):
    with pytest.raises(Forbidden):
        services.update_field_configuration(actor=programme_user, call_id=call.pk, fields=[field(PIC, BOTH)])
    with pytest.raises(NotFound):
        services.update_field_configuration(actor=admin_user, call_id=call.pk + 1000, fields=[])
    with pytest.raises(ValidationFailed) as error:
        services.update_field_configuration(actor=admin_user, call_id=call.pk, fields=[
            field("application.config.nope", BOTH), field(TITLE, NONE), field(PIC, BOTH),
            services.FieldInput(id=BY_ENUM["PROJECT_SUMMARY"].id, visible=True, available_in_step=NONE)])
    assert error.value.field_messages() == {
        "application.config.nope": "call.form.config.field.unknown",
        TITLE: "call.form.config.option.not.allowed",
        BY_ENUM["PROJECT_SUMMARY"].id: "call.form.config.option.not.allowed"}
    with pytest.raises(ValidationFailed) as error:
        services.update_field_configuration(actor=admin_user, call_id=call.pk, fields=[field(PIC, BOTH),
                                                                                       field(PIC, NONE)])
    assert error.value.field_messages() == {PIC: "call.form.config.field.duplicate"}
    assert not FieldConfiguration.objects.exists()


def test_spf_options(admin_user):
    spf = make_call("SPF call", spf=True)
    role = BY_ENUM["PARTNER_ROLE"].id
    assert queries.field_visibility(spf.pk)[role] == NONE
    with pytest.raises(ValidationFailed) as error:
        services.update_field_configuration(actor=admin_user, call_id=spf.pk, fields=[field(role, BOTH)])
    assert error.value.field_messages() == {role: "call.form.config.option.not.allowed"}
    recipients = BY_ENUM["PROJECT_RECIPIENT_GROUP"].id
    assert services.update_field_configuration(actor=admin_user, call_id=spf.pk,
                                               fields=[field(recipients, BOTH)])[recipients] == BOTH


def test_published_call_only_widens(admin_user):
    call = make_call("Published", published=True)
    services.update_field_configuration(actor=admin_user, call_id=call.pk, fields=[field(PIC, STEP_TWO)])
    assert services.update_field_configuration(actor=admin_user, call_id=call.pk,
                                               fields=[field(PIC, BOTH)])[PIC] == BOTH
    with pytest.raises(ValidationFailed) as error:
        services.update_field_configuration(actor=admin_user, call_id=call.pk, fields=[field(PIC, STEP_TWO)])
    assert error.value.field_messages() == {PIC: "call.form.config.published.narrowed"}
    with pytest.raises(ValidationFailed) as error:
        services.update_field_configuration(actor=admin_user, call_id=call.pk, fields=[field(PIC, NONE)])
    assert error.value.field_messages() == {PIC: "call.form.config.published.hidden"}


# --- translations -----------------------------------------------------------------------------------------


def upload(content: bytes, name="Application_de.properties"):
    return SimpleUploadedFile(name, content)


def test_translation_upload_list_download_delete(call, admin_user, programme_user):
    saved = services.upload_translation_file(actor=admin_user, call_id=call.pk, language="DE",
                                             upload=upload(b"project.title=Projekttitel\n"))
    assert saved.file_name == "Application-CallSpecific_de.properties"
    assert queries.call_text_overrides(call.pk, "DE") == {"project.title": "Projekttitel"}
    assert queries.call_text_overrides(call.pk, "FR") == {}
    _call, rows = queries.translations(actor=programme_user, call_id=call.pk)
    assert {row.language: bool(row.file) for row in rows} == {"EN": False, "DE": True}
    name, content = queries.translation_file(actor=programme_user, call_id=call.pk, file_id=saved.pk)
    assert content == b"project.title=Projekttitel\n"
    other = make_call("Other call")
    with pytest.raises(NotFound):
        queries.translation_file(actor=admin_user, call_id=other.pk, file_id=saved.pk)
    with pytest.raises(Forbidden):
        services.delete_translation_file(actor=programme_user, call_id=call.pk, language="DE")
    services.delete_translation_file(actor=admin_user, call_id=call.pk, language="DE")
    assert not CallTranslationFile.objects.exists()
    with pytest.raises(NotFound):
        services.delete_translation_file(actor=admin_user, call_id=call.pk, language="DE")
    assert AuditEvent.objects.filter(action="CALL_CONFIGURATION_CHANGED").count() == 2


def test_translation_refusals(call, admin_user, programme_user, applicant, settings):
    with pytest.raises(Forbidden):
        services.upload_translation_file(actor=programme_user, call_id=call.pk, language="DE", upload=upload(b"a=b"))
    with pytest.raises(Forbidden):
        queries.translations(actor=applicant, call_id=call.pk)
    with pytest.raises(ValidationFailed) as error:
        services.upload_translation_file(actor=admin_user, call_id=call.pk, language="DE", upload=upload(b"\x00x"))
    assert error.value.field_messages() == {"file": "call.translation.file.unreadable"}
    with pytest.raises(ValidationFailed) as error:
        services.upload_translation_file(actor=admin_user, call_id=call.pk, language="DE", upload=None)
    assert error.value.field_messages() == {"file": "call.translation.file.required"}
    settings.MAX_UPLOAD_FILE_SIZE_MB = 1
    with pytest.raises(ValidationFailed) as error:
        services.upload_translation_file(actor=admin_user, call_id=call.pk, language="DE",
                                         upload=upload(b"a=" + b"x" * (1024 * 1024)))
    assert error.value.key == "call.translation.file.too.big"
    assert not CallTranslationFile.objects.exists()


def test_applicant_reads_published_call_only(applicant):
    draft = make_call("Draft")
    published = make_call("Open", published=True)
    with pytest.raises(Forbidden):
        queries.field_configuration(actor=applicant, call_id=draft.pk)
    assert len(queries.field_configuration(actor=applicant, call_id=published.pk)[1]) == 141


def test_demo_is_idempotent(admin_user):
    import io

    from jems.calls.form_config import demo

    call = make_call("Demo call", two_step=True)
    spf = make_call("Demo SPF", spf=True)
    demo.load(io.StringIO())
    values = queries.field_visibility(call.pk)
    assert values[PIC] == STEP_TWO and values[TITLE] == BOTH
    assert queries.field_visibility(spf.pk)[BY_ENUM["PARTNER_ROLE"].id] == NONE
    rows = FieldConfiguration.objects.count()
    demo.load(io.StringIO())
    assert FieldConfiguration.objects.count() == rows == 141 * 2
    assert CallTranslationFile.objects.count() == 1
    assert queries.call_text_overrides(call.pk if call.pk < spf.pk else spf.pk, "EN")
