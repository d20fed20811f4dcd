"""A programme administrator goes through the programme-core pages in a real browser (no JavaScript needed
by the pages); every page passes the axe WCAG 2.1 A/AA check."""

from pathlib import Path

import pytest

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
from tests.browser_support import CHROMIUM, log_in
from tests.conftest import PASSWORD

pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"chromium not found at {CHROMIUM}")]


def side_nav(tab, name):
    tab.get_by_role("navigation", name="Programme").get_by_role("link", name=name, exact=True).click()


def saved(tab, text):
    assert tab.get_by_role("status").get_by_text(text).is_visible()


def test_programme_setup_main_path(page, admin_user, axe, tmp_path):
    log_in(page, admin_user.email, PASSWORD)
    page.get_by_role("navigation", name="Main menu").get_by_role("link", name="Programme").click()
    page.wait_for_url("**/app/programme")
    axe(page, "basic data")
    page.get_by_label("Title").fill("Interreg Browser Test")
    page.get_by_label("Programme abbreviation in project ids").fill("IBT")
    page.get_by_label("Include the call id in project ids").check()
    page.get_by_label("First year").fill("2027")
    page.get_by_label("Last year").fill("2021")
    page.get_by_role("button", name="Save").click()
    assert page.get_by_label("Last year").get_attribute("aria-invalid") == "true"
    assert page.get_by_label("Title").input_value() == "Interreg Browser Test"
    page.get_by_label("Last year").fill("2027")
    page.get_by_role("button", name="Save").click()
    saved(page, "The basic data is saved.")
    assert page.get_by_text("IBT0300012").is_visible()
    assert ProgrammeData.objects.get().title == "Interreg Browser Test"

    side_nav(page, "Languages")
    page.wait_for_url("**/app/programme/languages")
    axe(page, "languages")
    page.get_by_label("Deutsch as UI language").check()
    page.get_by_label("Deutsch as input language").check()
    page.get_by_role("button", name="Save").click()
    saved(page, "The languages are saved.")
    assert ProgrammeLanguage.objects.get(code="DE").input

    side_nav(page, "Translation management")
    page.wait_for_url("**/app/programme/translationManagement")
    axe(page, "translation management")
    upload = tmp_path / "System_de.properties"
    upload.write_text("programme.strategy.EuropeanGreenDeal=Europäischer Grüner Deal\n", encoding="utf-8")
    page.get_by_role("combobox", name="Language").select_option("DE")
    page.get_by_label("System translations").check()
    page.get_by_label("Translation file (.properties)").set_input_files(str(upload))
    page.get_by_role("button", name="Upload").click()
    saved(page, "The translation file System_de.properties is uploaded and in use.")
    assert TranslationFile.objects.filter(language="DE").exists()

    side_nav(page, "Funds")
    page.wait_for_url("**/app/programme/funds")
    axe(page, "funds")
    page.get_by_role("group", name="ERDF").get_by_label("Selected").check()
    page.get_by_role("button", name="Add a fund").click()
    new_fund = page.get_by_role("group", name="New fund")
    new_fund.get_by_role("textbox", name="English").first.fill("Regional fund")
    page.get_by_role("button", name="Save").click()
    saved(page, "The funds are saved.")
    assert ProgrammeFund.objects.get(pk=1).selected and ProgrammeFund.objects.count() == 8

    side_nav(page, "Strategies")
    page.wait_for_url("**/app/programme/strategies")
    axe(page, "strategies")
    page.get_by_label("EU Strategy for the Alpine Region").check()
    page.get_by_role("button", name="Save").click()
    saved(page, "The strategies are saved.")
    assert ProgrammeStrategy.objects.get(pk="EUStrategyAlpineRegion").active

    side_nav(page, "Legal status")
    page.wait_for_url("**/app/programme/legalStatus")
    axe(page, "legal status")
    page.get_by_role("button", name="Add a legal status").click()
    page.get_by_role("group", name="New legal status").get_by_role("textbox", name="English").fill("NGO")
    page.get_by_role("button", name="Save").click()
    saved(page, "The legal statuses are saved.")
    assert LegalStatus.objects.filter(type="OTHER").count() == 1

    side_nav(page, "State aid")
    page.wait_for_url("**/app/programme/stateAid")
    axe(page, "state aid")
    page.get_by_role("button", name="Add a scheme").click()
    scheme = page.get_by_role("group", name="New scheme")
    scheme.get_by_label("Measure").select_option("GBER_ARTICLE_20")
    scheme.get_by_label("GBER scheme number").fill("SA.4711")
    page.get_by_role("button", name="Save").click()
    saved(page, "The state aid schemes are saved.")
    assert StateAid.objects.get().threshold == 2200000
    axe(page, "state aid with a scheme")

    side_nav(page, "Typology of errors")
    page.wait_for_url("**/app/programme/typologyErrors")
    axe(page, "typology of errors")
    page.get_by_role("button", name="Add an entry").click()
    page.get_by_label("Description of entry 1").fill("Public procurement")
    page.get_by_role("button", name="Save").click()
    saved(page, "The typology of errors is saved.")
    assert TypologyError.objects.get().description == "Public procurement"
    assert len(axe.checked) == 9
