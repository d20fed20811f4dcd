"""The per-row sheet of the standard budget export ("Budget lines per partner", finance-rules §1.7): one line
per budget row, per active flat rate (the per-period calculated amounts of §1.5), per lump-sum share > 0 and per
multi-category unit-cost row, in the §1.7 order; figures hand-computed from the finance-rules examples; the total
row against D.3; versions, languages, inactive partners, SPF and a fixed number of queries.

The small project (tests/projects/overviews/conftest.py): LP1 CITY staff FR 20 % + office 15 % on staff,
external 10000.00 (4000.00 / 6000.00), equipment 2139.36 (period 1), a multi-category unit cost 2 × 1000.50
(period 1: 1000.50), lump-sum share 3333.33 in period 1; PP2 UNI staff 10 × 100.00 (period 1: 500.00), travel
250.55 (period 2), lump-sum share 2222.23. Two 6-month periods.
"""

import io
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from jems.cost_options.models import ProgrammeLumpSum, ProgrammeUnitCost
from jems.projects.budget.models import BudgetCostRow, PartnerBudgetOptions
from jems.projects.lumpsums.models import ProjectLumpSum, ProjectPartnerLumpSum
from jems.projects.partners.models import PartnerRole, ProjectPartner
from jems.projects.services import create_version
from tests.projects.overviews.conftest import add_partners, row

from .test_budget import export

pytestmark = pytest.mark.django_db
D = Decimal
TITLE = "Budget lines per partner"
# columns: 0-2 partner, 3 cost category, 4 unit cost, 5 description, 6 comments, 7 award procedure, 8 unit type,
# 9 number of units, 10 price per unit, 11 preparation, 12.. periods, then closure and total
HEADER = ("Partner number", "Partner abbreviation", "Status", "Cost category", "Unit cost", "Description",
          "Comments", "Award procedure", "Unit type", "Number of units", "Price per unit", "Preparation",
          "Period 1", "Period 2", "Closure", "Total")


def money(value):
    return None if value is None else D(str(value)).quantize(D("0.01"))


def workbook(result, *, read_only=True):
    return load_workbook(io.BytesIO(result.content), read_only=read_only)


def sheet(result, title=TITLE) -> list[tuple]:
    return list(workbook(result)[title].iter_rows(values_only=True))


def figures(line) -> tuple:
    """(partner number, cost category, preparation, period 1, period 2, closure, total) of a line."""
    return (line[0], line[3], *(money(v) for v in line[11:16]))


def d3(result) -> list[tuple]:
    return sheet(result, "D.3 Budget per period")


def per_partner(lines) -> dict[str, list[Decimal]]:
    """partner number → Σ of its lines per period column and total (empty cells count as 0)."""
    sums: dict[str, list[Decimal]] = {}
    for line in lines:
        acc = sums.setdefault(line[0], [D(0)] * 5)
        for index, value in enumerate(line[11:16]):
            acc[index] += money(value) or 0
    return sums


def lump_sum(project, name, period, shares, order):
    programme = ProgrammeLumpSum.objects.create(name={"EN": name, "DE": f"{name} (DE)"},
                                                cost=sum(D(v) for v in shares.values()), splitting_allowed=True,
                                                phase="Implementation", categories=["StaffCosts"])
    project.call.lump_sums.add(programme)
    item = ProjectLumpSum.objects.create(project=project, programme_lump_sum=programme, order_nr=order,
                                         period_number=period)
    for partner, amount in shares.items():
        ProjectPartnerLumpSum.objects.create(project_lump_sum=item, partner=partner, amount=D(amount))


@pytest.fixture
def split_project(small_project):
    """The small project with every row fully split, a preparation lump sum (CITY 1000.00, UNI 0.00) and a
    closure lump sum (UNI 500.00 only)."""
    project, lead, uni, *_ = small_project
    BudgetCostRow.objects.filter(partner=lead, category="UNIT_COST").update(
        periods=[{"number": 1, "amount": "1000.50"}, {"number": 2, "amount": "1000.50"}])
    BudgetCostRow.objects.filter(partner=uni, category="STAFF").update(
        periods=[{"number": 1, "amount": "500.00"}, {"number": 2, "amount": "500.00"}])
    lump_sum(project, "Preparation study", 0, {lead: "1000.00", uni: "0.00"}, order=2)
    lump_sum(project, "Closing event", 255, {uni: "500.00"}, order=3)
    return small_project


