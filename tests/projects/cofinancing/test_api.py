"""Co-financing API: shapes of the ProjectPartnerBudgetApi, ProjectPartnerApi and ProjectApi operations, 422
bodies, versions, refusals and fixed query counts for the project-level reads."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from jems.accounts.privileges import APPLICANT_USER_ROLE_ID
from jems.calls.models import CallType
from jems.projects.cofinancing.models import PartnerCoFinancing, PartnerContribution
from jems.projects.partners.models import PartnerRole, ProjectPartner
from jems.projects.services import create_version
from tests.conftest import make_user

from .conftest import give_budget

pytestmark = pytest.mark.django_db


def body(erdf, contributions=None) -> dict:
    return {"finances": [{"fundType": "MainFund", "fundId": erdf.pk, "percentage": 75.5},
                         {"fundType": "PartnerContribution", "percentage": 24.5}],
            "partnerContributions": contributions if contributions is not None else [
                {"partner": True, "status": "Public", "amount": 100},
                {"partner": False, "name": "Region", "status": "AutomaticPublic", "amount": 50.25}]}


def test_get_put_and_versions(api_as, applicant, project, partners, funds, origins):
    lead, _uni = partners
    erdf, _other = funds
    client = api_as(applicant)
    path = f"/api/project/partner/{lead.pk}/budget/cofinancing"
    assert client.get(path).json() == {"finances": [], "partnerContributions": []}
    response = client.put(path, body(erdf))
    assert response.status_code == 200, response.content
    saved = response.json()
    assert saved["finances"] == [
        {"fund": {"id": erdf.pk, "selected": True, "type": "ERDF",
                  "abbreviation": [{"language": "EN", "translation": "ERDF"}], "description": []},
         "fundType": "MainFund", "percentage": 75.5},
        {"fund": None, "fundType": "PartnerContribution", "percentage": 24.5}]
    own, region = saved["partnerContributions"]
    assert own == {"id": own["id"], "name": "CITY", "status": "Public", "amount": 100, "partner": True}
    assert region == {"id": region["id"], "name": "Region", "status": "AutomaticPublic", "amount": 50.25,
                      "partner": False}
    assert client.get(path).json() == saved
    create_version(actor=applicant, project=project)
    client.put(path, body(erdf, [{"partner": True, "status": "Private", "amount": 1}]))
    assert client.get(f"{path}?version=1.0").json() == saved
    assert client.get(path).json()["partnerContributions"][0]["status"] == "Private"
    assert client.get(f"{path}?version=9.9").status_code == 404


def test_422_bodies(api_as, applicant, partners, funds, origins):
    lead, _uni = partners
    erdf, _other = funds
    client = api_as(applicant)
    path = f"/api/project/partner/{lead.pk}/budget/cofinancing"
    bad = body(erdf)
    bad["finances"][0]["percentage"] = 80.5
    bad["partnerContributions"][1]["amount"] = -1
    response = client.put(path, bad)
    assert response.status_code == 422
    errors = response.json()["formErrors"]
    assert errors == {
        "finances[0].percentage": {"i18nKey": "project.partner.coFinancing.percentage.above.call.rate",
                                   "i18nArguments": {"max": "80.00"}},
        "partnerContributions[1].amount": {"i18nKey": "project.partner.contribution.amount.invalid",
                                           "i18nArguments": {}}}
    assert response.json()["i18nMessage"]["i18nKey"] == "project.partner.coFinancing.invalid"
    assert client.put(path, {"finances": [{"percentage": 1}]}).status_code == 400
    assert not PartnerCoFinancing.objects.exists()


def test_refusals(api_as, applicant, partners, funds, origins, project):
    lead, _uni = partners
    erdf, _other = funds
    stranger = make_user("stranger@example.org", APPLICANT_USER_ROLE_ID)
    path = f"/api/project/partner/{lead.pk}/budget/cofinancing"
    assert api_as(stranger).get(path).status_code == 404
    assert api_as(stranger).put(path, body(erdf)).status_code == 404
    assert api_as(stranger).get(f"/api/project/{project.pk}/coFinancing").status_code == 404
    assert api_as(applicant).get("/api/project/partner/999999/budget/cofinancing").status_code == 404
    assert api_as().get(path).status_code == 401


def test_spf_co_financing(api_as, applicant, partners, funds, open_call):
    lead, _uni = partners
    erdf, _other = funds
    client = api_as(applicant)
    path = f"/api/project/partner/{lead.pk}/budget/spf/cofinancing"
    spf_body = body(erdf, [{"partner": False, "name": "Foundation", "status": "Private", "amount": 10}])
    refused = client.put(path, spf_body)
    assert refused.status_code == 422
    assert refused.json()["i18nMessage"]["i18nKey"] == "project.partner.spf.cofinancing.call.not.spf"
    open_call.type = CallType.SPF
    open_call.save()
    saved = client.put(path, spf_body)
    assert saved.status_code == 200, saved.content
    assert saved.json()["partnerContributions"][0]["name"] == "Foundation"
    assert client.get(path).json() == saved.json()
    assert client.get(f"/api/project/partner/{lead.pk}/budget/cofinancing").json()["finances"] == []


def test_project_level_reads(api_as, applicant, project, partners, funds, origins):
    lead, uni = partners
    erdf, _other = funds
    client = api_as(applicant)
    give_budget(lead, "5123.12")
    client.put(f"/api/project/partner/{lead.pk}/budget/cofinancing", body(erdf))
    rows = client.get(f"/api/project/{project.pk}/coFinancing").json()
    assert (rows[0]["total"], rows[1]["total"]) == (5123.12, 0)
    assert [r["partner"]["abbreviation"] for r in rows] == ["CITY", "UNI"]
    assert rows[0]["partner"]["role"] == "LEAD_PARTNER"
    assert rows[0]["projectPartnerCoFinancingAndContributionOutputDTO"]["finances"][0]["fund"]["id"] == erdf.pk
    assert rows[1]["projectPartnerCoFinancingAndContributionOutputDTO"] == {"finances": [],
                                                                            "partnerContributions": []}
    sources = client.get(f"/api/project/partner/byProjectId/{project.pk}/withContributionSources").json()
    assert sources[0]["partnerSummary"]["abbreviation"] == "CITY"
    assert [f["id"] for f in sources[0]["partnerCoFinancing"]] == [erdf.pk]
    assert [c["name"] for c in sources[0]["partnerContributions"]] == ["CITY", "Region"]
    assert sources[0]["partnerContributionsSpf"] == [] and sources[1]["partnerCoFinancing"] == []
    create_version(actor=applicant, project=project)
    PartnerContribution.objects.filter(project_partner=lead, partner=False).delete()
    old = client.get(f"/api/project/partner/byProjectId/{project.pk}/withContributionSources?version=1.0").json()
    assert [c["name"] for c in old[0]["partnerContributions"]] == ["CITY", "Region"]
    old_rows = client.get(f"/api/project/{project.pk}/coFinancing?version=1.0").json()
    assert len(old_rows[0]["projectPartnerCoFinancingAndContributionOutputDTO"]["partnerContributions"]) == 2


def _fill(project, erdf, partner_count, contribution_count):
    partners = ProjectPartner.objects.bulk_create([
        ProjectPartner(project=project, abbreviation=f"P{n}", sort_number=n,
                       role=PartnerRole.LEAD_PARTNER if n == 1 else PartnerRole.PARTNER)
        for n in range(1, partner_count + 1)])
    PartnerCoFinancing.objects.bulk_create(
        [PartnerCoFinancing(project_partner=p, fund_type="MainFund", fund=erdf, percentage=Decimal(80), order_nr=1)
         for p in partners])
    PartnerContribution.objects.bulk_create(
        [PartnerContribution(project_partner=p, name=f"C{n}", status="Public", amount=Decimal(1), order_nr=n)
         for p in partners for n in range(contribution_count)])
    return partners


def _queries(client, path) -> int:
    client.get(path)  # warm-up
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return len(captured)


@pytest.mark.parametrize("path", ["/api/project/{id}/coFinancing",
                                  "/api/project/partner/byProjectId/{id}/withContributionSources"])
def test_project_reads_keep_a_fixed_number_of_queries(api_as, applicant, project, funds, path):
    from jems.projects.services import create_project

    erdf, _other = funds
    client = api_as(applicant)
    other = create_project(actor=applicant, call_id=project.call_id, acronym="BIG")
    _fill(project, erdf, 10, 10)
    _fill(other, erdf, 50, 20)
    assert _queries(client, path.format(id=project.pk)) == _queries(client, path.format(id=other.pk))


def test_partner_read_keeps_a_fixed_number_of_queries(api_as, applicant, project, funds):
    from jems.projects.services import create_project

    erdf, _other = funds
    client = api_as(applicant)
    other = create_project(actor=applicant, call_id=project.call_id, acronym="BIG")
    (small,) = _fill(project, erdf, 1, 10)
    (big,) = _fill(other, erdf, 1, 200)
    path = "/api/project/partner/{id}/budget/cofinancing"
    assert _queries(client, path.format(id=small.pk)) == _queries(client, path.format(id=big.pk))
