"""Browser: the applicant opens a partner's Co-financing tab, chooses the fund and its rate, adds a contribution
source, sees the amount mismatch, corrects it, saves and sees the amounts and totals (axe on each state)."""

from decimal import Decimal

import pytest

from jems.projects.cofinancing.models import PartnerContribution
from tests.browser_support import log_in
from tests.conftest import PASSWORD

from .conftest import give_budget

pytestmark = pytest.mark.browser


def test_choose_fund_add_contribution_and_save(page, axe, applicant, project, partners, funds, origins):
    lead, _uni = partners
    erdf, _other = funds
    give_budget(lead, "5123.12")
    log_in(page, applicant.email, PASSWORD)
    page.goto(f"/app/project/detail/{project.pk}/applicationFormPartner/{lead.pk}/identity")
    page.get_by_role("link", name="Co-financing", exact=True).click()
    page.wait_for_url("**/coFinancing")
    axe(page, "empty co-financing tab")
    page.get_by_label("Fund 1", exact=True).select_option(str(erdf.pk))
    page.get_by_label("Co-financing rate of fund 1 (%)").fill("23.26")
    page.get_by_label("Legal status of contribution 1").select_option("Public")
    page.get_by_label("Amount of contribution 1").fill("3000")
    page.get_by_role("button", name="Add contribution").click()
    assert page.get_by_label("Amount of contribution 1").input_value() == "3000"
    page.get_by_label("Source of contribution 2").fill("Danube region")
    page.get_by_label("Legal status of contribution 2").select_option("AutomaticPublic")
    page.get_by_label("Amount of contribution 2").fill("900")
    page.get_by_role("button", name="Save changes").click()
    assert page.get_by_text("they must equal the partner contribution of 3,931.49").is_visible()
    axe(page, "co-financing with a sum error")
    page.get_by_label("Amount of contribution 2").fill("931.49")
    page.get_by_role("button", name="Save changes").click()
    page.wait_for_url("**/coFinancing")
    assert page.get_by_text("The co-financing was saved.").is_visible()
    assert page.locator("#fund-0-amount").inner_text() == "1,191.63"
    assert page.locator("#partner-amount").inner_text() == "3,931.49"
    assert page.locator("#total-automatic-public").inner_text() == "931.49"
    axe(page, "saved co-financing")
    assert sorted(PartnerContribution.objects.values_list("name", "amount")) == [
        ("CITY", Decimal("3000.00")), ("Danube region", Decimal("931.49"))]