def test_lines_of_the_small_project(applicant, small_project):
    header, *lines, total = sheet(export(applicant, small_project[0]))
    assert header == HEADER
    assert [figures(line) for line in lines] == [
        # staff FR per period: dn2((4000.00 + 2139.36) × 20 %) = 1227.87; last period 2427.87 − 1227.87
        ("LP1", "Staff costs flat rate", None, D("1227.87"), D("1200.00"), None, D("2427.87")),
        ("LP1", "External expertise – real cost", None, D("4000.00"), D("6000.00"), None, D("10000.00")),
        ("LP1", "Equipment – real cost", None, D("2139.36"), None, None, D("2139.36")),
        # office: dn2(1227.87 × 15 %) = dn2(184.1805) = 184.18; last period 364.18 − 184.18
        ("LP1", "Office and administration – flat rate", None, D("184.18"), D("180.00"), None, D("364.18")),
        ("LP1", "Lump sum", None, D("3333.33"), None, None, D("3333.33")),
        ("LP1", "Unit costs covering more than one category", None, D("1000.50"), None, None, D("2001.00")),
        ("PP2", "Staff costs – real cost", None, D("500.00"), None, None, D("1000.00")),
        ("PP2", "Travel and accommodation – real cost", None, None, D("250.55"), None, D("250.55")),
        ("PP2", "Lump sum", None, D("2222.23"), None, None, D("2222.23")),
    ]
    staff_fr, _external, _equipment, office, pilot, unit_cost, staff, *_ = lines
    assert staff_fr[1:3] == ("CITY", "Active") and staff_fr[5] == "20 %" and office[5] == "15 %"
    assert pilot[5] == "Pilot"
    assert unit_cost[4] == "Study visit" and unit_cost[8] == "visit"
    assert (money(unit_cost[9]), money(unit_cost[10])) == (D("2.00"), D("1000.50"))
    assert (money(staff[9]), money(staff[10])) == (D("10.00"), D("100.00"))
    # the total row sums the period columns of the lines; the unsplit 1000.50 + 500.00 are only in the totals
    assert total[0] == "Total" and [money(v) for v in total[11:]] == [
        D("0.00"), D("14607.47"), D("7630.55"), D("0.00"), D("23738.52")]


def test_total_row_equals_d3_when_fully_split(applicant, split_project):
    result = export(applicant, split_project[0])
    _header, *lines, total = sheet(result)
    assert [figures(line) for line in lines if line[3] == "Lump sum"] == [
        ("LP1", "Lump sum", None, D("3333.33"), None, None, D("3333.33")),
        ("LP1", "Lump sum", D("1000.00"), None, None, None, D("1000.00")),  # preparation
        ("PP2", "Lump sum", None, D("2222.23"), None, None, D("2222.23")),  # no line for UNI's 0.00 share
        ("PP2", "Lump sum", None, None, None, D("500.00"), D("500.00")),  # closure
    ]
    assert [line[5] for line in lines if line[3] == "Lump sum"] == [
        "Pilot", "Preparation study", "Pilot", "Closing event"]
    _d3_header, *d3_rows, d3_total = d3(result)
    assert [money(v) for v in total[11:]] == [money(v) for v in d3_total[4:]] == [
        D("1000.00"), D("14607.47"), D("9131.05"), D("500.00"), D("25238.52")]
    sums = per_partner(lines)
    for row_ in d3_rows:
        assert sums[row_[0]] == [money(v) for v in row_[4:]]
    assert sums["LP1"] == [D("1000.00"), D("11885.24"), D("8380.50"), 0, D("21265.74")]


