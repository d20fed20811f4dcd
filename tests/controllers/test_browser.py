"""In a real browser, a programme administrator sets the programme area, fetches this month's conversion
rates and creates a controller institution; axe checks each of these pages."""

import re

import pytest

from jems.controllers.models import ControllerInstitution
from jems.currency import services as currency_services
from jems.currency.models import CurrencyRate
from jems.nuts.models import ProgrammeNuts
from tests.browser_support import log_in
from tests.conftest import PASSWORD
from tests.nuts.fileserver import file_server  # noqa: F401

pytestmark = pytest.mark.browser


def test_programme_area_rates_and_controller_institution(page, admin_user, controller, axe, file_server,  # noqa: F811
                                                         settings):
    log_in(page, admin_user.email, PASSWORD)

    # Geographical coverage: filter the tree, tick all of Kärnten and one Slovenian region, save.
    page.goto("/app/programme/areas")
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

    # Conversion rates: fetch this month's rates from (a local stand-in for) InforEuro.
    year, month = currency_services.current_month()
    file_server.put(f"{year}-{month}.json", '[{"isoA3Code":"CHF","currency":"Swiss franc","value":0.9412},'
                                            '{"isoA3Code":"HUF","currency":"Hungarian forint","value":395.87}]')
    settings.INFOREURO_URL = f"{file_server.url}/{{year}}-{{month}}.json"
    page.get_by_role("navigation", name="Programme").get_by_role("link", name="Conversion rates").click()
    page.wait_for_url("**/app/programme/conversionRates")
    axe(page, "conversion rates (empty)")
    page.get_by_role("button", name="Fetch").click()
    page.get_by_text("3 conversion rates").wait_for()
    assert page.get_by_role("cell", name="Swiss Franc").is_visible()
    assert CurrencyRate.objects.filter(year=year, month=month).count() == 3
    axe(page, "conversion rates")

    # Controllers: the top menu lands on the institution list; create one with a region and a controller.
    page.get_by_role("navigation", name="Main menu").get_by_role("link", name="Controllers").click()
    page.wait_for_url("**/app/controller")
    axe(page, "controller institutions")
    page.get_by_role("link", name="Add institution").click()
    page.wait_for_url("**/app/controller/create")
    page.get_by_role("button", name="Create institution").click()  # without a name: inline error
    assert page.get_by_label("Name").get_attribute("aria-invalid") == "true"
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
