"""Programme area and NUTS download services: privileges, validation, setup lock, audit."""

import pytest
from django.utils import timezone

from jems.audit.models import AuditEvent
from jems.calls.models import Call, CallStatus
from jems.core.errors import Forbidden, ValidationFailed
from jems.nuts import queries, services
from jems.nuts.models import NutsMetadata, NutsRegion, ProgrammeNuts


def published_call():
    now = timezone.now()
    return Call.objects.create(name="Call 1", status=CallStatus.PUBLISHED, start_date=now, end_date=now)


def test_area_needs_programme_setup_update(programme_user):
    with pytest.raises(Forbidden):
        services.update_programme_area(actor=programme_user, codes=["AT111"])
    assert queries.programme_nuts(actor=programme_user) == []


def test_applicant_cannot_read_the_area(applicant):
    with pytest.raises(Forbidden):
        queries.programme_nuts(actor=applicant)


def test_higher_level_codes_select_their_nuts3_regions(admin_user):
    selected = services.update_programme_area(actor=admin_user, codes=["AT21", "si041", "AT111"])
    assert selected == {"AT211", "AT212", "AT213", "SI041", "AT111"}
    tree = queries.programme_nuts(actor=admin_user)
    assert [c["code"] for c in tree] == ["AT", "SI"]
    austria = tree[0]
    assert austria["title"] == "Österreich"
    assert [n["code"] for n in austria["areas"]] == ["AT1", "AT2"]
    event = AuditEvent.objects.get(action="PROGRAMME_NUTS_AREA_CHANGED")
    assert "5 NUTS 3 regions" in event.description and "AT211" in event.description


def test_unknown_codes_are_refused(admin_user):
    with pytest.raises(ValidationFailed) as error:
        services.update_programme_area(actor=admin_user, codes=["AT111", "XX999"])
    assert error.value.form_errors["nuts"]["i18nKey"] == "nuts.region.not.found"
    assert "XX999" in error.value.args_["codes"]
    assert not ProgrammeNuts.objects.exists()


def test_unchanged_area_is_not_audited(admin_user):
    services.update_programme_area(actor=admin_user, codes=["AT111"])
    services.update_programme_area(actor=admin_user, codes=["AT111"])
    assert AuditEvent.objects.filter(action="PROGRAMME_NUTS_AREA_CHANGED").count() == 1


def test_locked_setup_allows_additions_but_not_removals(admin_user):
    services.update_programme_area(actor=admin_user, codes=["AT111", "AT112"])
    published_call()
    services.update_programme_area(actor=admin_user, codes=["AT111", "AT112", "AT113"])
    with pytest.raises(ValidationFailed) as error:
        services.update_programme_area(actor=admin_user, codes=["AT111"])
    assert error.value.key == "programme.setup.locked"
    assert error.value.form_errors["nuts"]["i18nKey"] == "programme.setup.locked"
    assert queries.programme_area_codes() == {"AT111", "AT112", "AT113"}


def test_download_needs_programme_setup_update(programme_user):
    with pytest.raises(Forbidden):
        services.load_dataset(actor=programme_user)


def test_download_from_the_configured_url(admin_user, file_server, monkeypatch, settings):
    url = file_server.put("nuts.csv", "NUTS_ID,NUTS_NAME\nAT,Österreich\nAT1,Ostösterreich\nAT11,Burgenland\n"
                                      "AT111,Mittelburgenland (neu)\n")
    settings.NUTS_URL = url
    metadata = services.load_dataset(actor=admin_user)
    assert metadata.title == "nuts.csv"
    assert NutsRegion.objects.get(code="AT111").name == "Mittelburgenland (neu)"
    assert NutsRegion.objects.count() == 4
    event = AuditEvent.objects.filter(action="NUTS_DATASET_DOWNLOAD").latest("id")
    assert url in event.description and event.user_id == admin_user.pk


def test_failed_download_is_audited_and_keeps_the_regions(admin_user, file_server, monkeypatch, settings):
    settings.NUTS_URL = f"{file_server.url}/missing.json"
    before = NutsRegion.objects.count()
    with pytest.raises(ValidationFailed) as error:
        services.load_dataset(actor=admin_user)
    assert error.value.key == "nuts.dataset.invalid"
    assert NutsRegion.objects.count() == before
    assert "not loaded" in AuditEvent.objects.filter(action="NUTS_DATASET_DOWNLOAD").latest("id").description


def test_metadata_query_needs_programme_setup_retrieve(applicant, programme_user):
    with pytest.raises(Forbidden):
        queries.metadata(actor=applicant)
    assert queries.metadata(actor=programme_user) == NutsMetadata.objects.get()
