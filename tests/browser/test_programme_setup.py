"""Acceptance: a programme is set up from an empty install through the UI, in one browser session on one
fresh database (basic data, languages, NUTS area, funds, a priority with objectives and dimension codes,
indicators, strategies, legal status, a lump sum, a unit cost, state aid, typology of errors, a checklist
template, a controller institution). The steps are in tests/browser/programme_steps.py; every page they
visit passes the axe WCAG 2.1 A/AA check."""

from decimal import Decimal

import pytest

from jems.accounts.privileges import PROGRAMME_USER_ROLE_ID
from jems.checklists.models import ChecklistComponent, ProgrammeChecklist
from jems.controllers.models import ControllerInstitution
from jems.cost_options.models import ProgrammeLumpSum, ProgrammeUnitCost
from jems.currency import services as currency_services
from jems.currency.models import CurrencyRate
from jems.nuts.models import ProgrammeNuts
from jems.priorities.models import (
    OutputIndicator,
    ProgrammePriority,
    ProgrammeSpecificObjective,
    ResultIndicator,
)
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
from tests.browser import programme_steps as steps
from tests.browser_support import log_in
from tests.conftest import PASSWORD, make_user
from tests.nuts.fileserver import file_server  # noqa: F401

BASELINE_FUNDS = ["ERDF", "IPA_III_CBC", "NEIGHBOURHOOD_CBC", "IPA_III", "NDICI", "OCTP", "INTERREG_FUNDS"]

AXE_CHECKED = [
    "basic data", "languages", "translation management",
    "geographical coverage", "conversion rates (empty)", "conversion rates",
    "funds",
    "priority list", "priority editor", "priority detail",
    "indicator list", "result indicator form with errors", "result indicator detail", "output indicator form",
    "output indicator detail",
    "strategies", "legal status",
    "cost option list", "lump sum form", "lump sum detail", "unit cost form", "unit cost detail",
    "state aid", "state aid with a scheme", "typology of errors",
    "checklist list", "create checklist (with error)", "checklist editor (with error)", "checklist editor",
    "checklist preview", "delete confirmation", "locked checklist",
    "controller institutions", "new controller institution", "controller institution", "assignment",
]


@pytest.fixture
def controller(db):
    """The programme user who becomes the institution's controller."""
    return make_user("controller@example.org", PROGRAMME_USER_ROLE_ID)


def assert_empty_install() -> int:
    """The programme part of a fresh install; returns the number of predefined checklist templates."""
    assert not ProgrammePriority.objects.exists() and not ProgrammeSpecificObjective.objects.exists()
    assert not OutputIndicator.objects.exists() and not ResultIndicator.objects.exists()
    assert not ProgrammeLumpSum.objects.exists() and not ProgrammeUnitCost.objects.exists()
    assert not ProgrammeNuts.objects.exists()
    assert not ControllerInstitution.objects.exists()
    assert [(f.pk, f.type, f.selected) for f in ProgrammeFund.objects.all()] == [
        (pk, fund_type, False) for pk, fund_type in enumerate(BASELINE_FUNDS, start=1)]
    assert list(ProgrammeLanguage.objects.filter(input=True).values_list("code", flat=True)) == ["EN"]
    assert ProgrammeData.objects.get().title is None
    assert not TranslationFile.objects.exists() and not CurrencyRate.objects.exists()
    assert not ProgrammeStrategy.objects.filter(active=True).exists()
    assert list(LegalStatus.objects.values_list("type", flat=True)) == ["PUBLIC", "PRIVATE"]
    assert not StateAid.objects.exists() and not TypologyError.objects.exists()
    assert not ProgrammeChecklist.objects.filter(locked=True).exists()
    return ProgrammeChecklist.objects.count()


