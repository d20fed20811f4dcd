"""The steps of setting up a programme in a real browser, run in this order by
tests/browser/test_programme_setup.py on one fresh database in one browser session.

Each step takes the page (logged in as the programme administrator), the axe checker and the fixture values
it needs; it opens its page through the menus itself, so it only expects to start on a page of the
application, and it returns once the page shows the outcome. Every page visited passes the axe check, and
each step asserts what it stored.
"""

import re

from playwright.sync_api import expect

from jems.checklists import services as checklist_services
from jems.checklists.models import ChecklistComponent, ProgrammeChecklist
from jems.controllers.models import ControllerInstitution
from jems.cost_options.models import ProgrammeLumpSum, ProgrammeUnitCost
from jems.currency import services as currency_services
from jems.currency.models import CurrencyRate
from jems.nuts.models import ProgrammeNuts
from jems.priorities.models import OutputIndicator, ProgrammePriority, ResultIndicator
from jems.programme.models import (
    LegalStatus,
    ProgrammeData,
    ProgrammeFund,
    ProgrammeLanguage,
    ProgrammeStrategy,
    StateAid,
    TranslationFile,
    TypologyError,
)

CHECKLIST_DETAIL = re.compile(r".*/app/programme/checklists/\d+$")


def open_programme_page(page, name: str, url: str):
    """Open a page of the Programme side navigation (through the main menu when not on a programme page)."""
    side_nav = page.get_by_role("navigation", name="Programme")
    if not side_nav.count():
        page.get_by_role("navigation", name="Main menu").get_by_role("link", name="Programme").click()
        page.wait_for_url("**/app/programme")
    side_nav.get_by_role("link", name=name, exact=True).click()
    page.wait_for_url(f"**{url}")


def english(page, field: str):
    """The English input of a translatable field (whatever other input languages the programme has)."""
    return page.get_by_role("group", name=field).get_by_role("textbox", name="English")


def saved(page, text: str):
    expect(page.get_by_role("status").get_by_text(text)).to_be_visible()


# --- programme core --------------------------------------------------------------------------------------


def set_up_basic_data(page, axe):
    page.get_by_role("navigation", name="Main menu").get_by_role("link", name="Programme").click()
    page.wait_for_url("**/app/programme")
    axe(page, "basic data")
    page.get_by_label("Title").fill("Interreg Browser Test")
    page.get_by_label("Programme abbreviation in project ids").fill("IBT")
    page.get_by_label("Include the call id in project ids").check()
    page.get_by_label("First year").fill("2027")
    page.get_by_label("Last year").fill("2021")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_label("Last year")).to_have_attribute("aria-invalid", "true")
    expect(page.get_by_label("Title")).to_have_value("Interreg Browser Test")
    page.get_by_label("Last year").fill("2027")
    page.get_by_role("button", name="Save").click()
    saved(page, "The basic data is saved.")
    expect(page.get_by_text("IBT0300012")).to_be_visible()
    assert ProgrammeData.objects.get().title == "Interreg Browser Test"


def set_up_languages(page, axe, tmp_path):
    """German as UI and input language, then a German system-translation file."""
    open_programme_page(page, "Languages", "/app/programme/languages")
    axe(page, "languages")
    page.get_by_label("Deutsch as UI language").check()
    page.get_by_label("Deutsch as input language").check()
    page.get_by_role("button", name="Save").click()
    saved(page, "The languages are saved.")
    assert ProgrammeLanguage.objects.get(code="DE").input

    open_programme_page(page, "Translation management", "/app/programme/translationManagement")
    axe(page, "translation management")
    upload = tmp_path / "System_de.properties"
    upload.write_text("programme.strategy.EuropeanGreenDeal=Europäischer Grüner Deal\n", encoding="utf-8")
    page.get_by_role("combobox", name="Language").select_option("DE")
    page.get_by_label("System translations").check()
    page.get_by_label("Translation file (.properties)").set_input_files(str(upload))
    page.get_by_role("button", name="Upload").click()
    saved(page, "The translation file System_de.properties is uploaded and in use.")
    assert TranslationFile.objects.filter(language="DE").exists()