def test_lump_sum_without_period_shows_only_the_total(applicant, split_project):
    project, lead, *_ = split_project
    lump_sum(project, "Open", None, {lead: "99.99"}, order=4)
    result = export(applicant, project)
    _header, *lines, total = sheet(result)
    assert figures(next(line for line in lines if line[5] == "Open")) == (
        "LP1", "Lump sum", None, None, None, None, D("99.99"))
    d3_total = d3(result)[-1]
    assert money(total[-1]) == money(d3_total[-1]) == D("25338.51")
    # D.3 puts it into the last period (finance-rules §1.5); the line shows it only in its total
    assert money(d3_total[6]) - money(total[13]) == D("99.99")
    assert [money(v) for v in total[11:13] + total[14:15]] == [money(v) for v in d3_total[4:6] + d3_total[7:8]]


def test_travel_office_on_direct_and_other_flat_rates(applicant, small_project):
    """TRAVEL: travel FR 10 % + office 7 % on direct costs; OTHER: other FR 40 % (finance-rules §1.3 example)."""
    project = small_project[0]
    travel = ProjectPartner.objects.create(project=project, abbreviation="TRAVEL", role=PartnerRole.PARTNER,
                                           sort_number=3)
    other = ProjectPartner.objects.create(project=project, abbreviation="OTHER", role=PartnerRole.PARTNER,
                                          sort_number=4)
    PartnerBudgetOptions.objects.create(partner=travel, travel_and_accommodation_on_staff_costs_flat_rate=10,
                                        office_and_administration_on_direct_costs_flat_rate=7)
    PartnerBudgetOptions.objects.create(partner=other, other_costs_on_staff_costs_flat_rate=40)
    row(travel, "STAFF", "1", "3000.00", [(1, "1234.57"), (2, "1765.43")])
    row(travel, "EXTERNAL", "1", "500.55", [(1, "500.55")])
    row(other, "STAFF", "1", "4000.00", [(1, "4000.00")], sort=1)
    row(other, "STAFF", "2", "1497.78", [(2, "2995.56")], sort=2)
    lump_sum(project, "Training", 2, {other: "4455.72"}, order=2)
    result = export(applicant, project)
    _header, *lines, total = sheet(result)
    assert [figures(line) for line in lines if line[0] in ("PP3", "PP4")] == [
        ("PP3", "Staff costs – real cost", None, D("1234.57"), D("1765.43"), None, D("3000.00")),
        # travel: dn2(1234.57 × 10 %) = 123.45; total dn2(3000.00 × 10 %) = 300.00 → last period 176.55
        ("PP3", "Travel and accommodation flat rate", None, D("123.45"), D("176.55"), None, D("300.00")),
        ("PP3", "External expertise – real cost", None, D("500.55"), None, None, D("500.55")),
        # office: dn2((1234.57 + 123.45 + 500.55) × 7 %) = dn2(130.0999) = 130.09;
        # total dn2((3000.00 + 300.00 + 500.55) × 7 %) = dn2(266.0385) = 266.03 → last period 135.94
        ("PP3", "Office and administration – flat rate", None, D("130.09"), D("135.94"), None, D("266.03")),
        ("PP4", "Staff costs – real cost", None, D("4000.00"), None, None, D("4000.00")),
        ("PP4", "Staff costs – real cost", None, None, D("2995.56"), None, D("2995.56")),
        ("PP4", "Lump sum", None, None, D("4455.72"), None, D("4455.72")),
        # other: dn2(4000.00 × 40 %) = 1600.00; total dn2(6995.56 × 40 %) = dn2(2798.224) = 2798.22
        ("PP4", "Other costs flat rate", None, D("1600.00"), D("1198.22"), None, D("2798.22")),
    ]
    sums = per_partner(lines)
    assert sums["PP3"] == [0, D("1988.66"), D("2077.92"), 0, D("4066.58")]
    assert sums["PP4"][-1] == D("14249.50")  # the §1.3 example total
    d3_rows = {r[0]: [money(v) for v in r[4:]] for r in d3(result)[1:-1]}
    assert sums["PP3"] == d3_rows["PP3"] and sums["PP4"] == d3_rows["PP4"]
    assert money(total[-1]) == money(d3(result)[-1][-1])