@pytest.mark.browser
def test_programme_is_set_up_from_an_empty_install_through_the_ui(page, admin_user, controller, axe,
                                                                 file_server, settings, tmp_path):  # noqa: F811
    predefined_checklists = assert_empty_install()

    log_in(page, admin_user.email, PASSWORD)
    steps.set_up_basic_data(page, axe)
    steps.set_up_languages(page, axe, tmp_path)
    steps.set_up_programme_area(page, axe)
    steps.fetch_conversion_rates(page, axe, file_server, settings)
    steps.set_up_funds(page, axe)
    steps.set_up_priority(page, axe)
    steps.set_up_indicators(page, axe)
    steps.set_up_strategies(page, axe)
    steps.set_up_legal_status(page, axe)
    steps.set_up_lump_sum(page, axe)
    steps.set_up_unit_cost(page, axe)
    steps.set_up_state_aid(page, axe)
    steps.set_up_typology_of_errors(page, axe)
    checklist = steps.set_up_checklist_template(page, axe)
    steps.set_up_controller_institution(page, axe, controller)

    # The programme as the steps left it, area by area.
    data = ProgrammeData.objects.get()
    assert (data.title, data.project_id_programme_abbreviation, data.project_id_use_call_id, data.first_year,
            data.last_year) == ("Interreg Browser Test", "IBT", True, 2027, 2027)
    assert list(ProgrammeLanguage.objects.filter(input=True).values_list("code", flat=True)) == ["DE", "EN"]
    assert ProgrammeLanguage.objects.get(code="DE").ui
    assert list(TranslationFile.objects.values_list("language", "file_name")) == [("DE", "System_de.properties")]

    assert list(ProgrammeNuts.objects.values_list("region_id", flat=True)) == ["AT211", "AT212", "AT213", "SI041"]
    year, month = currency_services.current_month()
    assert list(CurrencyRate.objects.values_list("code", "year", "month")) == [
        ("CHF", year, month), ("EUR", year, month), ("HUF", year, month)]

    assert [(f.pk, f.type, f.selected) for f in ProgrammeFund.objects.all()] == [
        (pk, fund_type, pk == 1) for pk, fund_type in enumerate(BASELINE_FUNDS, start=1)
    ] + [(8, "OTHER", False)]
    assert ProgrammeFund.objects.get(pk=8).abbreviation == {"EN": "Regional fund"}

    priority = ProgrammePriority.objects.get()
    assert (priority.code, priority.objective, priority.title) == ("P1", "PO2", {"EN": "Climate-resilient region"})
    objective = priority.specific_objectives.get()
    assert (objective.programme_objective_policy, objective.code, objective.dimension_codes) == (
        "ClimateChange", "2.1", {"TypesOfIntervention": ["058"], "GenderEquality": ["003"]})
    result = ResultIndicator.objects.get()
    eu_name = "Solutions taken up or up-scaled by organisations"
    assert result.name == {"DE": eu_name, "EN": eu_name}  # prefilled from the EU code in both input languages
    assert (result.identifier, result.code, result.specific_objective, result.final_target) == (
        "R2.1", "RCR104", objective, Decimal("6"))
    output = OutputIndicator.objects.get()
    assert (output.identifier, output.code, output.specific_objective, output.result_indicator) == (
        "O2.1", "RCO84", objective, result)
    assert (output.milestone, output.final_target) == (Decimal("2"), Decimal("12.50"))

    assert list(ProgrammeStrategy.objects.filter(active=True).values_list("pk", flat=True)) == [
        "EUStrategyAlpineRegion"]
    assert [(s.type, s.description.get("EN")) for s in LegalStatus.objects.all()] == [
        ("PUBLIC", "Public"), ("PRIVATE", "Private"), ("OTHER", "NGO")]

    lump_sum = ProgrammeLumpSum.objects.get()
    assert (lump_sum.name, lump_sum.cost, lump_sum.phase, lump_sum.splitting_allowed, lump_sum.fast_track) == (
        {"EN": "Small-scale project"}, Decimal("45000"), "Implementation", False, True)
    assert sorted(lump_sum.categories) == ["ExternalCosts", "StaffCosts"]
    unit_cost = ProgrammeUnitCost.objects.get()
    assert (unit_cost.name, unit_cost.cost_per_unit, unit_cost.foreign_currency_code,
            unit_cost.cost_per_unit_foreign_currency, unit_cost.one_cost_category, unit_cost.categories) == (
        {"EN": "Staff hour (Switzerland)"}, Decimal("61.50"), "CHF", Decimal("58"), True, ["StaffCosts"])

    state_aid = StateAid.objects.get()
    assert (state_aid.measure, state_aid.scheme_number, state_aid.threshold) == (
        "GBER_ARTICLE_20", "SA.4711", Decimal("2200000"))
    assert list(TypologyError.objects.values_list("description", flat=True)) == ["Public procurement"]

    assert ProgrammeChecklist.objects.count() == predefined_checklists + 1
    checklist.refresh_from_db()
    assert (checklist.name, checklist.type, checklist.locked) == ("Desk check of public procurement", "CONTROL", True)
    assert list(ChecklistComponent.objects.filter(checklist=checklist).values_list("type", flat=True)) == [
        "SCORE", "OPTIONS_TOGGLE"]

    institution = ControllerInstitution.objects.get()
    assert (institution.name, institution.description) == ("FLC Kärnten", "First-level control in Carinthia")
    assert sorted(institution.nuts.values_list("region_id", flat=True)) == ["AT211", "AT212", "AT213"]
    assert list(institution.users.values_list("user__email", "access_level")) == [(controller.email, "Edit")]

    assert axe.checked == AXE_CHECKED
