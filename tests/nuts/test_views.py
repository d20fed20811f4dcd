"""The geographical-coverage page: tree form without JS, read-only view, lock errors, filter, query count."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from jems.calls.models import Call, CallStatus
from jems.nuts.models import NutsRegion, ProgrammeNuts
from tests.ui.conftest import logged_in

URL = "/app/programme/areas"


def test_page_shows_the_tree_to_editors(admin_user):
    response = logged_in(admin_user).get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="nuts" value="AT111"' in html and "Mittelburgenland (AT111)" in html
    assert "All of Österreich (AT)" in html
    assert "Download the NUTS data set" in html


def test_read_only_for_setup_readers(programme_user):
    ProgrammeNuts.objects.create(region_id="AT111")
    html = logged_in(programme_user).get(URL).content.decode()
    assert 'name="nuts"' not in html and "Download the NUTS data set" not in html
    assert "Mittelburgenland (AT111)" in html


def test_applicant_gets_403(applicant):
    assert logged_in(applicant).get(URL).status_code == 403


def test_select_all_of_a_region_and_single_regions(admin_user):
    client = logged_in(admin_user)
    response = client.post(URL, {"nuts": ["AT21", "SI041"]})
    assert response.status_code == 302
    assert set(ProgrammeNuts.objects.values_list("region_id", flat=True)) == {"AT211", "AT212", "AT213", "SI041"}
    html = client.get(URL).content.decode()
    assert 'name="full" value="AT21"' in html  # all of Kärnten is ticked


def test_unticking_a_full_parent_removes_its_regions(admin_user):
    for code in ("AT211", "AT212", "AT213", "SI041"):
        ProgrammeNuts.objects.create(region_id=code)
    # AT21 was shown ticked (full) and is now unticked, its leaves still ticked: the parent's change wins.
    logged_in(admin_user).post(URL, {"nuts": ["AT211", "AT212", "AT213", "SI041"],
                                     "full": ["AT21", "AT2", "SI041"]})
    assert set(ProgrammeNuts.objects.values_list("region_id", flat=True)) == {"SI041"}


def test_unticking_one_leaf_under_a_full_parent(admin_user):
    for code in ("AT211", "AT212", "AT213"):
        ProgrammeNuts.objects.create(region_id=code)
    logged_in(admin_user).post(URL, {"nuts": ["AT211", "AT212", "AT21", "AT2"], "full": ["AT21", "AT2"]})
    assert set(ProgrammeNuts.objects.values_list("region_id", flat=True)) == {"AT211", "AT212"}


def test_locked_removal_shows_the_reason_and_keeps_the_choice(admin_user):
    ProgrammeNuts.objects.create(region_id="AT111")
    now = timezone.now()
    Call.objects.create(name="Call", status=CallStatus.PUBLISHED, start_date=now, end_date=now)
    response = logged_in(admin_user).post(URL, {"nuts": ["AT112"]})
    assert response.status_code == 200
    html = response.content.decode()
    assert "programme setup is locked" in html
    assert 'value="AT112" id="nuts-AT112" checked' in html
    assert set(ProgrammeNuts.objects.values_list("region_id", flat=True)) == {"AT111"}


def test_filter_keeps_hidden_selections(admin_user):
    ProgrammeNuts.objects.create(region_id="SI041")
    client = logged_in(admin_user)
    html = client.get(URL, {"q": "burgenland"}).content.decode()
    assert "Mittelburgenland" in html and "Osrednjeslovenska" not in html
    assert 'name="kept" value="SI041"' in html
    partial = client.get(URL, {"q": "burgenland"}, HTTP_HX_REQUEST="true").content.decode()
    assert partial.startswith('<div id="area-tree">')
    client.post(URL, {"q": "burgenland", "nuts": ["AT111"], "kept": ["SI041"]})
    assert set(ProgrammeNuts.objects.values_list("region_id", flat=True)) == {"AT111", "SI041"}


def test_download_button(admin_user, programme_user):
    response = logged_in(admin_user).post(f"{URL}/download")
    assert response.status_code == 302
    assert logged_in(programme_user).post(f"{URL}/download").status_code == 403


def _queries(client) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(URL).status_code == 200
    return len(captured)


def test_fixed_number_of_queries(admin_user):
    client = logged_in(admin_user)
    _queries(client)  # the first request also re-stamps the session
    leaves = list(NutsRegion.objects.filter(level=3).order_by("code").values_list("code", flat=True))
    ProgrammeNuts.objects.bulk_create([ProgrammeNuts(region_id=c) for c in leaves[:10]])
    few = _queries(client)
    ProgrammeNuts.objects.bulk_create([ProgrammeNuts(region_id=c) for c in leaves[10:200]])
    assert _queries(client) == few
