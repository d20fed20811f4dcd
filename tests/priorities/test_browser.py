"""A programme administrator sets up a priority, indicators, a lump sum and a unit cost in a real browser; every
page of the area passes the axe-core WCAG 2.1 A/AA check (no serious or critical violation)."""

import re
from pathlib import Path

import pytest

from jems.cost_options.models import ProgrammeLumpSum, ProgrammeUnitCost
from jems.priorities.models import OutputIndicator, ProgrammePriority, ResultIndicator
from tests.browser_support import CHROMIUM, log_in
from tests.conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.skipif(not Path(CHROMIUM).exists(),
                                                 reason=f"chromium not found at {CHROMIUM}")]


def test_programme_setup_of_priorities_indicators_and_cost_options(page, admin_user, axe):
    log_in(page, admin_user.email, PASSWORD)

    # Priorities: the list, then a new priority built step by step (htmx refreshes the form on change).
    page.goto("/app/programme/priorities")
    axe(page, "priority list")
    page.get_by_role("link", name="Add priority").click()
    page.wait_for_url("**/app/programme/priorities/create")
    page.get_by_label("Priority code").fill("P1")
    page.locator("#id_title_0").fill("Climate-resilient region")
    page.get_by_label("Policy objective").select_option("PO2")
    page.locator("#so-ClimateChange").wait_for()
    page.locator("#so-ClimateChange").check()
    page.locator("#dimensions-ClimateChange").wait_for()
    page.locator("#so-ClimateChange-code").fill("2.1")
    dimensions = page.locator("#dimensions-ClimateChange")
    dimensions.locator("summary", has_text="Types of intervention").click()
    dimensions.get_by_role("checkbox", name="058").check()
    dimensions.locator("summary", has_text="Gender Equality").click()
    dimensions.get_by_role("group", name=re.compile("Gender Equality")).get_by_role("checkbox", name="003").check()
    axe(page, "priority editor")
    page.get_by_role("button", name="Create priority").click()
    page.wait_for_url(re.compile(r".*/app/programme/priorities/\d+$"))
    assert page.get_by_text("The priority P1 is saved.").is_visible()
    so = ProgrammePriority.objects.get().specific_objectives.get()
    assert so.code == "2.1" and so.dimension_codes == {"TypesOfIntervention": ["058"], "GenderEquality": ["003"]}
    axe(page, "priority detail")

    # Indicators: a result indicator, then an output indicator linked to it (EU codes prefill name and unit).
    page.get_by_role("navigation", name="Programme").get_by_role("link", name="Indicators").click()
    page.wait_for_url("**/app/programme/indicators")
    axe(page, "indicator list")
    page.get_by_role("link", name="Add result indicator").click()
    page.get_by_role("button", name="Create indicator").click()  # empty: inline errors
    assert page.get_by_label("ID").get_attribute("aria-invalid") == "true"
    axe(page, "result indicator form with errors")
    page.get_by_label("ID").fill("R2.1")
    page.get_by_label("Indicator code").select_option("RCR104")
    page.get_by_label("Specific objective").select_option("ClimateChange")
    page.get_by_label("Final target (2029)").fill("6")
    page.get_by_role("button", name="Create indicator").click()
    page.wait_for_url(re.compile(r".*/resultIndicator/detail/\d+$"))
    assert ResultIndicator.objects.get().name == {"EN": "Solutions taken up or up-scaled by organisations"}
    axe(page, "result indicator detail")
    page.get_by_role("link", name="Indicators").first.click()
    page.get_by_role("link", name="Add output indicator").click()
    page.get_by_label("ID").fill("O2.1")
    page.get_by_label("Indicator code").select_option("RCO84")
    page.get_by_label("Specific objective").select_option("ClimateChange")
    page.get_by_label("Milestone (2024)").fill("2")
    page.get_by_label("Final target (2029)").fill("12.50")
    page.get_by_label("Result indicator").select_option(str(ResultIndicator.objects.get().pk))
    axe(page, "output indicator form")
    page.get_by_role("button", name="Create indicator").click()
    page.wait_for_url(re.compile(r".*/outputIndicator/detail/\d+$"))
    output = OutputIndicator.objects.get()
    assert output.result_indicator.identifier == "R2.1" and str(output.final_target) == "12.50"
    axe(page, "output indicator detail")

    # Simplified cost options: a fast-track lump sum and a unit cost in CHF.
    page.get_by_role("navigation", name="Programme").get_by_role("link", name="Simplified cost options").click()
    page.wait_for_url("**/app/programme/costs")
    axe(page, "cost option list")
    page.get_by_role("link", name="Add lump sum").click()
    page.locator("#id_name_0").fill("Small-scale project")
    page.get_by_label("Lump sum cost (EUR)").fill("45000")
    page.get_by_role("radio", name="Implementation").check()
    page.get_by_role("checkbox", name="Staff Costs").check()
    page.get_by_role("checkbox", name="External expertise and services").check()
    page.get_by_role("group", name=re.compile("Allow splitting")).get_by_role("radio", name="No").check()
    page.get_by_label(re.compile("Fast Track Lump Sum")).check()
    axe(page, "lump sum form")
    page.get_by_role("button", name="Create lump sum").click()
    page.wait_for_url(re.compile(r".*/lumpSum/detail/\d+$"))
    assert ProgrammeLumpSum.objects.get().fast_track
    axe(page, "lump sum detail")
    page.get_by_role("link", name="Simplified cost options").first.click()
    page.get_by_role("link", name="Add unit cost").click()
    page.locator("#id_name_0").fill("Staff hour (Switzerland)")
    page.get_by_label("Cost per unit (EUR)").fill("61.50")
    page.get_by_label("Foreign currency", exact=True).select_option("CHF")
    page.get_by_label("Cost per unit in the foreign currency").fill("58")
    page.get_by_role("radio", name="One cost category").check()
    page.get_by_role("checkbox", name="Staff Costs").check()
    axe(page, "unit cost form")
    page.get_by_role("button", name="Create unit cost").click()
    page.wait_for_url(re.compile(r".*/unitCost/detail/\d+$"))
    unit_cost = ProgrammeUnitCost.objects.get()
    assert unit_cost.foreign_currency_code == "CHF" and unit_cost.categories == ["StaffCosts"]
    axe(page, "unit cost detail")
    page.goto("/app/programme/costs")
    assert page.get_by_role("cell", name="58.00 CHF").is_visible()
    assert len(axe.checked) == 13
