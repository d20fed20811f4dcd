"""ProjectLumpSumApi, ProjectCostOptionApi and getProjectUnitCosts over HTTP: shapes, versions, 422 bodies,
refusals and fixed query counts."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from jems.projects import services as project_services
from jems.projects.budget.models import BudgetCostRow
from jems.projects.models import Project

pytestmark = pytest.mark.django_db


def _lump_sum(programme, period, *shares, order=1):
    return {"orderNr": order, "programmeLumpSumId": programme.pk, "period": period, "fastTrack": False,
            "readyForPayment": False,
            "lumpSumContributions": [{"partnerId": p.pk, "amount": a} for p, a in shares]}


def _unit_cost(**extra):
    return {"projectDefined": True, "name": [{"language": "EN", "translation": "Workshop"}],
            "type": [{"language": "EN", "translation": "event"}], "costPerUnit": 250.5, "oneCostCategory": True,
            "categories": ["ExternalCosts"], "paymentClaim": "IncurredByBeneficiaries", **extra}


def test_lump_sums_round_trip(api_as, applicant, project, partners, split_lump_sum, single_lump_sum):
    lead, other = partners
    client = api_as(applicant)
    base = f"/api/project/{project.pk}/lumpSum"
    assert client.get(base).json() == []
    response = client.put(base, [_lump_sum(single_lump_sum, 0, (lead, 1999.99)),
                                 _lump_sum(split_lump_sum, 1, (lead, "2000"), (other, 3555.56), order=9)])
    assert response.status_code == 200, response.content
    body = response.json()
    assert body[1] == {"orderNr": 2, "programmeLumpSumId": split_lump_sum.pk, "period": 1,
                       "lumpSumContributions": [{"partnerId": lead.pk, "amount": 2000.0},
                                                {"partnerId": other.pk, "amount": 3555.56}],
                       "fastTrack": False, "readyForPayment": False, "comment": None, "paymentEnabledDate": None,
                       "lastApprovedVersionBeforeReadyForPayment": None, "installmentsAlreadyCreated": None,
                       "linkedToEcPaymentId": None}
    assert body[0]["fastTrack"] is True and client.get(base).json() == body
    assert client.get(f"{base}/{lead.pk}").json() == 3999.99
    assert client.get(f"{base}/{other.pk}").json() == 3555.56
    assert client.get(f"{base}/999999").json() == 0
    # a version keeps what was frozen
    project_services.create_version(actor=applicant, project=project)
    client.put(base, [])
    assert client.get(f"{base}?version=1.0").json() == body
    assert client.get(f"{base}/{lead.pk}?version=1.0").json() == 3999.99
    assert client.get(base).json() == []
    assert client.get(f"{base}?version=9.0").status_code == 404


def test_lump_sum_refusals(api_as, applicant, viewer, stranger, project, partners, split_lump_sum, single_lump_sum):
    lead, other = partners
    base = f"/api/project/{project.pk}/lumpSum"
    assert api_as(stranger).get(base).status_code == 404
    assert api_as(stranger).put(base, []).status_code == 404
    assert api_as(viewer).get(base).status_code == 200
    assert api_as(viewer).put(base, []).status_code == 403
    client = api_as(applicant)
    response = client.put(base, [_lump_sum(split_lump_sum, 7, (lead, "1.001")),
                                 _lump_sum(single_lump_sum, 0, (lead, 1), (other, 1))])
    assert response.status_code == 422
    errors = response.json()["formErrors"]
    assert set(errors) == {"lumpSums[0].period", "lumpSums[0].lumpSumContributions[0].amount",
                           "lumpSums[1].lumpSumContributions"}
    assert errors["lumpSums[1].lumpSumContributions"]["i18nKey"] == "project.lumpSum.splitting.not.allowed"
    response = client.put(base, [_lump_sum(split_lump_sum, 1)] * 51)
    assert response.status_code == 422 and response.json()["i18nMessage"]["i18nKey"] == \
        "project.lumpSum.max.allowed.reached"
    assert client.put(base, [{"orderNr": 1}]).status_code == 400
    assert client.get(base).json() == []
    Project.objects.filter(pk=project.pk).update(status="SUBMITTED")
    response = client.put(base, [])
    assert response.status_code == 422 and "project.status.not.modifiable" in response.content.decode()


def test_proposed_unit_costs(api_as, admin_user, applicant, viewer, stranger, project, partners, proposals_allowed,
                             call_unit_cost):
    client = api_as(applicant)
    base = f"/api/project/{project.pk}/costOption/unitCost"
    assert client.get(base).json() == []
    response = client.post(base, _unit_cost())
    assert response.status_code == 200, response.content
    created = response.json()
    assert created["projectDefined"] is True and created["costPerUnit"] == 250.5
    assert created["name"] == [{"language": "EN", "translation": "Workshop"}]
    response = client.put(base, {**_unit_cost(costPerUnit="300"), "id": created["id"]})
    assert response.status_code == 200 and response.json()["costPerUnit"] == 300.0
    assert client.get(base).json() == [{"id": created["id"], "name": created["name"], "type": created["type"],
                                        "costPerUnit": 300.0, "categories": ["ExternalCosts"]}]
    assert client.get(f"{base}/{created['id']}").json()["costPerUnit"] == 300.0
    assert client.get(f"{base}/{call_unit_cost.pk}").status_code == 404
    available = client.get(f"{base}/available").json()
    assert [(u["id"], u["projectDefined"]) for u in available] == [(call_unit_cost.pk, False), (created["id"], True)]
    # the programme list does not show it
    programme_list = api_as(admin_user).get("/api/costOption/unitCost").json()
    assert [u["id"] for u in programme_list] == [call_unit_cost.pk]
    assert api_as(viewer).get(base).status_code == 200
    assert api_as(viewer).post(base, _unit_cost()).status_code == 403
    assert api_as(stranger).get(base).status_code == 404
    assert api_as(stranger).delete(f"{base}/{created['id']}").status_code == 404
    response = client.post(base, _unit_cost(costPerUnit=-1, name=[], categories=["StaffCosts", "ExternalCosts"]))
    assert response.status_code == 422
    assert {"name", "costPerUnit", "categories"} <= set(response.json()["formErrors"])
    project_services.create_version(actor=applicant, project=project)
    assert client.delete(f"{base}/{created['id']}").status_code == 200
    assert client.get(base).json() == []
    assert client.get(f"{base}?version=1.0").json()[0]["id"] == created["id"]
    assert client.get(f"{base}/{created['id']}?version=1.0").json()["costPerUnit"] == 300.0
    assert client.put(base, {**_unit_cost(), "id": created["id"]}).status_code == 404


def test_unit_cost_overview(api_as, applicant, project, partners, proposals_allowed, call_unit_cost):
    lead, other = partners
    client = api_as(applicant)
    proposed = client.post(f"/api/project/{project.pk}/costOption/unitCost", _unit_cost()).json()
    for partner, units in ((lead, "2"), (other, "3.5")):
        BudgetCostRow.objects.create(partner=partner, category="UNIT_COST", unit_cost=call_unit_cost,
                                     number_of_units=Decimal(units), price_per_unit=Decimal("120"),
                                     row_sum=Decimal(units) * 120)
    BudgetCostRow.objects.create(partner=lead, category="EXTERNAL", unit_cost_id=proposed["id"],
                                 number_of_units=Decimal("1"), price_per_unit=Decimal("250.50"),
                                 row_sum=Decimal("250.50"))
    body = client.get(f"/api/project/{project.pk}/budget/unitCosts").json()
    assert body == [
        {"costId": call_unit_cost.pk, "name": [{"language": "EN", "translation": "Meeting day"}], "description": [],
         "unitType": [{"language": "EN", "translation": "day"}], "pricePerUnit": 120.0, "numberOfUnits": 5.5,
         "total": 660.0},
        {"costId": proposed["id"], "name": proposed["name"], "description": [], "unitType": proposed["type"],
         "pricePerUnit": 250.5, "numberOfUnits": 1.0, "total": 250.5}]
    project_services.create_version(actor=applicant, project=project)
    BudgetCostRow.objects.all().delete()
    assert client.get(f"/api/project/{project.pk}/budget/unitCosts").json() == []
    assert client.get(f"/api/project/{project.pk}/budget/unitCosts?version=1.0").json() == body


def _counts(client, project, programme, partners, rows):
    base = f"/api/project/{project.pk}/lumpSum"
    body = [_lump_sum(programme, 1, *((p, "1.00") for p in partners))] * rows
    with CaptureQueriesContext(connection) as put_queries:
        assert client.put(base, body).status_code == 200
    with CaptureQueriesContext(connection) as get_queries:
        assert client.get(base).status_code == 200
    with CaptureQueriesContext(connection) as overview_queries:
        assert client.get(f"/api/project/{project.pk}/budget/unitCosts").status_code == 200
    return len(put_queries), len(get_queries), len(overview_queries)


def test_query_counts(api_as, applicant, project, partners, split_lump_sum):
    """Fixed whatever the number of lump sums (10 vs 50, the maximum)."""
    client = api_as(applicant)
    _counts(client, project, split_lump_sum, partners, 1)
    ten = _counts(client, project, split_lump_sum, partners, 10)
    fifty = _counts(client, project, split_lump_sum, partners, 50)
    assert ten == fifty, (ten, fifty)
    print("queries PUT/GET/overview:", ten)