def set_up_programme_area(page, axe):
    """Geographical coverage: filter the tree, tick all of Kärnten and one Slovenian region, save."""
    open_programme_page(page, "Geographical coverage", "/app/programme/areas")
    page.get_by_label("Filter by name or code").fill("Kärnten")
    page.wait_for_url(re.compile(r".*q=K%C3%A4rnten.*|.*q=Kärnten.*"))
    page.get_by_label("All of Kärnten (AT21)").check()
    page.get_by_role("button", name="Save the programme area").click()
    page.get_by_text("The programme area is saved.").wait_for()
    assert set(ProgrammeNuts.objects.values_list("region_id", flat=True)) == {"AT211", "AT212", "AT213"}
    page.get_by_role("link", name="Clear").click()
    page.wait_for_url(re.compile(r".*/app/programme/areas$"))
    page.locator("summary", has_text="Slovenija (SI)").click()
    page.locator("summary", has_text="Slovenija (SI0)").click()
    page.locator("summary", has_text="Zahodna Slovenija (SI04)").click()
    page.get_by_label("Osrednjeslovenska (SI041)").check()
    page.get_by_role("button", name="Save the programme area").click()
    page.get_by_text("The programme area is saved.").wait_for()
    assert ProgrammeNuts.objects.count() == 4
    axe(page, "geographical coverage")


def fetch_conversion_rates(page, axe, file_server, settings):
    """Fetch this month's conversion rates from (a local stand-in for) InforEuro."""
    year, month = currency_services.current_month()
    file_server.put(f"{year}-{month}.json", '[{"isoA3Code":"CHF","currency":"Swiss franc","value":0.9412},'
                                            '{"isoA3Code":"HUF","currency":"Hungarian forint","value":395.87}]')
    settings.INFOREURO_URL = f"{file_server.url}/{{year}}-{{month}}.json"
    open_programme_page(page, "Conversion rates", "/app/programme/conversionRates")
    axe(page, "conversion rates (empty)")
    page.get_by_role("button", name="Fetch").click()
    page.get_by_text("3 conversion rates").wait_for()
    expect(page.get_by_role("cell", name="Swiss Franc")).to_be_visible()
    assert CurrencyRate.objects.filter(year=year, month=month).count() == 3
    axe(page, "conversion rates")


def set_up_funds(page, axe):
    open_programme_page(page, "Funds", "/app/programme/funds")
    axe(page, "funds")
    page.get_by_role("group", name="ERDF").get_by_label("Selected").check()
    page.get_by_role("button", name="Add a fund").click()
    new_fund = page.get_by_role("group", name="New fund")
    new_fund.get_by_role("textbox", name="English").first.fill("Regional fund")
    page.get_by_role("button", name="Save").click()
    saved(page, "The funds are saved.")
    assert ProgrammeFund.objects.get(pk=1).selected and ProgrammeFund.objects.count() == 8


# --- priorities and indicators ---------------------------------------------------------------------------


def set_up_priority(page, axe):
    """A new priority built step by step (htmx refreshes the form on change): one specific objective with
    dimension codes."""
    open_programme_page(page, "Priorities", "/app/programme/priorities")
    axe(page, "priority list")
    page.get_by_role("link", name="Add priority").click()
    page.wait_for_url("**/app/programme/priorities/create")
    page.get_by_label("Priority code").fill("P1")
    english(page, "Priority title").fill("Climate-resilient region")
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
    expect(page.get_by_text("The priority P1 is saved.")).to_be_visible()
    so = ProgrammePriority.objects.get().specific_objectives.get()
    assert so.code == "2.1" and so.dimension_codes == {"TypesOfIntervention": ["058"], "GenderEquality": ["003"]}
    axe(page, "priority detail")


def set_up_indicators(page, axe):
    """A result indicator, then an output indicator linked to it (EU codes prefill name and unit)."""
    open_programme_page(page, "Indicators", "/app/programme/indicators")
    axe(page, "indicator list")
    page.get_by_role("link", name="Add result indicator").click()
    page.get_by_role("button", name="Create indicator").click()  # empty: inline errors
    expect(page.get_by_label("ID")).to_have_attribute("aria-invalid", "true")
    axe(page, "result indicator form with errors")
    page.get_by_label("ID").fill("R2.1")
    page.get_by_label("Indicator code").select_option("RCR104")
    page.get_by_label("Specific objective").select_option("ClimateChange")
    page.get_by_label("Final target (2029)").fill("6")
    page.get_by_role("button", name="Create indicator").click()
    page.wait_for_url(re.compile(r".*/resultIndicator/detail/\d+$"))
    # The EU code's name is prefilled in every input language (only English when German is not one).
    input_languages = ProgrammeLanguage.objects.filter(input=True).values_list("code", flat=True)
    assert ResultIndicator.objects.get().name == dict.fromkeys(input_languages,
                                                               "Solutions taken up or up-scaled by organisations")
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


