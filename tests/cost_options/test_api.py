"""ProgrammeLumpSumApi and ProgrammeUnitCostApi: every operation, its JSON shape and refusals."""

import json
from decimal import Decimal

import pytest

from jems.audit.models import AuditEvent
from jems.cost_options.models import ProgrammeLumpSum, ProgrammeUnitCost
from tests.api.conftest import error_key, form_keys

from .conftest import make_lump_sum, make_unit_cost

pytestmark = pytest.mark.django_db

LUMP_SUM = {
    "name": [{"language": "EN", "translation": "Preparation lump sum"}],
    "description": [{"language": "EN", "translation": "Preparing the application"}],
    "cost": 15000.00, "splittingAllowed": True, "phase": "Preparation",
    "categories": ["StaffCosts", "TravelAndAccommodationCosts"], "fastTrack": False,
    "paymentClaim": "IncurredByBeneficiaries",
}
UNIT_COST = {
    "name": [{"language": "EN", "translation": "Meeting day"}], "description": [],
    "type": [{"language": "EN", "translation": "day"}], "justification": [],
    "costPerUnit": 250.5, "costPerUnitForeignCurrency": 240, "foreignCurrencyCode": "CHF",
    "projectDefined": False, "oneCostCategory": True, "categories": ["TravelAndAccommodationCosts"],
    "paymentClaim": "BasedOnSco",
}


def decimals(response):
    return json.loads(response.content, parse_float=Decimal)


def test_lump_sum_operations(api_as, admin_user):
    api = api_as(admin_user)
    response = api.post("/api/costOption/lumpSum", dict(LUMP_SUM, id=77))
    assert response.status_code == 200, response.content
    body = decimals(response)
    assert body == {
        "id": body["id"], "name": [{"language": "EN", "translation": "Preparation lump sum"}],
        "description": [{"language": "EN", "translation": "Preparing the application"}],
        "cost": Decimal("15000.00"), "splittingAllowed": True, "phase": "Preparation",
        "categories": ["StaffCosts", "TravelAndAccommodationCosts"], "fastTrack": False,
        "paymentClaim": "IncurredByBeneficiaries",
    }
    assert body["id"] != 77
    assert b'"cost": 15000.00' in response.content
    lump_sum_id = body["id"]
    assert api.get(f"/api/costOption/lumpSum/{lump_sum_id}").json() == response.json()
    assert decimals(api.get("/api/costOption/lumpSum")) == [
        {"id": lump_sum_id, "name": body["name"], "cost": Decimal("15000.00"), "splittingAllowed": True}]

    response = api.put("/api/costOption/lumpSum", dict(LUMP_SUM, id=lump_sum_id, fastTrack=True, phase=None,
                                                        cost="99.99", paymentClaim="Other"))
    assert response.status_code == 200, response.content
    assert decimals(response)["cost"] == Decimal("99.99")
    assert response.json()["phase"] is None and response.json()["fastTrack"] is True

    response = api.delete(f"/api/costOption/lumpSum/{lump_sum_id}")
    assert response.status_code == 200 and response.content == b""
    assert not ProgrammeLumpSum.objects.exists()
    assert list(AuditEvent.objects.filter(action__startswith="PROGRAMME_LUMP_SUM").order_by("id")
                .values_list("action", flat=True)) == [
        "PROGRAMME_LUMP_SUM_ADDED", "PROGRAMME_LUMP_SUM_CHANGED", "PROGRAMME_LUMP_SUM_DELETED"]


def test_unit_cost_operations(api_as, admin_user):
    api = api_as(admin_user)
    response = api.post("/api/costOption/unitCost", UNIT_COST)
    assert response.status_code == 200, response.content
    body = decimals(response)
    assert body == {
        "id": body["id"], "name": [{"language": "EN", "translation": "Meeting day"}], "description": [],
        "type": [{"language": "EN", "translation": "day"}], "justification": [],
        "costPerUnit": Decimal("250.50"), "costPerUnitForeignCurrency": Decimal("240.00"),
        "foreignCurrencyCode": "CHF", "projectDefined": False, "oneCostCategory": True,
        "categories": ["TravelAndAccommodationCosts"], "paymentClaim": "BasedOnSco",
    }
    unit_cost_id = body["id"]
    assert api.get(f"/api/costOption/unitCost/{unit_cost_id}").json() == response.json()
    assert decimals(api.get("/api/costOption/unitCost")) == [
        {"id": unit_cost_id, "name": body["name"], "type": body["type"], "costPerUnit": Decimal("250.50"),
         "categories": ["TravelAndAccommodationCosts"]}]
    response = api.put("/api/costOption/unitCost", dict(
        UNIT_COST, id=unit_cost_id, oneCostCategory=False, categories=["StaffCosts", "ExternalCosts"],
        costPerUnitForeignCurrency=None, foreignCurrencyCode=None, projectDefined=True))
    assert response.status_code == 200, response.content
    assert response.json()["categories"] == ["StaffCosts", "ExternalCosts"]
    assert response.json()["foreignCurrencyCode"] is None and response.json()["projectDefined"] is True
    response = api.delete(f"/api/costOption/unitCost/{unit_cost_id}")
    assert response.status_code == 200 and response.content == b""
    assert not ProgrammeUnitCost.objects.exists()


