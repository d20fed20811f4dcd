"""Services of the programme core: privileges, validation, limits, the setup lock and the audit rows."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from jems.audit.models import AuditEvent
from jems.core.errors import Forbidden, ValidationFailed
from jems.programme import services
from jems.programme.models import (
    LegalStatus,
    ProgrammeData,
    ProgrammeFund,
    ProgrammeLanguage,
    ProgrammeStrategy,
    StateAid,
    TranslationFile,
    TypologyError,
)
from jems.programme.services import (
    FundInput,
    LanguageInput,
    LegalStatusInput,
    StateAidInput,
    TypologyErrorInput,
)

pytestmark = pytest.mark.django_db


def audit(action):
    return list(AuditEvent.objects.filter(action=action).order_by("id"))


def keys(error: ValidationFailed) -> dict:
    return error.field_messages()


def current_funds():
    return [FundInput(id=f.pk, selected=f.selected, abbreviation=f.abbreviation, description=f.description)
            for f in ProgrammeFund.objects.all()]


# --- privileges --------------------------------------------------------------------------------------------


CHANGES = [
    lambda actor: services.update_programme_data(actor=actor, values={"title": "X"}),
    lambda actor: services.update_languages(actor=actor, languages=[]),
    lambda actor: services.upload_translation_file(actor=actor, file_type="System", language="DE",
                                                   upload=SimpleUploadedFile("a.properties", b"a=b")),
    lambda actor: services.update_funds(actor=actor, funds=current_funds()),
    lambda actor: services.update_strategies(actor=actor, strategies=[]),
    lambda actor: services.update_legal_statuses(actor=actor, to_delete=[], to_persist=[]),
    lambda actor: services.update_state_aids(actor=actor, to_delete=[], to_persist=[]),
    lambda actor: services.update_typology_errors(actor=actor, to_delete=[], to_persist=[]),
]


@pytest.mark.parametrize("change", CHANGES)
def test_changes_need_programme_setup_update(change, programme_user, applicant):
    for actor in (programme_user, applicant, None):
        with pytest.raises(Forbidden):
            change(actor)


# --- basic data --------------------------------------------------------------------------------------------


def test_basic_data_is_saved_and_audited(admin_user):
    data = services.update_programme_data(actor=admin_user, values={
        "cci": " 2021TC16RFCB001 ", "title": "Interreg Test", "first_year": 2021, "last_year": 2027,
        "eligible_from": date(2021, 1, 1), "eligible_until": date(2029, 12, 31),
        "technical_assistance_flat_rate": Decimal("7"), "project_id_programme_abbreviation": "TST",
        "project_id_use_call_id": True, "version": ""})
    data.refresh_from_db()
    assert data.cci == "2021TC16RFCB001" and data.version is None
    assert data.technical_assistance_flat_rate == Decimal("7.00")
    [event] = audit("PROGRAMME_BASIC_DATA_EDITED")
    assert "title: None -> Interreg Test" in event.description
    assert event.user_email == admin_user.email
    # Saving the same values again writes no audit row.
    services.update_programme_data(actor=admin_user, values={
        "cci": "2021TC16RFCB001", "title": "Interreg Test", "first_year": 2021, "last_year": 2027,
        "eligible_from": date(2021, 1, 1), "eligible_until": date(2029, 12, 31),
        "technical_assistance_flat_rate": Decimal("7.00"), "project_id_programme_abbreviation": "TST",
        "project_id_use_call_id": True})
    assert len(audit("PROGRAMME_BASIC_DATA_EDITED")) == 1


def test_basic_data_validation(admin_user):
    with pytest.raises(ValidationFailed) as refused:
        services.update_programme_data(actor=admin_user, values={
            "cci": "X" * 16, "title": "T" * 256, "first_year": 2027, "last_year": 2021,
            "eligible_from": date(2022, 1, 1), "eligible_until": date(2021, 1, 1),
            "technical_assistance_flat_rate": Decimal("100.5"), "project_id_programme_abbreviation": "A" * 13})
    assert keys(refused.value) == {
        "cci": "common.error.field.max.length", "title": "common.error.field.max.length",
        "lastYear": "programme.data.last.year.before.first",
        "eligibleUntil": "programme.data.eligible.until.before.from",
        "technicalAssistanceFlatRate": "programme.data.flat.rate.range",
        "projectIdProgrammeAbbreviation": "common.error.field.max.length"}
    assert refused.value.form_errors["cci"]["i18nArguments"] == {"actualLength": "16", "requiredLength": "15"}
    with pytest.raises(ValidationFailed) as refused:
        services.update_programme_data(actor=admin_user, values={"first_year": 1999, "last_year": 2101,
                                                                 "technical_assistance_flat_rate": Decimal("5.555")})
    assert keys(refused.value) == {"firstYear": "programme.data.year.range", "lastYear": "programme.data.year.range",
                                   "technicalAssistanceFlatRate": "programme.data.flat.rate.range"}
    assert ProgrammeData.objects.get().title is None
    assert not audit("PROGRAMME_BASIC_DATA_EDITED")


def test_locked_setup_keeps_the_project_id_scheme(admin_user, locked):
    ProgrammeData.objects.filter(pk=1).update(project_id_programme_abbreviation="ABC")
    services.update_programme_data(actor=admin_user, values={"title": "New title",
                                                             "project_id_programme_abbreviation": "ABC"})
    with pytest.raises(ValidationFailed) as refused:
        services.update_programme_data(actor=admin_user, values={"project_id_programme_abbreviation": "XYZ"})
    assert refused.value.key == "programme.setup.locked"
    assert keys(refused.value) == {"projectIdProgrammeAbbreviation": "programme.setup.locked"}
    with pytest.raises(ValidationFailed):
        services.update_programme_data(actor=admin_user, values={"project_id_programme_abbreviation": "ABC",
                                                                 "project_id_use_call_id": True})
    assert ProgrammeData.objects.get().project_id_programme_abbreviation == "ABC"


# --- languages ---------------------------------------------------------------------------------------------


def test_languages_update_and_audit(admin_user):
    rows = services.update_languages(actor=admin_user, languages=[
        LanguageInput("DE", ui=True, input=True, fallback=False),
        LanguageInput("FR", ui=True, input=False, fallback=False)])
    assert len(rows) == 34
    assert set(ProgrammeLanguage.objects.filter(input=True).values_list("code", flat=True)) == {"EN", "DE"}
    assert set(ProgrammeLanguage.objects.filter(ui=True).values_list("code", flat=True)) == {"EN", "DE", "FR"}
    [ui] = audit("PROGRAMME_UI_LANGUAGES_CHANGED")
    assert "DE, EN, FR" in ui.description
    [inputs] = audit("PROGRAMME_INPUT_LANGUAGES_CHANGED")
    assert "DE, EN" in inputs.description


@pytest.mark.parametrize("languages, errors", [
    ([LanguageInput("EN", True, True, False)], {"fallback": "programme.language.fallback.exactly.one"}),
    ([LanguageInput("DE", True, False, True)], {"fallback": "programme.language.fallback.exactly.one"}),
    ([LanguageInput("EN", True, False, True)], {"input": "programme.language.input.min"}),
    ([LanguageInput(code, False, True, False) for code in ("DE", "FR", "IT", "SL")],
     {"input": "programme.language.input.max"}),
    ([LanguageInput("DE", True, True, False), LanguageInput("DE", True, True, False)],
     {"code": "programme.language.duplicate"}),
    ([LanguageInput("XX", True, True, False)], {"code": "common.error.input.invalid"}),
])
def test_language_rules(admin_user, languages, errors):
    with pytest.raises(ValidationFailed) as refused:
        services.update_languages(actor=admin_user, languages=languages)
    assert keys(refused.value) == errors
    assert list(ProgrammeLanguage.objects.filter(input=True).values_list("code", flat=True)) == ["EN"]


def test_input_max_has_argument(admin_user):
    with pytest.raises(ValidationFailed) as refused:
        services.update_languages(actor=admin_user, languages=[
            LanguageInput(code, False, True, False) for code in ("DE", "FR", "IT", "SL")])
    assert refused.value.form_errors["input"]["i18nArguments"] == {"max": "4"}


def test_locked_setup_keeps_input_and_fallback_languages(admin_user, locked):
    with pytest.raises(ValidationFailed) as refused:
        services.update_languages(actor=admin_user, languages=[LanguageInput("DE", False, True, False)])
    assert refused.value.key == "programme.setup.locked" and keys(refused.value) == {"input": "programme.setup.locked"}
    with pytest.raises(ValidationFailed) as refused:
        services.update_languages(actor=admin_user, languages=[LanguageInput("EN", True, True, False),
                                                               LanguageInput("DE", True, True, True)])
    assert keys(refused.value)["input"] == "programme.setup.locked"
    # UI languages may still change.
    services.update_languages(actor=admin_user, languages=[LanguageInput("DE", True, False, False)])
    assert ProgrammeLanguage.objects.get(code="DE").ui


# --- translation files ---------------------------------------------------------------------------------------


def test_upload_translation_file(admin_user):
    upload = SimpleUploadedFile("mine.properties", "a.b=Grüße\n".encode())
    file = services.upload_translation_file(actor=admin_user, file_type="System", language="DE", upload=upload)
    assert file.file_name == "System_de.properties" and file.content == "a.b=Grüße\n"
    again = services.upload_translation_file(actor=admin_user, file_type="System", language="DE",
                                             upload=SimpleUploadedFile("x.properties", b"a.b=Hallo"))
    assert again.pk == file.pk and TranslationFile.objects.count() == 1
    assert again.last_modified >= file.last_modified
    events = audit("PROGRAMME_TRANSLATION_FILE_UPLOADED")
    assert len(events) == 2 and "System_de.properties" in events[0].description


def test_upload_refusals(admin_user, settings):
    settings.MAX_UPLOAD_FILE_SIZE_MB = 1
    big = SimpleUploadedFile("big.properties", b"a=" + b"x" * (1024 * 1024))
    with pytest.raises(ValidationFailed) as refused:
        services.upload_translation_file(actor=admin_user, file_type="System", language="DE", upload=big)
    assert keys(refused.value) == {"file": "programme.translation.file.too.big"}
    assert refused.value.form_errors["file"]["i18nArguments"] == {"maxSize": "1"}
    with pytest.raises(ValidationFailed) as refused:
        services.upload_translation_file(actor=admin_user, file_type="System", language="DE",
                                         upload=SimpleUploadedFile("a.png", b"\x89PNG\x00\x00"))
    assert keys(refused.value) == {"file": "programme.translation.file.unreadable"}
    with pytest.raises(ValidationFailed) as refused:
        services.upload_translation_file(actor=admin_user, file_type="System", language="DE",
                                         upload=SimpleUploadedFile("a.properties", b"a=\\uZZZZ"))
    assert keys(refused.value) == {"file": "programme.translation.file.unreadable"}
    with pytest.raises(ValidationFailed) as refused:
        services.upload_translation_file(actor=admin_user, file_type="System", language="DE", upload=None)
    assert keys(refused.value) == {"file": "programme.translation.file.required"}
    with pytest.raises(ValidationFailed):
        services.upload_translation_file(actor=admin_user, file_type="Other", language="DE",
                                         upload=SimpleUploadedFile("a.properties", b"a=b"))
    assert not TranslationFile.objects.exists()
    assert not audit("PROGRAMME_TRANSLATION_FILE_UPLOADED")


# --- funds ---------------------------------------------------------------------------------------------------


def test_funds_select_add_change_remove(admin_user):
    funds = current_funds()
    funds[0].selected = True
    funds[1].abbreviation = {**funds[1].abbreviation, "DE": "IPA III GÜZ"}
    funds.append(FundInput(id=None, selected=True, abbreviation={"EN": " Fund X "}, description={"EN": "Other"}))
    saved = services.update_funds(actor=admin_user, funds=funds)
    assert len(saved) == 8
    new = saved[-1]
    assert new.type == "OTHER" and new.abbreviation == {"EN": "Fund X"} and new.selected
    assert ProgrammeFund.objects.get(pk=1).selected
    assert ProgrammeFund.objects.get(pk=2).abbreviation == {"EN": "IPA III CBC", "DE": "IPA III GÜZ"}
    [event] = audit("PROGRAMME_FUNDS_CHANGED")
    assert "added" in event.description and "selected: False -> True" in event.description
    # Leaving the added fund out removes it.
    services.update_funds(actor=admin_user, funds=current_funds()[:7])
    assert ProgrammeFund.objects.count() == 7
    assert "removed" in audit("PROGRAMME_FUNDS_CHANGED")[-1].description
    # Nothing changed: no audit row.
    services.update_funds(actor=admin_user, funds=current_funds())
    assert len(audit("PROGRAMME_FUNDS_CHANGED")) == 2


def test_fund_rules(admin_user):
    funds = current_funds()
    with pytest.raises(ValidationFailed) as refused:
        services.update_funds(actor=admin_user, funds=funds[1:])  # the ERDF left out
    assert keys(refused.value) == {"funds": "programme.fund.predefined.not.removable"}
    funds = current_funds()
    funds[0].abbreviation = {"EN": "EFRE"}
    funds[1].type = "ERDF"
    funds.append(FundInput(id=None, selected=False, type="ERDF", abbreviation={"EN": "Second ERDF"}))
    funds.append(FundInput(id=None, selected=False, abbreviation={}, description={"EN": "no abbreviation"}))
    funds.append(FundInput(id=None, selected=False, abbreviation={"EN": "A" * 128}, description={"DE": "B" * 128}))
    with pytest.raises(ValidationFailed) as refused:
        services.update_funds(actor=admin_user, funds=funds)
    assert keys(refused.value) == {
        "funds[0].abbreviation.language.en": "programme.fund.predefined.text.fixed",
        "funds[1].type": "programme.fund.type.fixed",
        "funds[7].type": "programme.fund.type.other.only",
        "funds[8].abbreviation": "programme.fund.abbreviation.required",
        "funds[9].abbreviation.language.en": "common.error.field.max.length",
        "funds[9].description.language.de": "common.error.field.max.length",
    }
    # A missing English text of a predefined fund is kept.
    funds = current_funds()
    funds[0].abbreviation = {"DE": "EFRE"}
    services.update_funds(actor=admin_user, funds=funds)
    assert ProgrammeFund.objects.get(pk=1).abbreviation == {"EN": "ERDF", "DE": "EFRE"}


def test_at_most_20_funds(admin_user):
    funds = current_funds() + [FundInput(id=None, selected=False, abbreviation={"EN": f"F{i}"}) for i in range(13)]
    services.update_funds(actor=admin_user, funds=funds)
    assert ProgrammeFund.objects.count() == 20
    with pytest.raises(ValidationFailed) as refused:
        services.update_funds(actor=admin_user,
                              funds=current_funds() + [FundInput(id=None, selected=False, abbreviation={"EN": "X"})])
    assert keys(refused.value) == {"funds": "programme.fund.max"}
    assert refused.value.form_errors["funds"]["i18nArguments"] == {"max": "20"}


def test_locked_funds(admin_user, locked):
    ProgrammeFund.objects.filter(pk=1).update(selected=True)
    extra = ProgrammeFund.objects.create(abbreviation={"EN": "Extra"})
    funds = current_funds()
    with pytest.raises(ValidationFailed) as refused:
        services.update_funds(actor=admin_user, funds=[f for f in funds if f.id != extra.pk])
    assert refused.value.key == "programme.setup.locked" and keys(refused.value) == {"funds": "programme.setup.locked"}
    funds[0].selected = False
    with pytest.raises(ValidationFailed) as refused:
        services.update_funds(actor=admin_user, funds=funds)
    assert keys(refused.value) == {"funds[0].selected": "programme.setup.locked"}
    # Additions and selecting stay possible.
    funds = current_funds()
    funds[1].selected = True
    funds.append(FundInput(id=None, selected=True, abbreviation={"EN": "New"}))
    services.update_funds(actor=admin_user, funds=funds)
    assert ProgrammeFund.objects.filter(selected=True).count() == 3


# --- strategies ----------------------------------------------------------------------------------------------


def test_strategies(admin_user, locked):
    rows = services.update_strategies(actor=admin_user, strategies=[("EUStrategyAlpineRegion", True),
                                                                     ("EuropeanGreenDeal", True)])
    assert len(rows) == 15 and rows[0].strategy == "EUStrategyAdriaticIonianRegion"
    assert set(ProgrammeStrategy.objects.filter(active=True).values_list("strategy", flat=True)) == {
        "EUStrategyAlpineRegion", "EuropeanGreenDeal"}
    assert "EUStrategyAlpineRegion, EuropeanGreenDeal" in audit("PROGRAMME_STRATEGIES_CHANGED")[0].description
    with pytest.raises(ValidationFailed) as refused:
        services.update_strategies(actor=admin_user, strategies=[("EuropeanGreenDeal", False)])
    assert refused.value.key == "programme.setup.locked"
    assert ProgrammeStrategy.objects.get(pk="EuropeanGreenDeal").active
    with pytest.raises(ValidationFailed):
        services.update_strategies(actor=admin_user, strategies=[("Unknown", True)])


def test_strategy_deactivation_before_lock(admin_user):
    services.update_strategies(actor=admin_user, strategies=[("EuropeanGreenDeal", True)])
    services.update_strategies(actor=admin_user, strategies=[("EuropeanGreenDeal", False)])
    assert not ProgrammeStrategy.objects.filter(active=True).exists()
    assert len(audit("PROGRAMME_STRATEGIES_CHANGED")) == 2


# --- legal statuses ------------------------------------------------------------------------------------------


def test_legal_statuses(admin_user):
    rows = services.update_legal_statuses(actor=admin_user, to_delete=[], to_persist=[
        LegalStatusInput(id=None, type="OTHER", description={"EN": "NGO", "DE": "NRO"}),
        LegalStatusInput(id=1, type="PUBLIC", description={"EN": "Public", "DE": "Öffentlich"})])
    assert [row.type for row in rows] == ["PUBLIC", "PRIVATE", "OTHER"]
    assert LegalStatus.objects.get(pk=1).description == {"EN": "Public", "DE": "Öffentlich"}
    ngo = rows[-1]
    [event] = audit("LEGAL_STATUS_EDITED")
    assert "added" in event.description and "Öffentlich" in event.description
    services.update_legal_statuses(actor=admin_user, to_delete=[ngo.pk, 999], to_persist=[])
    assert LegalStatus.objects.count() == 2


def test_legal_status_rules(admin_user):
    with pytest.raises(ValidationFailed) as refused:
        services.update_legal_statuses(actor=admin_user, to_delete=[1], to_persist=[
            LegalStatusInput(id=None, type="PUBLIC", description={"EN": "Second public"}),
            LegalStatusInput(id=2, type="OTHER", description={"EN": "Private"}),
            LegalStatusInput(id=2, type="PRIVATE", description={"EN": "Privat"}),
            LegalStatusInput(id=None, type="OTHER", description={"EN": "x" * 51})])
    assert keys(refused.value) == {
        "toDeleteIds": "programme.legal.status.predefined.not.removable",
        "toPersist[0].type": "programme.legal.status.type.other.only",
        "toPersist[1].type": "programme.legal.status.type.fixed",
        "toPersist[2].description.language.en": "programme.legal.status.predefined.text.fixed",
        "toPersist[3].description.language.en": "common.error.field.max.length",
    }
    assert LegalStatus.objects.count() == 2


def test_at_most_50_legal_statuses(admin_user):
    LegalStatus.objects.bulk_create([LegalStatus(description={"EN": f"S{i}"}) for i in range(48)])
    with pytest.raises(ValidationFailed) as refused:
        services.update_legal_statuses(actor=admin_user, to_delete=[], to_persist=[
            LegalStatusInput(id=None, description={"EN": "one too many"})])
    assert keys(refused.value) == {"toPersist": "programme.legal.status.max"}
    last = LegalStatus.objects.last()
    services.update_legal_statuses(actor=admin_user, to_delete=[last.pk], to_persist=[
        LegalStatusInput(id=None, description={"EN": "replacement"})])
    assert LegalStatus.objects.count() == 50


def test_locked_legal_statuses(admin_user, locked):
    status = LegalStatus.objects.create(description={"EN": "NGO"})
    with pytest.raises(ValidationFailed) as refused:
        services.update_legal_statuses(actor=admin_user, to_delete=[status.pk], to_persist=[])
    assert refused.value.key == "programme.setup.locked" and keys(refused.value) == {"toDeleteIds": "programme.setup.locked"}
    services.update_legal_statuses(actor=admin_user, to_delete=[], to_persist=[
        LegalStatusInput(id=None, description={"EN": "Added after publishing"})])
    assert LegalStatus.objects.count() == 4


# --- state aid -----------------------------------------------------------------------------------------------


def aid(**values):
    base = {"id": 0, "measure": "GBER_ARTICLE_20", "name": {"EN": "ETC aid"}, "abbreviated_name": {"EN": "Art. 20"},
            "scheme_number": "SA.1", "max_intensity": Decimal("80"), "threshold": Decimal("2200000"),
            "comments": {"EN": "c"}}
    return StateAidInput(**{**base, **values})


def test_state_aids(admin_user):
    [row] = services.update_state_aids(actor=admin_user, to_delete=[], to_persist=[aid()])
    assert row.max_intensity == Decimal("80.00") and row.threshold == Decimal("2200000.00")
    assert row.abbreviated_name == {"EN": "Art. 20"}
    [changed] = services.update_state_aids(actor=admin_user, to_delete=[], to_persist=[
        aid(id=row.pk, measure="GBER_ARTICLE_20A", max_intensity=None, threshold=Decimal("22000.50"))])
    assert changed.pk == row.pk and changed.measure == "GBER_ARTICLE_20A" and changed.max_intensity is None
    assert len(audit("PROGRAMME_STATE_AID_CHANGED")) == 2
    assert services.update_state_aids(actor=admin_user, to_delete=[row.pk], to_persist=[]) == []


def test_state_aid_rules(admin_user):
    with pytest.raises(ValidationFailed) as refused:
        services.update_state_aids(actor=admin_user, to_delete=[], to_persist=[
            aid(measure="NOPE", name={"EN": "n" * 251}, abbreviated_name={"DE": "a" * 51}, scheme_number="s" * 26,
                max_intensity=Decimal("100.01"), threshold=Decimal("-1"), comments={"EN": "c" * 501}),
            aid(max_intensity=Decimal("50.123"), threshold=Decimal("1.001"))])
    assert keys(refused.value) == {
        "toPersist[0].measure": "common.error.input.invalid",
        "toPersist[0].name.language.en": "common.error.field.max.length",
        "toPersist[0].abbreviatedName.language.de": "common.error.field.max.length",
        "toPersist[0].schemeNumber": "common.error.field.max.length",
        "toPersist[0].maxIntensity": "programme.state.aid.max.intensity.range",
        "toPersist[0].threshold": "programme.state.aid.threshold.range",
        "toPersist[0].comments.language.en": "common.error.field.max.length",
        "toPersist[1].maxIntensity": "programme.state.aid.max.intensity.range",
        "toPersist[1].threshold": "programme.state.aid.threshold.range",
    }
    StateAid.objects.bulk_create([StateAid(measure="OTHER_1") for _ in range(40)])
    with pytest.raises(ValidationFailed) as refused:
        services.update_state_aids(actor=admin_user, to_delete=[], to_persist=[aid()])
    assert keys(refused.value) == {"toPersist": "programme.state.aid.max"}


def test_locked_state_aids(admin_user, locked):
    [row] = services.update_state_aids(actor=admin_user, to_delete=[], to_persist=[aid()])
    with pytest.raises(ValidationFailed) as refused:
        services.update_state_aids(actor=admin_user, to_delete=[row.pk], to_persist=[])
    assert refused.value.key == "programme.setup.locked" and keys(refused.value) == {"toDeleteIds": "programme.setup.locked"}
    with pytest.raises(ValidationFailed) as refused:
        services.update_state_aids(actor=admin_user, to_delete=[], to_persist=[aid(id=row.pk, measure="OTHER_1")])
    assert keys(refused.value) == {"toPersist[0].measure": "programme.setup.locked"}
    services.update_state_aids(actor=admin_user, to_delete=[], to_persist=[aid(id=row.pk, scheme_number="SA.2")])
    assert StateAid.objects.get().scheme_number == "SA.2"


# --- typology of errors ----------------------------------------------------------------------------------------


def test_typology_errors(admin_user):
    rows = services.update_typology_errors(actor=admin_user, to_delete=[], to_persist=[
        TypologyErrorInput(id=None, description=" Public procurement "), TypologyErrorInput(id=None, description="VAT")])
    assert [row.description for row in rows] == ["Public procurement", "VAT"]
    rows = services.update_typology_errors(actor=admin_user, to_delete=[rows[1].pk], to_persist=[
        TypologyErrorInput(id=rows[0].pk, description="Procurement")])
    assert [row.description for row in rows] == ["Procurement"]
    assert len(audit("PROGRAMME_TYPOLOGY_ERRORS")) == 2


def test_typology_error_rules(admin_user, locked):
    with pytest.raises(ValidationFailed) as refused:
        services.update_typology_errors(actor=admin_user, to_delete=[], to_persist=[
            TypologyErrorInput(id=None, description="  "), TypologyErrorInput(id=None, description="x" * 501)])
    assert keys(refused.value) == {"toPersist[0].description": "programme.typology.errors.description.required",
                                   "toPersist[1].description": "common.error.field.max.length"}
    TypologyError.objects.bulk_create([TypologyError(description=f"E{i}") for i in range(100)])
    with pytest.raises(ValidationFailed) as refused:
        services.update_typology_errors(actor=admin_user, to_delete=[], to_persist=[
            TypologyErrorInput(id=None, description="one too many")])
    assert keys(refused.value) == {"toPersist": "programme.typology.errors.max"}
    with pytest.raises(ValidationFailed) as refused:
        services.update_typology_errors(actor=admin_user, to_delete=[TypologyError.objects.first().pk], to_persist=[])
    assert refused.value.key == "programme.setup.locked"
    assert TypologyError.objects.count() == 100


# --- optimistic locking ----------------------------------------------------------------------------------------


def test_a_stale_version_is_refused(admin_user):
    from jems.programme import versions

    seen = versions.typology_errors_version(TypologyError.objects.all())
    services.update_typology_errors(actor=admin_user, to_delete=[], expected_version=seen,
                                    to_persist=[TypologyErrorInput(id=None, description="first")])
    with pytest.raises(ValidationFailed) as refused:  # saved by someone else since `seen`
        services.update_typology_errors(actor=admin_user, to_delete=[], expected_version=seen,
                                        to_persist=[TypologyErrorInput(id=None, description="second")])
    assert refused.value.key == versions.CHANGED_KEY
    assert list(TypologyError.objects.values_list("description", flat=True)) == ["first"]
    data = ProgrammeData.objects.get()
    seen = versions.programme_data_version(data)
    services.update_programme_data(actor=admin_user, values={"title": "A"}, expected_version=seen)
    with pytest.raises(ValidationFailed):
        services.update_programme_data(actor=admin_user, values={"title": "B"}, expected_version=seen)
    assert ProgrammeData.objects.get().title == "A"