# --- strategies, legal status ----------------------------------------------------------------------------


def set_up_strategies(page, axe):
    open_programme_page(page, "Strategies", "/app/programme/strategies")
    axe(page, "strategies")
    page.get_by_label("EU Strategy for the Alpine Region").check()
    page.get_by_role("button", name="Save").click()
    saved(page, "The strategies are saved.")
    assert ProgrammeStrategy.objects.get(pk="EUStrategyAlpineRegion").active


def set_up_legal_status(page, axe):
    open_programme_page(page, "Legal status", "/app/programme/legalStatus")
    axe(page, "legal status")
    page.get_by_role("button", name="Add a legal status").click()
    page.get_by_role("group", name="New legal status").get_by_role("textbox", name="English").fill("NGO")
    page.get_by_role("button", name="Save").click()
    saved(page, "The legal statuses are saved.")
    assert LegalStatus.objects.filter(type="OTHER").count() == 1


# --- simplified cost options -----------------------------------------------------------------------------


def set_up_lump_sum(page, axe):
    """A fast-track lump sum."""
    open_programme_page(page, "Simplified cost options", "/app/programme/costs")
    axe(page, "cost option list")
    page.get_by_role("link", name="Add lump sum").click()
    english(page, "Lump sum name").fill("Small-scale project")
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


def set_up_unit_cost(page, axe):
    """A unit cost in CHF."""
    open_programme_page(page, "Simplified cost options", "/app/programme/costs")
    page.get_by_role("link", name="Add unit cost").click()
    english(page, "Unit cost name").fill("Staff hour (Switzerland)")
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
    expect(page.get_by_role("cell", name="58.00 CHF")).to_be_visible()


# --- state aid, typology of errors -----------------------------------------------------------------------


def set_up_state_aid(page, axe):
    open_programme_page(page, "State aid", "/app/programme/stateAid")
    axe(page, "state aid")
    page.get_by_role("button", name="Add a scheme").click()
    scheme = page.get_by_role("group", name="New scheme")
    scheme.get_by_label("Measure").select_option("GBER_ARTICLE_20")
    scheme.get_by_label("GBER scheme number").fill("SA.4711")
    page.get_by_role("button", name="Save").click()
    saved(page, "The state aid schemes are saved.")
    assert StateAid.objects.get().threshold == 2200000
    axe(page, "state aid with a scheme")


def set_up_typology_of_errors(page, axe):
    open_programme_page(page, "Typology of errors", "/app/programme/typologyErrors")
    axe(page, "typology of errors")
    page.get_by_role("button", name="Add an entry").click()
    page.get_by_label("Description of entry 1").fill("Public procurement")
    page.get_by_role("button", name="Save").click()
    saved(page, "The typology of errors is saved.")
    assert TypologyError.objects.get().description == "Public procurement"


# --- checklist template ----------------------------------------------------------------------------------