def test_single_category_unit_cost_row(applicant, small_project):
    project, _lead, uni, *_ = small_project
    day = ProgrammeUnitCost.objects.create(name={"EN": "Expert day"}, type={"EN": "day"}, cost_per_unit="312.25",
                                           one_cost_category=True, categories=["StaffCosts"])
    project.call.unit_costs.add(day)
    row(uni, "STAFF", "3", "312.25", [(1, "312.25"), (2, "624.50")], unit_cost=day, sort=1)
    result = export(applicant, project)
    line = next(line for line in sheet(result) if line[3] == "Staff costs – unit cost")
    assert line[:5] == ("PP2", "UNI", "Active", "Staff costs – unit cost", "Expert day") and line[8] == "day"
    # 3 × 312.25 = 936.75 (finance-rules §1.1 row sum)
    assert [money(v) for v in line[9:]] == [D("3.00"), D("312.25"), None, D("312.25"), D("624.50"), None,
                                            D("936.75")]
    uni_d2 = sheet(result, "D.2 Budget breakdown")[2]
    assert [money(v) for v in uni_d2[3:7]] == [D("1936.75"), 0, D("1000.00"), D("936.75")]


def test_inactive_partner_listed_and_included(applicant, small_project):
    project, _lead, uni, *_ = small_project
    ProjectPartner.objects.filter(pk=uni.pk).update(active=False)
    _header, *lines, total = sheet(export(applicant, project))
    assert {line[2] for line in lines if line[0] == "PP2"} == {"Inactive"}
    assert money(total[-1]) == D("23738.52")


def test_texts_version_and_german(applicant, small_project):
    project, lead, uni, *_ = small_project
    staff = BudgetCostRow.objects.get(partner=uni, category="STAFF")
    staff.description = {"EN": "Project manager", "DE": "Projektleitung"}
    staff.comments = {"EN": "Half time", "DE": "Halbzeit"}
    staff.unit_type = {"EN": "month", "DE": "Monat"}
    staff.save()
    equipment = BudgetCostRow.objects.get(partner=lead, category="EQUIPMENT")
    equipment.award_procedures = {"EN": "Open tender", "DE": "Offenes Verfahren"}
    equipment.save()
    create_version(project=project, actor=applicant)  # 1.0 frozen
    BudgetCostRow.objects.filter(pk=equipment.pk).delete()
    BudgetCostRow.objects.filter(pk=staff.pk).update(description={"EN": "Coordinator"},
                                                     periods=[{"number": 2, "amount": "1000.00"}])

    old = sheet(export(applicant, project, version="1.0"))
    old_staff = next(line for line in old if line[0] == "PP2" and line[3] == "Staff costs – real cost")
    assert old_staff[5:9] == ("Project manager", "Half time", None, "month")
    assert [money(v) for v in old_staff[11:]] == [None, D("500.00"), None, None, D("1000.00")]
    old_equipment = next(line for line in old if line[3] == "Equipment – real cost")
    assert old_equipment[7] == "Open tender"
    assert money(old[-1][-1]) == D("23738.52")

    new = sheet(export(applicant, project))
    assert not any(line[3] == "Equipment – real cost" for line in new)
    new_staff = next(line for line in new if line[0] == "PP2" and line[3] == "Staff costs – real cost")
    assert new_staff[5] == "Coordinator" and money(new_staff[13]) == D("1000.00")
    assert money(new[-1][-1]) < D("23738.52")

    german = workbook(export(applicant, project, version="1.0", export_language="DE", data_language="DE"))
    assert len(german.worksheets) == 4
    header, *lines = list(german.worksheets[3].iter_rows(values_only=True))
    assert header[:12] == ("Partnernummer", "Kurzbezeichnung des Partners", "Status", "Kostenkategorie",
                           "Einheitskosten", "Beschreibung", "Kommentare", "Vergabeverfahren", "Art der Einheit",
                           "Anzahl der Einheiten", "Preis pro Einheit", "Vorbereitung")
    assert header[12:] == ("Periode 1", "Periode 2", "Abschluss", "Gesamt")
    staff_de = next(line for line in lines if line[0] == "PP2" and line[3] == "Personalkosten – Echtkosten")
    assert staff_de[2] == "Aktiv" and staff_de[5:9] == ("Projektleitung", "Halbzeit", None, "Monat")
    assert lines[-1][0] == "Gesamt"


