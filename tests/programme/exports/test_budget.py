"""The standard budget export (BUDGET_EXPORT): the XLSX figures equal the API figures, versions, languages,
refusals."""

import io
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from jems.audit.models import AuditEvent
from jems.core.errors import NotFound, ValidationFailed
from jems.plugins.models import PluginState
from jems.plugins.registry import get
from jems.projects.budget.models import BudgetCostRow
from jems.projects.exports.export import export_budget
from jems.projects.partners.models import ProjectPartner
from jems.projects.services import create_version

pytestmark = pytest.mark.django_db


def sheets(result) -> dict[str, list[tuple]]:
    book = load_workbook(io.BytesIO(result.content), read_only=True)
    return {ws.title: list(ws.iter_rows(values_only=True)) for ws in book.worksheets}


D = Decimal


def num(value) -> Decimal:
    return Decimal(str(value)).quantize(Decimal("0.01"))


def api_num(value) -> Decimal:
    return Decimal(str(value)).quantize(Decimal("0.01"))


def export(user, project, **kwargs):
    return export_budget(actor=user, project_id=project.pk, export_language=kwargs.pop("export_language", "EN"),
                       data_language=kwargs.pop("data_language", "EN"), **kwargs)


def test_breakdown_equals_get_project_budget(api_as, applicant, small_project):
    project = small_project[0]
    api = api_as(applicant).get(f"/api/project/{project.pk}/budget").json()
    result = export(applicant, project)
    assert result.file_name.endswith(".xlsx") and "budget" in result.file_name
    header, *rows, total = sheets(result)["D.2 Budget breakdown"]
    assert header[:7] == ("Partner number", "Partner abbreviation", "Status", "Staff costs – total",
                          "Staff costs – flat rate", "Staff costs – real cost", "Staff costs – unit cost")
    assert [r[:3] for r in rows] == [("LP1", "CITY", "Active"), ("PP2", "UNI", "Active")]
    columns = {"staffCosts": 3, "travelCosts": 7, "externalCosts": 11, "equipmentCosts": 14,
               "infrastructureCosts": 17, "officeAndAdministrationCosts": 20, "otherCosts": 21,
               "lumpSumContribution": 22, "unitCosts": 23, "totalSum": 24}
    for row, partner in zip(rows, api, strict=True):
        assert {k: num(row[c]) for k, c in columns.items()} == {k: api_num(partner[k]) for k in columns}
    city, uni = rows
    assert [num(v) for v in city[3:7]] == [D("2427.87"), D("2427.87"), 0, 0]  # staff flat rate 20 %
    assert [num(v) for v in uni[3:7]] == [D("1000.00"), 0, D("1000.00"), 0]
    assert [num(v) for v in city[11:17]] == [D("10000.00"), D("10000.00"), 0, D("2139.36"), D("2139.36"), 0]
    assert total[0] == "Total" and len(total) == len(header)
    assert num(total[-1]) == sum(api_num(p["totalSum"]) for p in api) == D("23738.52")


def test_per_fund_equals_api(api_as, applicant, small_project):
    project = small_project[0]
    api = api_as(applicant).get(f"/api/project/{project.pk}/budget/perFund").json()
    header, *rows = sheets(export(applicant, project))["D.1 Budget per fund"]
    assert header[3:6] == ("ERDF", "ERDF rate", "% of total ERDF")
    assert len(rows) == len(api) == 3
    for row, item in zip(rows, api, strict=True):
        funds = [x for f in item["budgetPerFund"] for x in (f["value"], f["percentage"], f["percentageOfTotal"])]
        expected = [*funds, item["publicContribution"], item["autoPublicContribution"], item["privateContribution"],
                    item["totalPartnerContribution"], item["totalEligibleBudget"],
                    item["percentageOfTotalEligibleBudget"]]
        assert [num(v) for v in row[3:]] == [api_num(v) for v in expected]
    assert rows[-1][0] == "Total" and num(rows[-1][-2]) == Decimal("23738.52")


def test_per_period_equals_api(api_as, applicant, small_project):
    project = small_project[0]
    api = api_as(applicant).get(f"/api/project/{project.pk}/budget/perPeriod").json()
    header, *rows, total = sheets(export(applicant, project))["D.3 Budget per period"]
    assert header[4:] == ("Preparation", "Period 1", "Period 2", "Closure", "Total")
    for row, item in zip(rows, api["partnersBudgetPerPeriod"], strict=True):
        assert [num(v) for v in row[4:]] == [api_num(p["totalBudgetPerPeriod"]) for p in item["periodBudgets"]] + [
            api_num(item["totalPartnerBudget"])]
    assert [num(v) for v in total[4:]] == [api_num(v) for v in api["totals"]]


def test_inactive_partner_listed_and_included(applicant, small_project):
    project, _lead, uni, *_ = small_project
    ProjectPartner.objects.filter(pk=uni.pk).update(active=False)
    _header, *rows, total = sheets(export(applicant, project))["D.2 Budget breakdown"]
    assert rows[1][:3] == ("PP2", "UNI", "Inactive")
    assert num(total[-1]) == Decimal("23738.52")


def test_version_and_languages(applicant, small_project):
    project, lead, *_ = small_project
    create_version(project=project, actor=applicant)
    BudgetCostRow.objects.filter(partner=lead, category="EQUIPMENT").delete()
    old = sheets(export(applicant, project, version="1.0"))["D.2 Budget breakdown"]
    new = sheets(export(applicant, project))["D.2 Budget breakdown"]
    assert num(old[1][14]) == D("2139.36") and num(new[1][14]) == 0
    assert num(old[-1][-1]) == Decimal("23738.52") and num(new[-1][-1]) < num(old[-1][-1])
    german = sheets(export(applicant, project, export_language="DE", data_language="DE"))
    assert len(german) == 4


def test_refusals(stranger, applicant, small_project):
    project = small_project[0]
    with pytest.raises(NotFound):
        export(stranger, project)
    with pytest.raises(NotFound):
        export(applicant, project, version="9.9")


def test_runs_through_the_registry(applicant, small_project):
    project = small_project[0]
    assert get("standard-budget-export-plugin").type == "BUDGET_EXPORT"
    export(applicant, project)
    assert AuditEvent.objects.filter(action="PLUGIN_EXECUTED", project_id=str(project.pk)).exists()
    PluginState.objects.create(key="standard-budget-export-plugin", enabled=False)
    with pytest.raises(ValidationFailed):
        export(applicant, project)


def test_project_without_partners(applicant, project):
    sheet = sheets(export(applicant, project))["D.2 Budget breakdown"]
    assert len(sheet) == 2 and sheet[1][0] == "Total" and sheet[1][-1] == 0


def test_spf_call_per_fund_has_management_rows_only(applicant, spf_project):
    project, _erdf = spf_project
    header, city, total = sheets(export(applicant, project))["D.1 Budget per fund"]
    assert city[:3] == ("LP1", "SPF", "Active")
    eligible = header.index("Total eligible budget")
    assert num(city[3]) == num(total[3]) == D("800.00") and num(total[eligible]) == D("1000.00")
