"""ProjectPartnerBudgetApi over HTTP: shapes, 422 field errors with the budget unchanged, options, totals,
versions, refusals and fixed query counts."""

import json

import pytest
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection
from django.test.utils import CaptureQueriesContext

from jems.projects.models import ProjectVersion
from jems.projects.services import form_snapshot

pytestmark = pytest.mark.django_db


def _t(text):
    return [{"language": "EN", "translation": text}]


def entry(price="100.00", units="10", **extra):
    return {"numberOfUnits": units, "pricePerUnit": price, "rowSum": 1, "description": _t("Manager"),
            "budgetPeriods": [{"number": 1, "amount": 250}], **extra}


def base(partner):
    return f"/api/project/partner/{partner.pk}/budget"


def test_costs_shape_and_updates(api_as, applicant, partner, investment, unit_costs):
    client = api_as(applicant)
    saved = client.put(f"{base(partner)}/staffcosts", [entry(price=12.5)])
    assert saved.status_code == 200
    assert saved.json() == [{"id": saved.json()[0]["id"], "numberOfUnits": 10, "rowSum": 125,
                             "budgetPeriods": [{"number": 1, "amount": 250}], "pricePerUnit": 12.5,
                             "unitCostId": None, "description": _t("Manager"), "comments": [], "unitType": []}]
    external = client.put(f"{base(partner)}/external", [entry(investmentId=investment.pk,
                                                              awardProcedures=_t("Open tender"))]).json()[0]
    assert external["investmentId"] == investment.pk and external["awardProcedures"] == _t("Open tender")
    unit = client.put(f"{base(partner)}/unitcosts", [{"unitCostId": unit_costs[1].pk, "numberOfUnits": 2}]).json()[0]
    assert unit["rowSum"] == 2001 and "pricePerUnit" not in unit
    for path in ("travel", "equipment", "infrastructure"):
        assert client.put(f"{base(partner)}/{path}", [entry()]).status_code == 200
    costs = client.get(f"{base(partner)}/costs").json()
    assert [len(costs[k]) for k in ("staffCosts", "travelCosts", "externalCosts", "equipmentCosts",
                                    "infrastructureCosts", "unitCosts", "spfCosts")] == [1, 1, 1, 1, 1, 1, 0]
    assert client.get(f"{base(partner)}/total").json() == 125 + 4 * 1000 + 2001
    assert client.get(f"{base(partner)}/spf/total").json() == 0


@pytest.mark.parametrize("bad,field", [
    (entry(price="1.001"), "staffCosts[0].pricePerUnit"),
    (entry(price=-1), "staffCosts[0].pricePerUnit"),
    (entry(units="1000000000.00"), "staffCosts[0].numberOfUnits"),
    (entry(budgetPeriods=[{"number": 9, "amount": 1}]), "staffCosts[0].budgetPeriods"),
])
def test_bad_input_is_422_with_field_errors_and_budget_unchanged(api_as, applicant, partner, bad, field):
    client = api_as(applicant)
    client.put(f"{base(partner)}/staffcosts", [entry()])
    before = client.get(f"{base(partner)}/costs").json()
    response = client.put(f"{base(partner)}/staffcosts", [entry(price="5"), bad])
    assert response.status_code == 422
    assert field.replace("[0]", "[1]") in response.json()["formErrors"]
    assert client.get(f"{base(partner)}/costs").json() == before


def test_options(api_as, applicant, partner, flat_rates):
    client = api_as(applicant)
    empty = client.get(f"{base(partner)}/options")
    assert empty.status_code == 200 and empty.content == b""
    assert client.put(f"{base(partner)}/options", {"staffCostsFlatRate": 15}).status_code == 200
    assert client.get(f"{base(partner)}/options").json() == {
        "officeAndAdministrationOnStaffCostsFlatRate": None, "officeAndAdministrationOnDirectCostsFlatRate": None,
        "travelAndAccommodationOnStaffCostsFlatRate": None, "staffCostsFlatRate": 15,
        "otherCostsOnStaffCostsFlatRate": None}
    refused = client.put(f"{base(partner)}/options", {"staffCostsFlatRate": 25})
    assert refused.status_code == 422 and "staffCostsFlatRate" in refused.json()["formErrors"]


def test_version_reads(api_as, applicant, partner):
    client = api_as(applicant)
    client.put(f"{base(partner)}/travel", [entry()])
    snapshot = json.loads(json.dumps(form_snapshot(partner.project), cls=DjangoJSONEncoder))
    ProjectVersion.objects.create(project=partner.project, version="0.5", user=applicant, status="SUBMITTED",
                                  snapshot=snapshot)
    client.put(f"{base(partner)}/travel", [])
    assert client.get(f"{base(partner)}/total").json() == 0
    assert client.get(f"{base(partner)}/total?version=0.5").json() == 1000
    assert len(client.get(f"{base(partner)}/costs?version=0.5").json()["travelCosts"]) == 1
    assert client.get(f"{base(partner)}/costs?version=9.9").status_code == 404


def test_refusals(api_as, applicant, partner, viewer, stranger):
    assert api_as(stranger).get(f"{base(partner)}/costs").status_code == 404
    assert api_as(stranger).put(f"{base(partner)}/staffcosts", [entry()]).status_code == 404
    assert api_as(viewer).get(f"{base(partner)}/costs").status_code == 200
    assert api_as(viewer).put(f"{base(partner)}/staffcosts", [entry()]).status_code == 403
    assert api_as(applicant).put(f"{base(partner)}/staffcosts", [{"pricePerUnit": 1}]).status_code == 400
    assert api_as(applicant).get("/api/project/partner/999999/budget/costs").status_code == 404


def test_query_counts_fixed(api_as, applicant, partner):
    client = api_as(applicant)

    def count(method, *args):
        getattr(client, method)(*args)
        with CaptureQueriesContext(connection) as ctx:
            assert getattr(client, method)(*args).status_code == 200
        return len(ctx)

    rows = [entry(price=str(n)) for n in range(10)]
    small = (count("put", f"{base(partner)}/staffcosts", rows), count("get", f"{base(partner)}/costs"),
             count("get", f"{base(partner)}/total"))
    rows = [entry(price=str(n)) for n in range(200)]
    large = (count("put", f"{base(partner)}/staffcosts", rows), count("get", f"{base(partner)}/costs"),
             count("get", f"{base(partner)}/total"))
    assert large[1:] == small[1:]
    # the save is bulk_update/bulk_create: SQLite splits them into batches of its 999 bound parameters, so 300
    # rows (the maximum) cost at most a few statements more; the reads are fixed.
    assert large[0] <= small[0] + 4


def test_the_partner_list_shows_each_partner_budget(api_as, applicant, partner):
    client = api_as(applicant)
    client.put(f"{base(partner)}/travel", [entry()])
    snapshot = json.loads(json.dumps(form_snapshot(partner.project), cls=DjangoJSONEncoder))
    ProjectVersion.objects.create(project=partner.project, version="0.5", user=applicant, status="SUBMITTED",
                                  snapshot=snapshot)
    client.put(f"{base(partner)}/travel", [entry(units="2")])
    url = f"/api/project/partner/byProjectId/{partner.project_id}"

    def budget_of_partner(query=""):
        rows = client.get(f"{url}{query}").json()["content"]
        return next(row["totalBudget"] for row in rows if row["partnerSummary"]["id"] == partner.pk)

    assert budget_of_partner() == 200 and budget_of_partner("?version=0.5") == 1000
