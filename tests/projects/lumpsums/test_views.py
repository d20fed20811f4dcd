"""Section E pages: E.1 table (add/remove rows without JS, save, inline errors keeping the input, split status),
E.2 overview, E.2.1 proposed unit costs (create, edit, delete), read-only cases, versions, fixed query counts."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from jems.cost_options.models import ProgrammeUnitCost
from jems.projects import services as project_services
from jems.projects.budget.models import BudgetCostRow
from jems.projects.lumpsums import queries, services
from jems.projects.lumpsums.services import LumpSumData, ShareData
from jems.projects.models import Project
from tests.conftest import PASSWORD
from tests.projects.conftest import show_fields

pytestmark = pytest.mark.django_db


def login(user) -> Client:
    client = Client()
    assert client.login(email=user.email, password=PASSWORD)
    return client


def url(project, suffix="applicationFormLumpSums"):
    return f"/app/project/detail/{project.pk}/{suffix}"


def _post(programme, period, amounts: dict, *, count=1, action="save", index=0):
    data = {"ls-count": str(count), "action": action, f"ls-{index}-programmeLumpSumId": str(programme.pk),
            f"ls-{index}-period": period}
    data.update({f"ls-{index}-amount_{partner.pk}": value for partner, value in amounts.items()})
    return data


def test_add_save_and_split_status(project, applicant, partners, split_lump_sum):
    lead, other = partners
    client = login(applicant)
    page = client.get(url(project))
    assert page.status_code == 200 and b"E.1" in page.content and b"No lump sum has been added yet." in page.content
    added = client.post(url(project), {"ls-count": "0", "action": "add"})
    assert added.status_code == 200 and b'name="ls-0-programmeLumpSumId"' in added.content
    assert b"Preparation" in added.content and b"Closure" in added.content and b"Period 2" in added.content
    assert b"LP1 LP" in added.content and b"PP2 PP" in added.content
    saved = client.post(url(project), _post(split_lump_sum, "1", {lead: "2000", other: "3000"}))
    assert saved.status_code == 302
    rows = queries.lump_sums_of(project, None)
    assert rows[0]["period"] == 1 and [s["amount"] for s in rows[0]["lumpSumContributions"]] == [
        Decimal("2000.00"), Decimal("3000.00")]
    page = client.get(url(project))
    assert b"Not fully split" in page.content and b"555.56 EUR left" in page.content
    assert b"5,000.00" in page.content
    client.post(url(project), _post(split_lump_sum, "255", {lead: "2000", other: "3555.56"}))
    assert b"Fully split" in client.get(url(project)).content
    removed = client.post(url(project), {**_post(split_lump_sum, "1", {lead: "1"}), "action": "remove:0"})
    assert removed.status_code == 200 and b'name="ls-0-programmeLumpSumId"' not in removed.content
    assert len(queries.lump_sums_of(project, None)) == 1  # nothing saved by add/remove


def test_inline_errors_keep_input(project, applicant, partners, single_lump_sum):
    lead, other = partners
    client = login(applicant)
    bad = client.post(url(project), _post(single_lump_sum, "0", {lead: "1.234", other: "1"}))
    assert bad.status_code == 422
    assert b'aria-invalid="true"' in bad.content and b"1.234" in bad.content
    assert f'aria-describedby="id_ls-0-amount_{lead.pk}_error"'.encode() in bad.content
    assert b"Enter at most 2 decimals." in bad.content
    split = client.post(url(project), _post(single_lump_sum, "0", {lead: "1", other: "1"}))
    assert split.status_code == 422 and b"may not be split" in split.content
    missing = client.post(url(project), {"ls-count": "1", "action": "save", "ls-0-period": ""})
    assert missing.status_code == 422 and b"Choose a lump sum." in missing.content
    assert queries.lump_sums_of(project, None) == []


def test_read_only_cases(project, applicant, viewer, stranger, partners, split_lump_sum):
    lead, _other = partners
    services.update_lump_sums(actor=applicant, project_id=project.pk, rows=[
        LumpSumData(programme_lump_sum_id=split_lump_sum.pk, period=1, shares=(ShareData(lead.pk, "10"),))])
    assert login(stranger).get(url(project)).status_code == 404
    page = login(viewer).get(url(project))
    assert page.status_code == 200 and b"Save lump sums" not in page.content and b"disabled" in page.content
    assert login(viewer).post(url(project), _post(split_lump_sum, "1", {})).status_code == 403
    project_services.create_version(actor=applicant, project=project)
    services.update_lump_sums(actor=applicant, project_id=project.pk, rows=[])
    old = login(applicant).get(url(project) + "?version=1.0")
    assert old.status_code == 200 and b"You are viewing version 1.0" in old.content
    assert b"10.00" in old.content and b"Save lump sums" not in old.content
    Project.objects.filter(pk=project.pk).update(status="SUBMITTED")
    assert b"Save lump sums" not in login(applicant).get(url(project)).content


def test_description_column_follows_field_48(project, applicant, partners, split_lump_sum, open_call):
    split_lump_sum.description = {"EN": "Pilot actions in two regions"}
    split_lump_sum.save()
    services.update_lump_sums(actor=applicant, project_id=project.pk, rows=[
        LumpSumData(programme_lump_sum_id=split_lump_sum.pk, period=1)])
    client = login(applicant)
    assert b"Pilot actions in two regions" not in client.get(url(project)).content
    show_fields(open_call, "PROJECT_LUMP_SUMS_DESCRIPTION")
    assert b"Pilot actions in two regions" in client.get(url(project)).content


def test_unit_cost_pages(project, applicant, viewer, partners, proposals_allowed, call_unit_cost):
    lead, _other = partners
    client = login(applicant)
    page = client.get(url(project))
    assert b"Meeting day" in page.content and b"E.2.1" in page.content and b"Propose a unit cost" in page.content
    form = {"name_1": "Workshop", "type_1": "event", "cost_per_unit": "250.50", "one_cost_category": "true",
            "categories": ["ExternalCosts"], "payment_claim": "IncurredByBeneficiaries"}
    bad = client.post(url(project, "applicationFormUnitCosts/create"), {**form, "cost_per_unit": "-1"})
    assert bad.status_code == 422 and b'aria-invalid="true"' in bad.content
    created = client.post(url(project, "applicationFormUnitCosts/create"), form)
    assert created.status_code == 302
    unit_cost = ProgrammeUnitCost.objects.get(project=project)
    detail = client.get(created["Location"])
    assert detail.status_code == 200 and b"Workshop" in detail.content
    assert client.post(created["Location"], {**form, "cost_per_unit": "300"}).status_code == 302
    unit_cost.refresh_from_db()
    assert unit_cost.cost_per_unit == Decimal("300.00")
    assert login(viewer).post(created["Location"], form).status_code == 403
    assert login(viewer).get(url(project, "applicationFormUnitCosts/create")).status_code == 403
    BudgetCostRow.objects.create(partner=lead, category="EXTERNAL", unit_cost=unit_cost, number_of_units=2,
                                 price_per_unit=Decimal("300"), row_sum=Decimal("600"))
    page = client.get(url(project))
    assert b"2.00 / 600.00" in page.content and b"proposed by the project" in page.content
    refused = client.post(url(project, f"applicationFormUnitCosts/{unit_cost.pk}/delete"), follow=True)
    assert b"A partner budget uses this unit cost" in refused.content
    BudgetCostRow.objects.all().delete()
    client.post(url(project, f"applicationFormUnitCosts/{unit_cost.pk}/delete"))
    assert not ProgrammeUnitCost.objects.filter(project=project).exists()
    assert client.get(url(project, f"applicationFormUnitCosts/{call_unit_cost.pk}")).status_code == 404


def test_no_proposals_section_when_call_does_not_allow(project, applicant, partners):
    page = login(applicant).get(url(project))
    assert b"E.2.1" not in page.content
    assert login(applicant).get(url(project, "applicationFormUnitCosts/create")).status_code == 403


def _page_queries(client, project, applicant, programme, partners, rows):
    services.update_lump_sums(actor=applicant, project_id=project.pk, rows=[
        LumpSumData(programme_lump_sum_id=programme.pk, period=1,
                    shares=tuple(ShareData(p.pk, "1") for p in partners))] * rows)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url(project)).status_code == 200
    return len(captured)


def test_page_query_counts(project, applicant, partners, split_lump_sum, call_unit_cost):
    """Fixed whatever the number of lump sums (10 vs 50, the maximum)."""
    client = login(applicant)
    client.get(url(project))  # warm caches
    ten = _page_queries(client, project, applicant, split_lump_sum, partners, 10)
    fifty = _page_queries(client, project, applicant, split_lump_sum, partners, 50)
    assert ten == fifty, (ten, fifty)
    print("E page queries:", ten)
