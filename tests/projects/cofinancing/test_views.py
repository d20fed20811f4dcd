"""The Co-financing tab: amounts, saving with inline errors, add/remove rows without JavaScript, read-only
cases, versions, the SPF tab and a fixed number of queries."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from jems.accounts.privileges import APPLICANT_USER_ROLE_ID
from jems.calls.models import CallType
from jems.projects.cofinancing import services
from jems.projects.cofinancing.models import PartnerCoFinancing, PartnerContribution
from jems.projects.models import ApplicationStatus, CollaboratorLevel, Project, ProjectCollaborator
from jems.projects.services import create_version
from tests.conftest import PASSWORD, make_user

from .conftest import give_budget, valid_set

pytestmark = pytest.mark.django_db


def url(project, partner, spf=False):
    return f"/app/project/detail/{project.pk}/applicationFormPartner/{partner.pk}/{'spfC' if spf else 'c'}oFinancing"


def login(user) -> Client:
    client = Client()
    assert client.login(email=user.email, password=PASSWORD)
    return client


def post_data(erdf, rate="23.26", rows=(("", "Public", "3931.49"),), **extra) -> dict:
    data = {"fund-0-fund": str(erdf.pk), "fund-0-percentage": rate, "contribution-count": str(len(rows)),
            "action": "save"}
    for index, (name, status, amount) in enumerate(rows):
        data.update({f"contribution-{index}-name": name, f"contribution-{index}-status": status,
                     f"contribution-{index}-amount": amount})
    return {**data, **extra}


def test_shows_amounts(applicant, project, partners, funds, origins):
    lead, _uni = partners
    erdf, _other = funds
    give_budget(lead, "5123.12")
    services.update_cofinancing(actor=applicant, partner_id=lead.pk, data={
        "finances": [{"fundType": "MainFund", "fundId": erdf.pk, "percentage": Decimal("23.26")},
                     {"fundType": "PartnerContribution", "fundId": None, "percentage": Decimal("76.74")}],
        "partnerContributions": [{"partner": True, "status": "Public", "amount": Decimal("3000")},
                                 {"partner": False, "name": "Region", "status": "AutomaticPublic",
                                  "amount": Decimal("931.49")}]})
    page = login(applicant).get(url(project, lead))
    html = page.content.decode()
    assert page.status_code == 200
    assert 'id="cofinancing-base">5,123.12<' in html
    assert 'id="fund-0-amount">1,191.63<' in html  # 5123.12 × 23.26 % rounded down
    assert 'id="partner-amount">3,931.49<' in html and 'id="partner-percentage">76.74<' in html
    assert 'id="total-public">3,000.00<' in html and 'id="total-automatic-public">931.49<' in html
    assert "Co-financing" in html and 'aria-current="page"' in html
    assert "ERDF (up to 80.00 %)" in html


def test_save_and_errors_inline(applicant, project, partners, funds, origins):
    lead, _uni = partners
    erdf, _other = funds
    give_budget(lead, "5123.12")
    client = login(applicant)
    response = client.post(url(project, lead), post_data(erdf))
    assert response.status_code == 302
    assert list(PartnerContribution.objects.values_list("name", "amount")) == [("CITY", Decimal("3931.49"))]
    assert PartnerCoFinancing.objects.get(fund_type="PartnerContribution").percentage == Decimal("76.74")
    # contributions must add up to the partner contribution
    mismatch = client.post(url(project, lead), post_data(erdf, rows=(("", "Public", "1"),)))
    assert mismatch.status_code == 422
    assert "must equal the partner contribution of 3,931.49" in mismatch.content.decode()
    # service error shown on the field
    too_high = client.post(url(project, lead), post_data(erdf, rate="80.5", rows=(("", "Public", "999.01"),)))
    assert too_high.status_code == 422
    html = too_high.content.decode()
    assert 'id="id_fund-0-percentage_error"' in html and "may not exceed 80.00 %" in html
    # a bad number on the form
    bad = client.post(url(project, lead), post_data(erdf, rows=(("", "Public", "-3"),)))
    assert bad.status_code == 422 and 'id="id_contribution-0-amount_error"' in bad.content.decode()
    assert list(PartnerContribution.objects.values_list("amount", flat=True)) == [Decimal("3931.49")]


def test_add_and_remove_rows_keep_what_was_typed(applicant, project, partners, funds, origins):
    lead, _uni = partners
    erdf, _other = funds
    client = login(applicant)
    added = client.post(url(project, lead), post_data(erdf, rows=(("", "Private", "7"),), action="add"))
    html = added.content.decode()
    assert added.status_code == 200 and 'name="contribution-1-name"' in html and 'value="7"' in html
    assert not PartnerContribution.objects.exists()
    removed = client.post(url(project, lead), post_data(
        erdf, rows=(("", "Private", "7"), ("Region", "Public", "2")), action="remove:1"))
    assert 'name="contribution-1-name"' not in removed.content.decode()
    own_kept = client.post(url(project, lead), post_data(erdf, rows=(("", "Private", "7"),), action="remove:0"))
    assert 'name="contribution-0-amount"' in own_kept.content.decode()


def test_without_new_origins_there_is_no_add_button(applicant, project, partners, funds):
    lead, _uni = partners
    html = login(applicant).get(url(project, lead)).content.decode()
    assert 'value="add"' not in html and 'name="contribution-0-status"' in html


def test_read_only_cases(applicant, project, partners, funds, origins):
    lead, _uni = partners
    erdf, _other = funds
    viewer = make_user("viewer@example.org", APPLICANT_USER_ROLE_ID)
    ProjectCollaborator.objects.create(project=project, user=viewer, level=CollaboratorLevel.VIEW)
    page = login(viewer).get(url(project, lead))
    assert page.status_code == 200 and "Save changes" not in page.content.decode()
    assert login(viewer).post(url(project, lead), post_data(erdf)).status_code == 403
    stranger = make_user("stranger@example.org", APPLICANT_USER_ROLE_ID)
    assert login(stranger).get(url(project, lead)).status_code == 404
    assert login(applicant).get(url(project, lead, spf=True)).status_code == 404
    Project.objects.filter(pk=project.pk).update(status=ApplicationStatus.SUBMITTED)
    assert "Save changes" not in login(applicant).get(url(project, lead)).content.decode()
    assert login(applicant).post(url(project, lead), post_data(erdf)).status_code == 403


def test_versions_are_read_only(applicant, project, partners, funds, origins):
    lead, _uni = partners
    erdf, _other = funds
    services.update_cofinancing(actor=applicant, partner_id=lead.pk, data=valid_set(erdf))
    create_version(actor=applicant, project=project)
    PartnerContribution.objects.filter(partner=False).delete()
    client = login(applicant)
    old = client.get(url(project, lead) + "?version=1.0").content.decode()
    assert 'value="Region"' in old and "Save changes" not in old and "version 1.0" in old
    assert 'value="Region"' not in client.get(url(project, lead)).content.decode()
    assert client.post(url(project, lead) + "?version=1.0", post_data(erdf)).status_code == 403


def test_spf_tab(applicant, project, partners, funds, open_call):
    lead, _uni = partners
    erdf, _other = funds
    open_call.type = CallType.SPF
    open_call.save()
    give_budget(lead, "1000", category="SPF")
    client = login(applicant)
    page = client.get(url(project, lead, spf=True))
    html = page.content.decode()
    assert page.status_code == 200 and 'id="cofinancing-base">1,000.00<' in html and 'value="add"' in html
    response = client.post(url(project, lead, spf=True), post_data(erdf, rate="80", rows=(("Town", "Public", "200"),)))
    assert response.status_code == 302, response.content.decode()
    assert services.parts.live(project.pk, "spf")[lead.pk]["partnerContributions"][0]["name"] == "Town"
    assert "SPF" in client.get(url(project, lead)).content.decode()


def test_fixed_number_of_queries(applicant, project, partners, funds, origins):
    lead, uni = partners
    erdf, _other = funds
    client = login(applicant)

    def count(partner, rows):
        PartnerContribution.objects.filter(project_partner=partner).delete()
        PartnerContribution.objects.bulk_create([
            PartnerContribution(project_partner=partner, name=f"C{n}", status="Public", amount=Decimal(1),
                                partner=n == 0, order_nr=n) for n in range(rows)])
        client.get(url(project, partner))
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url(project, partner)).status_code == 200
        return len(captured)

    assert count(lead, 10) == count(uni, 200)
