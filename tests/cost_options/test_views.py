"""Pages of Programme → Simplified cost options: rendering, read-only view, inline errors that keep the input,
the setup lock, and fixed query counts."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from jems.cost_options.models import ProgrammeLumpSum, ProgrammeUnitCost
from tests.ui.conftest import logged_in

from .conftest import make_lump_sum, make_unit_cost

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin(admin_user):
    return logged_in(admin_user)


@pytest.fixture
def reader(programme_user):
    return logged_in(programme_user)


def html(response) -> str:
    assert response.status_code == 200, response.status_code
    return response.content.decode()


LUMP_SUM_FORM = {"name_0": "Closure lump sum", "description_0": "Final report", "cost": "12000.50",
                 "phase": "Closure", "categories": ["StaffCosts", "ExternalCosts"], "splitting_allowed": "false",
                 "fast_track": "on", "payment_claim": "BasedOnSco", "action": "save"}
UNIT_COST_FORM = {"name_0": "Meeting day", "type_0": "day", "cost_per_unit": "250", "foreign_currency_code": "CHF",
                  "cost_per_unit_foreign_currency": "240.00", "one_cost_category": "true",
                  "categories": ["TravelAndAccommodationCosts"], "payment_claim": "IncurredByBeneficiaries",
                  "action": "save"}


def test_cost_pages_render(admin, admin_user):
    lump_sum = make_lump_sum(admin_user, fast_track=True)
    unit_cost = make_unit_cost(admin_user, foreign_currency_code="CHF", cost_per_unit_foreign_currency="240")
    page = html(admin.get("/app/programme/costs"))
    assert f'href="/app/programme/costs/lumpSum/detail/{lump_sum.pk}"' in page
    assert f'href="/app/programme/costs/unitCost/detail/{unit_cost.pk}"' in page
    assert "15,000.00" in page and "240.00 CHF" in page and "Fast track" in page
    assert "Add lump sum" in page and "Add unit cost" in page
    page = html(admin.get(f"/app/programme/costs/lumpSum/detail/{lump_sum.pk}"))
    assert 'value="Preparation lump sum"' in page and 'value="15000.00"' in page
    assert 'value="Preparation" required id="id_phase_0" checked' in page
    assert "Union contribution based on Lump sum acc. Art. 94" in page
    page = html(admin.get(f"/app/programme/costs/unitCost/detail/{unit_cost.pk}"))
    assert '<option value="CHF" selected>CHF – Swiss Franc</option>' in page
    assert "Union contribution based on Unit cost acc. Art. 94" in page


def test_create_lump_sum_and_unit_cost(admin):
    response = admin.post("/app/programme/costs/lumpSum/create", LUMP_SUM_FORM)
    lump_sum = ProgrammeLumpSum.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/app/programme/costs/lumpSum/detail/{lump_sum.pk}"
    assert lump_sum.cost == Decimal("12000.50") and lump_sum.fast_track and not lump_sum.splitting_allowed
    assert lump_sum.categories == ["StaffCosts", "ExternalCosts"] and lump_sum.payment_claim == "BasedOnSco"
    response = admin.post("/app/programme/costs/unitCost/create", UNIT_COST_FORM)
    unit_cost = ProgrammeUnitCost.objects.get()
    assert response.status_code == 302
    assert unit_cost.foreign_currency_code == "CHF" and unit_cost.one_cost_category
    assert unit_cost.type == {"EN": "day"}


def test_cost_option_errors_inline_keep_input(admin):
    page = html(admin.post("/app/programme/costs/lumpSum/create",
                           dict(LUMP_SUM_FORM, categories=["StaffCosts"], cost="12.345")))
    assert "At least two cost categories need to be selected." in page
    assert "At most 2 decimals are allowed." in page
    assert 'value="Closure lump sum"' in page and 'value="12.345"' in page
    page = html(admin.post("/app/programme/costs/lumpSum/create", dict(LUMP_SUM_FORM, name_0="", phase="")))
    assert "Enter the text in at least one language." in page and "This field is required." in page
    page = html(admin.post("/app/programme/costs/unitCost/create",
                           dict(UNIT_COST_FORM, categories=["OfficeAndAdministrationCosts"],
                                cost_per_unit_foreign_currency="")))
    assert "Office and administrative costs cannot be the single cost category of a unit cost." in page
    assert "This field is required." in page  # the foreign amount with a currency
    assert 'aria-invalid="true"' in page and 'value="Meeting day"' in page
    assert not ProgrammeLumpSum.objects.exists() and not ProgrammeUnitCost.objects.exists()


def test_update_and_delete(admin, admin_user):
    lump_sum = make_lump_sum(admin_user)
    response = admin.post(f"/app/programme/costs/lumpSum/detail/{lump_sum.pk}", LUMP_SUM_FORM)
    assert response.status_code == 302
    lump_sum.refresh_from_db()
    assert lump_sum.phase == "Closure"
    response = admin.post(f"/app/programme/costs/lumpSum/detail/{lump_sum.pk}", {"action": "delete"})
    assert response.status_code == 302 and response["Location"] == "/app/programme/costs"
    unit_cost = make_unit_cost(admin_user, project_defined=True)
    response = admin.post(f"/app/programme/costs/unitCost/detail/{unit_cost.pk}", UNIT_COST_FORM)
    assert response.status_code == 302
    unit_cost.refresh_from_db()
    assert unit_cost.project_defined and unit_cost.cost_per_unit_foreign_currency == Decimal("240.00")
    assert admin.post(f"/app/programme/costs/unitCost/detail/{unit_cost.pk}", {"action": "delete"}).status_code == 302
    assert not ProgrammeLumpSum.objects.exists() and not ProgrammeUnitCost.objects.exists()


def test_locked_cost_options(admin, admin_user, locked):
    lump_sum = make_lump_sum(admin_user)
    page = html(admin.get(f"/app/programme/costs/lumpSum/detail/{lump_sum.pk}"))
    assert "Delete this lump sum" not in page and "stay as they are" in page
    page = html(admin.post(f"/app/programme/costs/lumpSum/detail/{lump_sum.pk}", {"action": "delete"}))
    assert "the programme setup is locked.</p></div>" in page
    page = html(admin.post(f"/app/programme/costs/lumpSum/detail/{lump_sum.pk}", LUMP_SUM_FORM))
    assert "field--invalid" in page and "the programme setup is locked" in page
    assert ProgrammeLumpSum.objects.get().phase == "Preparation"


def test_read_only_for_retrieve_only(reader, admin_user):
    lump_sum, unit_cost = make_lump_sum(admin_user), make_unit_cost(admin_user)
    page = html(reader.get("/app/programme/costs"))
    assert "Add lump sum" not in page and "Add unit cost" not in page
    for url in (f"/app/programme/costs/lumpSum/detail/{lump_sum.pk}", f"/app/programme/costs/unitCost/detail/{unit_cost.pk}"):
        page = html(reader.get(url))
        assert "disabled" in page and 'value="save"' not in page and "Delete this" not in page
        assert reader.post(url, {"action": "delete"}).status_code == 403
    assert reader.get("/app/programme/costs/lumpSum/create").status_code == 403
    assert reader.post("/app/programme/costs/unitCost/create", UNIT_COST_FORM).status_code == 403
    assert ProgrammeLumpSum.objects.count() == 1 and ProgrammeUnitCost.objects.count() == 1


def test_cost_pages_need_privilege(client, applicant, admin):
    response = client.get("/app/programme/costs")
    assert response.status_code == 302 and "/no-auth/login" in response["Location"]
    assert logged_in(applicant).get("/app/programme/costs").status_code == 403
    assert admin.get("/app/programme/costs/lumpSum/detail/999").status_code == 404
    assert admin.get("/app/programme/costs/unitCost/detail/999").status_code == 404


# --- query counts ----------------------------------------------------------------------------------------


def count_queries(client, url) -> int:
    client.get(url)  # warm up: the session's activity stamp is written at most once a minute
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def add_cost_options(count, start=0):
    ProgrammeLumpSum.objects.bulk_create([
        ProgrammeLumpSum(name={"EN": f"Lump sum {i}"}, cost=1000 + i, phase="Implementation",
                         categories=["StaffCosts", "ExternalCosts"]) for i in range(start, start + count)])
    ProgrammeUnitCost.objects.bulk_create([
        ProgrammeUnitCost(name={"EN": f"Unit cost {i}"}, type={"EN": "day"}, cost_per_unit=100 + i,
                          categories=["StaffCosts"], one_cost_category=True) for i in range(start, start + count)])


@pytest.mark.parametrize("url", ["/app/programme/costs", "/api/costOption/lumpSum", "/api/costOption/unitCost"])
def test_cost_lists_query_count_is_fixed(admin, url):
    add_cost_options(10)
    small = count_queries(admin, url)
    add_cost_options(190, start=10)
    large = count_queries(admin, url)
    assert small == large, (small, large)
    assert large <= 8


def test_concurrent_edit_is_not_overwritten(admin, admin_user):
    import re

    lump_sum = make_lump_sum(admin_user)
    url = f"/app/programme/costs/lumpSum/detail/{lump_sum.pk}"
    version = re.search(r'name="version" value="([0-9a-f]+)"', html(admin.get(url))).group(1)
    ProgrammeLumpSum.objects.filter(pk=lump_sum.pk).update(cost=Decimal("1.00"))
    page = html(admin.post(url, dict(LUMP_SUM_FORM, version=version)))
    assert "Someone else changed this in the meantime." in page and 'value="12000.50"' in page
    assert ProgrammeLumpSum.objects.get().cost == Decimal("1.00")
    newer = re.search(r'name="version" value="([0-9a-f]+)"', page).group(1)
    assert admin.post(url, dict(LUMP_SUM_FORM, version=newer)).status_code == 302
    assert ProgrammeLumpSum.objects.get().cost == Decimal("12000.50")
