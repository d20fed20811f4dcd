"""Browser: an applicant adds a lump sum split between two partners (rows without JavaScript), sees the split
status, proposes a unit cost and finds it in E.2; axe on each page."""

from decimal import Decimal

import pytest

from jems.cost_options.models import ProgrammeUnitCost
from jems.projects.lumpsums import queries
from tests.browser_support import log_in
from tests.conftest import PASSWORD

pytestmark = pytest.mark.browser


def test_lump_sum_split_and_proposed_unit_cost(page, axe, applicant, project, partners, split_lump_sum,
                                               proposals_allowed, call_unit_cost):
    lead, other = partners
    base = f"/app/project/detail/{project.pk}"
    log_in(page, applicant.email, PASSWORD)
    page.goto(f"{base}/applicationFormLumpSums")
    axe(page, "E empty")
    page.get_by_role("button", name="Add lump sum").click()
    page.get_by_label("Lump sum of row 1").select_option(str(split_lump_sum.pk))
    page.get_by_label("Period of row 1").select_option(label="Period 1")
    page.get_by_label("Amount of LP1 LP in row 1 (EUR)").fill("2000")
    page.get_by_label("Amount of PP2 PP in row 1 (EUR)").fill("3555.567")
    page.get_by_role("button", name="Save lump sums").click()
    error = page.locator(f"#id_ls-0-amount_{other.pk}_error")
    assert "decimals" in error.inner_text()
    assert page.get_by_label("Amount of LP1 LP in row 1 (EUR)").input_value() == "2000"  # input kept
    axe(page, "E.1 with an error")
    page.get_by_label("Amount of PP2 PP in row 1 (EUR)").fill("3000")
    page.get_by_role("button", name="Save lump sums").click()
    page.wait_for_url("**/applicationFormLumpSums")
    assert page.get_by_text("Not fully split").first.is_visible()
    page.get_by_label("Amount of PP2 PP in row 1 (EUR)").fill("3555.56")
    page.get_by_role("button", name="Save lump sums").click()
    page.wait_for_url("**/applicationFormLumpSums")
    assert page.get_by_text("Fully split").is_visible()
    axe(page, "E.1 saved")
    rows = queries.lump_sums_of(project, None)
    assert [(s["partnerId"], s["amount"]) for s in rows[0]["lumpSumContributions"]] == [
        (lead.pk, Decimal("2000.00")), (other.pk, Decimal("3555.56"))]

    page.get_by_role("link", name="Propose a unit cost").click()
    page.locator("#id_name_0").fill("Workshop")
    page.locator("#id_type_0").fill("event")
    page.get_by_label("Cost per unit (EUR)").fill("250.50")
    page.get_by_label("One cost category").check()
    page.get_by_label("External expertise and services").check()
    axe(page, "E.2.1 new unit cost")
    page.get_by_role("button", name="Propose unit cost").click()
    page.wait_for_url("**/applicationFormUnitCosts/*")
    assert ProgrammeUnitCost.objects.get(project=project).cost_per_unit == Decimal("250.50")
    page.get_by_role("link", name="E – Lump sums and unit costs").first.click()
    assert page.get_by_text("proposed by the project", exact=True).is_visible()
    axe(page, "E with a proposed unit cost")
