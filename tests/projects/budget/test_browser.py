"""Browser: an applicant adds staff rows (no JavaScript needed for the row), sees the totals follow the typing
(htmx recalculation, nothing saved), chooses a flat rate and saves; axe on the budget tab."""

from decimal import Decimal

import pytest

from jems.projects.budget.models import BudgetCostRow
from jems.projects.budget.totals import partner_budgets
from tests.browser_support import log_in
from tests.conftest import PASSWORD

pytestmark = pytest.mark.browser


def test_fill_staff_rows_with_live_totals(page, axe, applicant, partner, flat_rates, investment):
    log_in(page, applicant.email, PASSWORD)
    page.goto(f"/app/project/detail/{partner.project_id}/applicationFormPartner/{partner.pk}/identity")
    page.get_by_role("link", name="Budget", exact=True).click()
    page.wait_for_url("**/budget")
    axe(page, "empty budget")
    page.get_by_role("button", name="Add row to Staff costs").click()
    page.get_by_role("button", name="Add row to Staff costs").click()
    page.locator("#staffCosts-0-description-EN").fill("Project manager")
    page.locator("#staffCosts-0-numberOfUnits").fill("12")
    page.locator("#staffCosts-0-pricePerUnit").fill("1500.50")
    page.locator("#staffCosts-0-period-1").fill("6000")
    page.locator("#staffCosts-1-numberOfUnits").fill("3")
    page.locator("#staffCosts-1-pricePerUnit").fill("33.33")
    page.wait_for_function("document.querySelector('#total-budget').textContent.trim() === '18,105.99'")
    assert page.locator("#staffCosts-0-rowSum").text_content().strip() == "18,006.00"
    assert not BudgetCostRow.objects.exists()  # typing saves nothing
    page.locator("#option-officeAndAdministrationOnStaffCostsFlatRate").select_option("15")
    page.wait_for_function("document.querySelector('#total-office').textContent.trim() === '2,715.89'")
    axe(page, "budget with staff rows")
    page.get_by_role("button", name="Save changes").click()
    page.wait_for_url("**/budget")
    assert page.get_by_text("The partner budget was saved.").is_visible()
    assert partner_budgets(partner.project)[partner.pk].total == Decimal("18105.99") + Decimal("2715.89")

    page.locator("#staffCosts-1-pricePerUnit").fill("1.001")
    page.get_by_role("button", name="Save changes").click()
    assert page.locator("#staffCosts-1-pricePerUnit-error").text_content() == "Use at most 2 decimal places."
    assert page.locator("#staffCosts-1-pricePerUnit").get_attribute("aria-invalid") == "true"
    axe(page, "budget with an error")