def set_up_checklist_template(page, axe) -> ProgrammeChecklist:
    """Create a template, add and edit components (with an inline error), reorder, preview, clone and delete
    the clone; then see the template locked once used. Returns the template."""
    open_programme_page(page, "Checklists", "/app/programme/checklists")
    expect(page.get_by_role("link", name="First-level control: administrative verification")).to_be_visible()
    axe(page, "checklist list")

    page.get_by_role("link", name="Add checklist").click()
    page.wait_for_url("**/app/programme/checklists/create")
    page.get_by_role("button", name="Create checklist").click()  # without a name: inline error
    expect(page.get_by_label("Checklist name")).to_have_attribute("aria-invalid", "true")
    axe(page, "create checklist (with error)")
    page.get_by_label("Checklist name").fill("Desk check of public procurement")
    page.get_by_label("Checklist type").select_option(label="Control")
    page.get_by_role("button", name="Create checklist").click()
    page.wait_for_url(CHECKLIST_DETAIL)
    checklist = ProgrammeChecklist.objects.get(name="Desk check of public procurement")
    assert checklist.type == "CONTROL"

    # Components: a question with options, then a score whose weight is first refused inline.
    page.get_by_label("Kind of component").select_option(label="Options toggle")
    page.get_by_role("button", name="Add component").click()
    toggle = ChecklistComponent.objects.get(checklist=checklist)
    card = page.locator(f"#component-{toggle.pk}")
    card.get_by_label("Question").fill("Was the tender published in the Official Journal?")
    card.get_by_label("Option 3 (optional)").fill("Not applicable")
    card.get_by_role("button", name="Save").click()
    expect(page.get_by_text("The component is saved.")).to_be_visible()

    page.get_by_label("Kind of component").select_option(label="Score")
    page.get_by_role("button", name="Add component").click()
    score = ChecklistComponent.objects.filter(checklist=checklist, type="SCORE").get()
    card = page.locator(f"#component-{score.pk}")
    card.get_by_label("Question").fill("Quality of the procurement file")
    card.get_by_label("Weight (multiplier)").fill("500")
    card.get_by_role("button", name="Save").click()
    card = page.locator(f"#component-{score.pk}")
    expect(card.get_by_label("Weight (multiplier)")).to_have_attribute("aria-invalid", "true")
    expect(card.get_by_label("Question")).to_have_value("Quality of the procurement file")  # input kept
    axe(page, "checklist editor (with error)")
    card.get_by_label("Weight (multiplier)").fill("2")
    card.get_by_role("button", name="Save").click()
    expect(page.get_by_text("The component is saved.")).to_be_visible()
    page.locator(f"#component-{score.pk}").get_by_role("button", name="Move up").click()
    expect(page.get_by_text("The component is moved.")).to_be_visible()
    assert list(ChecklistComponent.objects.filter(checklist=checklist).values_list("type", flat=True)) == [
        "SCORE", "OPTIONS_TOGGLE"]
    axe(page, "checklist editor")

    page.get_by_role("link", name="Preview").click()
    expect(page.get_by_role("group", name="Was the tender published in the Official Journal?")).to_be_visible()
    expect(page.get_by_label("Not applicable")).to_be_visible()
    axe(page, "checklist preview")
    page.go_back()

    # Clone, then delete the copy after confirming.
    page.get_by_role("button", name="Clone").click()
    page.wait_for_url(CHECKLIST_DETAIL)
    expect(page.get_by_role("heading", name="Desk check of public procurement (copy)")).to_be_visible()
    page.get_by_role("link", name="Delete").click()
    page.wait_for_url("**/delete")
    axe(page, "delete confirmation")
    page.get_by_role("button", name="Delete checklist").click()
    page.wait_for_url("**/app/programme/checklists")
    expect(page.get_by_text("is deleted")).to_be_visible()
    assert ProgrammeChecklist.objects.filter(name__startswith="Desk check").count() == 1

    # Once used, the template is locked: texts stay editable, the structure not.
    checklist_services.lock_template(checklist.pk)
    page.get_by_role("link", name="Desk check of public procurement").click()
    page.wait_for_url(CHECKLIST_DETAIL)
    expect(page.get_by_text("it is locked")).to_be_visible()
    expect(page.get_by_label("Checklist type")).to_be_disabled()
    expect(page.get_by_role("button", name="Move down")).to_have_count(0)
    axe(page, "locked checklist")
    return checklist


# --- controller institution ------------------------------------------------------------------------------


def set_up_controller_institution(page, axe, controller) -> ControllerInstitution:
    """The top menu lands on the institution list; create one with a region and `controller` as its user.
    Expects Kärnten (AT21) in the programme area."""
    page.get_by_role("navigation", name="Main menu").get_by_role("link", name="Controllers").click()
    page.wait_for_url("**/app/controller")
    axe(page, "controller institutions")
    page.get_by_role("link", name="Add institution").click()
    page.wait_for_url("**/app/controller/create")
    page.get_by_role("button", name="Create institution").click()  # without a name: inline error
    expect(page.get_by_label("Name")).to_have_attribute("aria-invalid", "true")
    page.get_by_label("Name").fill("FLC Kärnten")
    page.get_by_label("Description").fill("First-level control in Carinthia")
    page.locator("summary", has_text="Österreich (AT)").click()
    page.locator("summary", has_text="Südösterreich (AT2)").click()
    page.get_by_label("All of Südösterreich (AT2)").check()
    page.get_by_label("E-mail of user 1").fill(controller.email)
    page.get_by_label("Access level of user 1").select_option("Edit")
    axe(page, "new controller institution")
    page.get_by_role("button", name="Create institution").click()
    page.wait_for_url(re.compile(r".*/app/controller/\d+$"))
    page.get_by_text("The controller institution is saved.").wait_for()
    institution = ControllerInstitution.objects.get()
    assert set(institution.nuts.values_list("region_id", flat=True)) == {"AT211", "AT212", "AT213"}
    assert institution.users.get().user == controller
    axe(page, "controller institution")
    page.get_by_role("navigation", name="Controllers").get_by_role("link", name="Assignment").click()
    page.wait_for_url("**/app/controller/assignment")
    axe(page, "assignment")
    return institution