def test_spf_rows_come_last(applicant, spf_project):
    project, _erdf = spf_project
    result = export(applicant, project)
    _header, *lines, total = sheet(result)
    assert [figures(line) for line in lines] == [
        ("LP1", "External expertise – real cost", None, D("400.00"), None, None, D("1000.00")),
        ("LP1", "Small project funds – real cost", None, D("2000.00"), None, None, D("5000.00")),
    ]
    assert money(total[-1]) == money(d3(result)[-1][-1]) == D("6000.00")


def test_project_without_partners(applicant, project):
    header, total = sheet(export(applicant, project))
    assert header[-1] == "Total" and total[0] == "Total" and total[-1] == 0


def test_file_opens_in_full_mode(applicant, small_project):
    book = workbook(export(applicant, small_project[0]), read_only=False)
    assert book.sheetnames == ["D.1 Budget per fund", "D.2 Budget breakdown", "D.3 Budget per period", TITLE]
    lines = book[TITLE]
    assert lines.freeze_panes == "A2" and lines["A1"].font.b and lines["M2"].number_format == "#,##0.00"


def _rich_partners(project, erdf, count, start):
    """`count` partners with a row in every cost list (a single-category unit cost in staff, a multi-category
    unit-cost row) and a share in a new lump sum; every third one with the staff flat rate."""
    partners = add_partners(project, erdf, count, start=start)
    single = ProgrammeUnitCost.objects.create(name={"EN": "Day"}, type={"EN": "day"}, cost_per_unit="300.00",
                                              one_cost_category=True, categories=["StaffCosts"])
    multi = ProgrammeUnitCost.objects.create(name={"EN": "Visit"}, type={"EN": "visit"}, cost_per_unit="50.00",
                                             one_cost_category=False, categories=["StaffCosts", "EquipmentCosts"])
    rows = []
    for index, partner in enumerate(partners):
        if index % 3 == 0:
            PartnerBudgetOptions.objects.create(partner=partner, staff_costs_flat_rate=20)
        for category, unit_cost, price in (("STAFF", single, "300.00"), ("TRAVEL", None, "12.50"),
                                           ("EQUIPMENT", None, "99.99"), ("INFRASTRUCTURE", None, "1000.00"),
                                           ("UNIT_COST", multi, "50.00")):
            rows.append(BudgetCostRow(partner=partner, category=category, number_of_units=D(2),
                                      price_per_unit=D(price), row_sum=D(price) * 2, unit_cost=unit_cost,
                                      description={"EN": f"{category} {index}"},
                                      periods=[{"number": 1, "amount": price}, {"number": 2, "amount": price}]))
    BudgetCostRow.objects.bulk_create(rows)
    lump_sum(project, f"Lump sum {start}", 1, {p: "10.00" for p in partners}, order=start)
    return partners


def _queries(applicant, project, **kwargs) -> int:
    with CaptureQueriesContext(connection) as captured:
        export(applicant, project, **kwargs)
    return len(captured)


def test_fixed_query_count(applicant, small_project):
    project, _lead, _uni, erdf, _x = small_project
    export(applicant, project)  # warm-up
    _rich_partners(project, erdf, 2, start=3)
    small = _queries(applicant, project)
    create_version(project=project, actor=applicant)  # 1.0 frozen with 4 partners
    _rich_partners(project, erdf, 60, start=10)
    assert _queries(applicant, project) == small
    create_version(project=project, actor=applicant)  # 2.0 frozen with 64 partners
    assert _queries(applicant, project, version="1.0") == _queries(applicant, project, version="2.0")
    assert len(sheet(export(applicant, project))) == 2 + 9 + 62 * 7  # header, total, lines