def test_cost_option_validation(api_as, admin_user):
    api = api_as(admin_user)
    response = api.post("/api/costOption/lumpSum", dict(LUMP_SUM, cost=0, categories=["StaffCosts"], name=[]))
    assert response.status_code == 422
    assert form_keys(response) == {"cost": "programme.setup.number.out.of.range",
                                   "categories": "lump.sum.categories.min.2", "name": "common.error.field.required"}
    response = api.post("/api/costOption/unitCost", dict(UNIT_COST, costPerUnit=1.234, foreignCurrencyCode="ABC",
                                                          categories=["OfficeAndAdministrationCosts"]))
    assert response.status_code == 422
    assert form_keys(response) == {"costPerUnit": "programme.setup.number.decimals",
                                   "foreignCurrencyCode": "unit.cost.foreign.currency.code.invalid",
                                   "categories": "unit.cost.categories.office.not.allowed"}
    for path, body in (("/api/costOption/lumpSum", dict(LUMP_SUM, paymentClaim=None)),
                       ("/api/costOption/lumpSum", dict(LUMP_SUM, categories=["Food"])),
                       ("/api/costOption/lumpSum", {k: v for k, v in LUMP_SUM.items() if k != "fastTrack"}),
                       ("/api/costOption/unitCost", {k: v for k, v in UNIT_COST.items() if k != "oneCostCategory"}),
                       ("/api/costOption/unitCost", dict(UNIT_COST, costPerUnit="lots"))):
        response = api.post(path, body)
        assert response.status_code == 400 and response.content == b"", body
    assert error_key(api.put("/api/costOption/lumpSum", LUMP_SUM)) == "programme.lumpSum.not.found"
    assert api.put("/api/costOption/unitCost", dict(UNIT_COST, id=999)).status_code == 404
    assert api.get("/api/costOption/lumpSum/999").status_code == 404
    assert api.get("/api/costOption/unitCost/999").status_code == 404
    assert api.delete("/api/costOption/lumpSum/999").status_code == 404
    assert api.delete("/api/costOption/unitCost/999").status_code == 404


def test_cost_option_privileges_and_lock(api_as, admin_user, programme_user, applicant, locked):
    lump_sum, unit_cost = make_lump_sum(admin_user), make_unit_cost(admin_user)
    admin, reader, outsider = api_as(admin_user), api_as(programme_user), api_as(applicant)
    for path in ("/api/costOption/lumpSum", "/api/costOption/unitCost", f"/api/costOption/lumpSum/{lump_sum.pk}",
                 f"/api/costOption/unitCost/{unit_cost.pk}"):
        assert reader.get(path).status_code == 200
        assert outsider.get(path).status_code == 403
        assert api_as().get(path).status_code == 401
    for response in (reader.post("/api/costOption/lumpSum", LUMP_SUM),
                     reader.put("/api/costOption/lumpSum", dict(LUMP_SUM, id=lump_sum.pk)),
                     reader.delete(f"/api/costOption/lumpSum/{lump_sum.pk}"),
                     reader.post("/api/costOption/unitCost", UNIT_COST),
                     reader.put("/api/costOption/unitCost", dict(UNIT_COST, id=unit_cost.pk)),
                     reader.delete(f"/api/costOption/unitCost/{unit_cost.pk}")):
        assert response.status_code == 403 and error_key(response) == "common.error.access.denied"
    for path in (f"/api/costOption/lumpSum/{lump_sum.pk}", f"/api/costOption/unitCost/{unit_cost.pk}"):
        response = admin.delete(path)
        assert response.status_code == 422 and error_key(response) == "programme.setup.locked"
    response = admin.put("/api/costOption/lumpSum", dict(LUMP_SUM, id=lump_sum.pk, cost=1))
    assert response.status_code == 422 and form_keys(response) == {"cost": "programme.setup.locked"}
    assert admin.post("/api/costOption/lumpSum", LUMP_SUM).status_code == 200  # adding stays possible
