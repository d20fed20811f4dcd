"""Acceptance, application form and budget: an applicant applies to the demo call, fills sections A–C with two
partners, an associated organisation, two work packages (activities, deliverables, outputs, an investment) and
results, the budget (a lump sum split between the partners, staff, office and travel flat rates, rows split over the
periods, a unit cost, two funds and the partner contributions; the totals follow the typing; D.1–D.3 and A.3 show
the API's figures), uploads an annex, runs the check (errors for the part left out), fixes it, submits; afterwards
the form is read-only and version 1.0 can be opened. Everything through the pages, with axe on each new page."""

import io
from decimal import Decimal

import pytest
from django.core.management import call_command

from jems.calls.demo import STANDARD_CALL
from jems.calls.models import Call, CallFlatRate, FlatRateType
from jems.projects.models import Project
from tests.browser_support import log_in
from tests.conftest import PASSWORD

pytestmark = pytest.mark.browser

def fill(page, prefix: str, text: str) -> None:
    """Fill a translatable field in every input language (EN and DE in the demo programme)."""
    for index in (0, 1):
        page.locator(f"#{prefix}_{index}").fill(f"{text} ({index})")


def save(page, url_end: str) -> None:
    page.get_by_role("button", name="Save changes").click()
    page.wait_for_url(f"**/{url_end}")
    invalid = page.locator("[aria-invalid=true]")
    assert invalid.count() == 0, [(invalid.nth(i).get_attribute("id"), page.locator(
        "#" + invalid.nth(i).get_attribute("aria-describedby").split()[-1]).inner_text()) for i in range(invalid.count())]


def add_partner(page, base: str, abbreviation: str, lead: bool) -> None:
    page.goto(f"{base}/applicationFormPartner/create")
    page.get_by_label("Abbreviated name of the organisation").fill(abbreviation)
    page.locator("#id_role_0" if lead else "#id_role_1").check()
    page.get_by_label("Name of the organisation in the original language").fill(f"{abbreviation} original")
    page.get_by_label("Name of the organisation in English").fill(f"{abbreviation} in English")
    page.get_by_label("Type of partner", exact=True).select_option("LocalPublicAuthority")
    page.get_by_label("Legal status").select_option(index=1)
    page.get_by_label("Can the partner recover VAT?").select_option("No")
    page.get_by_role("button", name="Create partner").click()
    page.wait_for_url("**/identity")
    page.get_by_role("link", name="Address", exact=True).click()
    page.locator("#id_org_country_code").select_option("AT")
    for field, value in (("street", "Hauptplatz"), ("house_number", "1"), ("postal_code", "8010"), ("city", "Graz")):
        page.locator(f"#id_org_{field}").fill(value)
    save(page, "region")
    page.get_by_role("link", name="Contact", exact=True).click()
    for prefix in ("legal", "contact"):
        page.locator(f"#id_{prefix}_first_name").fill("Eva")
        page.locator(f"#id_{prefix}_last_name").fill("Muster")
    page.locator("#id_contact_email").fill("eva@example.org")
    page.locator("#id_contact_telephone").fill("+43-1-234")
    save(page, "contact")
    page.get_by_role("link", name="Motivation", exact=True).click()
    for field in ("organization_relevance", "organization_role", "organization_experience"):
        fill(page, f"id_{field}", f"{abbreviation} {field}")
    save(page, "motivation")


def answer_state_aid(page, base: str, partner_id: int) -> None:
    page.goto(f"{base}/applicationFormPartner/{partner_id}/stateAid")
    for question in (1, 2, 3, 4):
        page.locator(f"#id_answer{question}_1").check()  # "No"
        fill(page, f"id_justification{question}", f"Reason {question}")
    page.locator("#id_activities_0").check()
    save(page, "stateAid")


def add_work_package(page, base: str, number: int, partner_label: str, axe=None) -> None:
    page.goto(f"{base}/applicationFormWorkPackage")
    page.get_by_role("button", name="Add new work package").click()
    page.wait_for_url("**/objectives")
    fill(page, "id_name", f"Work package {number}")
    fill(page, "id_specificObjective", f"Objective of WP{number}")
    fill(page, "id_objectiveAndAudience", f"Audience of WP{number}")
    save(page, "objectives")
    page.get_by_role("link", name="Activities").click()
    page.get_by_role("button", name="Add activity").click()
    fill(page, "id_a0-title", f"Activity {number}.1")
    fill(page, "id_a0-description", f"What happens in activity {number}.1")
    page.locator("#id_a0-startPeriod").select_option("1")
    page.locator("#id_a0-endPeriod").select_option("2")
    page.get_by_label(partner_label).check()
    page.get_by_role("button", name=f"Add deliverable to activity {number}.1").click()
    fill(page, "id_a0-d0-title", f"Deliverable {number}.1.1")
    page.locator("#id_a0-d0-period").select_option("2")
    if axe:
        axe(page, "C.4 activities")
    save(page, "activities")
    page.get_by_role("link", name="Outputs").click()
    page.get_by_role("button", name="Add output").click()
    fill(page, "id_o0-title", f"Output {number}.1")
    page.locator("#id_o0-programmeOutputIndicatorId").select_option(index=1)
    page.locator("#id_o0-targetValue").fill("12.5")
    page.locator("#id_o0-periodNumber").select_option("4")
    save(page, "outputs")


def fill_budget(page, base: str, partner_id: int, *, staff_rate: str | None = None, travel_rate: str | None = None,
                unit_costs: int = 0) -> None:
    """Office 15 % on staff; with a staff flat rate one external-expertise row of 10,000, otherwise one staff row
    of 10,000 (each split over the 4 periods); optionally a travel flat rate and a row of the unit cost
    "Cross-border meeting day" (320.00) in periods 1 and 2."""
    page.goto(f"{base}/applicationFormPartner/{partner_id}/budget")
    page.locator("#option-officeAndAdministrationOnStaffCostsFlatRate").select_option("15")
    if staff_rate:
        page.locator("#option-staffCostsFlatRate").fill(staff_rate)
    if travel_rate:
        page.locator("#option-travelAndAccommodationOnStaffCostsFlatRate").fill(travel_rate)
    table, name = ("externalCosts", "External expertise and services") if staff_rate else ("staffCosts", "Staff costs")
    page.get_by_role("button", name=f"Add row to {name}").click()
    page.locator(f"#{table}-0-description-EN").fill("Coordination")
    page.locator(f"#{table}-0-description-DE").fill("Koordination")
    page.locator(f"#{table}-0-pricePerUnit").fill("10000")
    for period in (1, 2, 3, 4):
        page.locator(f"#{table}-0-period-{period}").fill("2500")
    if unit_costs:
        page.get_by_role("button", name="Add row to Unit costs").click()
        page.locator("#unitCosts-0-unitCostId").select_option(label="Cross-border meeting day (320.00)")
        page.locator("#unitCosts-0-numberOfUnits").fill(str(unit_costs))
        page.locator("#unitCosts-0-period-1").fill("320")
        page.locator("#unitCosts-0-period-2").fill(str(320 * (unit_costs - 1)))
    page.locator(f"#{table}-0-pricePerUnit").press("Tab")


def fill_cofinancing(page, base: str, partner_id: int, funds: list[tuple[str, str]], contribution: str) -> None:
    page.goto(f"{base}/applicationFormPartner/{partner_id}/coFinancing")
    for index, (fund, rate) in enumerate(funds):
        page.locator(f"#id_fund-{index}-fund").select_option(label=fund)
        page.locator(f"#id_fund-{index}-percentage").fill(rate)
    page.locator("#id_contribution-0-status").select_option("Public")
    page.locator("#id_contribution-0-amount").fill(contribution)
    save(page, "coFinancing")


def money(value) -> str:
    return f"{Decimal(str(value)):,.2f}"


def overviews_equal_the_api(page, axe, project_id: int) -> None:
    """The D page (D.1, D.2, D.3.1, D.3.2) and A.3 show the figures the API answers."""
    api = f"/api/project/{project_id}"
    per_fund = page.request.get(f"{api}/budget/perFund").json()
    per_category = page.request.get(f"{api}/budget").json()
    per_period = page.request.get(f"{api}/budget/perPeriod").json()
    funds_per_period = page.request.get(f"{api}/funds/perPeriod").json()
    overview = page.request.get(f"{api}/coFinancingOverview").json()["projectManagementCoFinancing"]
    assert per_fund[-1]["totalEligibleBudget"] == 45440 and overview["totalFundAndContribution"] == 45440
    page.get_by_role("link", name="D – Budget").click()
    d1, d2 = page.locator("#d1").inner_text(), page.locator("#d2").inner_text()
    for row in per_fund:
        assert money(row["totalEligibleBudget"]) in d1 and money(row["totalPartnerContribution"]) in d1
        assert all(money(cell["value"]) in d1 for cell in row["budgetPerFund"])
    assert all(money(row["totalSum"]) in d2 for row in per_category)
    d31 = page.locator("#d31").inner_text()
    for row in per_period["partnersBudgetPerPeriod"]:
        assert money(row["totalPartnerBudget"]) in d31
        assert all(money(p["totalBudgetPerPeriod"]) in d31 for p in row["periodBudgets"])
    d32 = page.locator("table[id^=d32-]").first.inner_text()
    for row in funds_per_period["managementFundsPerPeriod"]:
        assert money(row["totalFundBudget"]) in d32
        assert all(money(p["totalFundsPerPeriod"]) in d32 for p in row["periodFunds"])
    axe(page, "D overviews")
    page.get_by_role("link", name="A.3/A.4 – Overview tables").click()
    a3 = page.locator("section[aria-labelledby=a3-title]").inner_text()
    assert money(overview["totalFundAndContribution"]) in a3
    assert all(money(f["fundingAmount"]) in a3 for f in overview["fundOverviews"])


def test_apply_fill_check_fix_submit(page, axe, applicant, tmp_path):
    call_command("load_demo", "--force", stdout=io.StringIO())
    call = Call.objects.get(name=STANDARD_CALL)
    CallFlatRate.objects.create(call=call, type=FlatRateType.STAFF_COSTS, rate=20, adjustable=True)  # an extension
    log_in(page, applicant.email, PASSWORD)

    # Apply: identifier, DRAFT, version 1.0
    page.goto(f"/app/call/{call.pk}/apply")
    page.get_by_label("Project acronym").fill("RIVERS")
    axe(page, "apply")
    page.get_by_role("button", name="Create application").click()
    page.wait_for_url("**/app/project/detail/*")
    project = Project.objects.get(acronym="RIVERS")
    assert project.status == "DRAFT" and project.custom_identifier and project.versions.get().version == "1.0"
    base = f"/app/project/detail/{project.pk}"

    # A
    page.get_by_role("link", name="A – Project identification").click()
    fill(page, "id_title", "Rivers without borders")
    page.get_by_label("Duration in months").fill("24")
    page.get_by_label("Programme priority / specific objective").select_option(index=1)
    fill(page, "id_intro", "Summary of the project")
    save(page, "applicationFormIdentification")

    # B.1 two partners with every tab, B.2 one associated organisation
    add_partner(page, base, "CITY", lead=True)
    axe(page, "partner motivation")
    add_partner(page, base, "UNI", lead=False)
    partners = list(project.partners.order_by("sort_number"))
    assert [(p.abbreviation, p.role) for p in partners] == [("CITY", "LEAD_PARTNER"), ("UNI", "PARTNER")]
    page.goto(f"{base}/applicationFormAssociatedOrganization/create")
    page.get_by_label("Partner the organisation is associated with").select_option(str(partners[0].pk))
    page.get_by_label("Name of the organisation in the original language").fill("Wirtschaftskammer")
    page.locator("#id_city").fill("Graz")
    page.get_by_role("button", name="Create associated organisation").click()
    page.wait_for_url("**/applicationFormAssociatedOrganization/detail/*")

    # C.1–C.3
    page.goto(f"{base}/applicationFormOverallObjective")
    fill(page, "id_overallObjective", "Cleaner rivers")
    save(page, "applicationFormOverallObjective")
    page.goto(f"{base}/applicationFormRelevanceAndContext")
    for field in ("territorialChallenge", "commonChallenge", "transnationalCooperation", "availableKnowledge"):
        fill(page, f"id_{field}", field)
    page.locator("#projectBenefits").get_by_role("button", name="Add row").click()
    page.locator("#id_projectBenefits-0-group").select_option("Sme")
    fill(page, "id_projectBenefits-0-specification", "Riverside SMEs")
    save(page, "applicationFormRelevanceAndContext")
    page.goto(f"{base}/applicationFormPartnership")
    fill(page, "id_partnership", "Who does what")
    save(page, "applicationFormPartnership")

    # C.4 two work packages, an investment; then the partners' state aid on the new activities
    add_work_package(page, base, 1, "CITY", axe)
    add_work_package(page, base, 2, "UNI")
    page.get_by_role("link", name="Investments").click()
    page.get_by_role("link", name="Add investment").click()
    fill(page, "id_title", "Pilot weir")
    page.get_by_label("Expected delivery period").select_option("3")
    page.locator("#id_city").fill("Linz")
    axe(page, "C.4 investment")
    page.get_by_role("button", name="Save changes").click()
    page.wait_for_url("**/investments/*")
    for partner in partners:
        answer_state_aid(page, base, partner.pk)

    # C.5, C.6, C.7 (C.8 left out on purpose)
    page.goto(f"{base}/applicationFormResults")
    page.get_by_role("button", name="Add result").click()
    page.locator("#id_result-0-programmeResultIndicatorId").select_option(index=1)
    page.locator("#id_result-0-baseline").fill("0")
    page.locator("#id_result-0-targetValue").fill("3")
    page.locator("#id_result-0-periodNumber").select_option("4")
    fill(page, "id_result-0-description", "Towns take up the method")
    save(page, "applicationFormResults")
    page.get_by_role("link", name="C.6 – Time plan").click()
    chart = page.get_by_role("region", name="Time plan over 4 periods")
    assert "Activity 2.1: periods 1–2" in chart.text_content()
    axe(page, "C.6 time plan")
    page.goto(f"{base}/applicationFormManagement")
    for field in ("projectCoordination", "projectQualityAssurance", "projectCommunication",
                  "projectFinancialManagement"):
        fill(page, f"id_{field}", field)
    for criterion in ("Development", "Implementation", "Staffing"):
        page.locator(f"#id_projectJoint{criterion}").check()
        fill(page, f"id_projectJoint{criterion}Description", criterion)
    for principle in ("sustainableDevelopmentCriteriaEffect", "equalOpportunitiesEffect", "sexualEqualityEffect"):
        page.locator(f"#id_{principle}_0").check()
    save(page, "applicationFormManagement")

    # E: the preparation lump sum (20,000) split 12,000 / 8,000
    page.get_by_role("link", name="E – Lump sums and unit costs").click()
    page.get_by_role("button", name="Add lump sum").click()
    page.locator("#id_ls-0-programmeLumpSumId").select_option(label="Preparation costs (20,000.00 EUR)")
    page.locator("#id_ls-0-period").select_option("0")
    page.get_by_label("Amount of LP1 CITY in row 1 (EUR)").fill("12000")
    page.get_by_label("Amount of PP2 UNI in row 1 (EUR)").fill("8000")
    page.get_by_role("button", name="Save lump sums").click()
    page.wait_for_url("**/applicationFormLumpSums")
    assert page.get_by_text("Fully split").first.is_visible()
    axe(page, "E lump sums")

    # D: the lead's total follows the typing (htmx) before it is saved: 10,000 staff + 1,500 office + 1,000
    # travel + 640 unit costs + 12,000 lump sum = 25,140
    fill_budget(page, base, partners[0].pk, travel_rate="10", unit_costs=2)
    page.locator("#total-budget").filter(has_text="25,140.00").wait_for()
    axe(page, "partner budget")
    save(page, "budget")
    # the partner: staff flat rate 20 % on the 10,000 external costs = 2,000, office 300, lump sum 8,000 = 20,300
    fill_budget(page, base, partners[1].pk, staff_rate="20")
    page.locator("#total-budget").filter(has_text="20,300.00").wait_for()
    save(page, "budget")
    # Co-financing: two funds for the lead (60 % + 20 %, the contribution takes the remaining 5,028.00), one
    # for the partner (80 % of 20,300, contribution 4,060.00)
    fill_cofinancing(page, base, partners[0].pk, [("ERDF (up to 80.00 %)", "60"), ("IPA III CBC (up to 80.00 %)", "20")],
                     "5028.00")
    assert page.locator("#fund-0-amount").inner_text() == "15,084.00"
    assert page.locator("#partner-amount").inner_text() == "5,028.00"
    axe(page, "co-financing")
    fill_cofinancing(page, base, partners[1].pk, [("ERDF (up to 80.00 %)", "80")], "4060.00")
    overviews_equal_the_api(page, axe, project.pk)
    axe(page, "A.3/A.4 overviews")

    # Annex
    annex = tmp_path / "letter of support.txt"
    annex.write_text("We support RIVERS.")
    page.goto(f"{base}/annexes")
    page.locator("#id_file").set_input_files(str(annex))
    page.locator("#id_description").fill("Letter of support")
    page.get_by_role("button", name="Upload").click()
    page.wait_for_url("**/annexes")
    assert page.get_by_role("cell", name="letter of support.txt", exact=True).is_visible()

    # Check: C.8 is missing → errors; fix it → the check passes
    page.get_by_role("link", name="Check & Submit").click()
    page.get_by_role("button", name="Check").click()
    result = page.locator("#check-result")
    result.wait_for()
    text = result.inner_text()
    assert "Submission is not allowed" in text and "C.8" in text, text
    assert page.get_by_role("button", name="Submit").is_disabled()
    axe(page, "check with errors")
    page.get_by_role("link", name="C.8 – Long-term plans").click()
    for field in ("projectOwnership", "projectDurability", "projectTransferability"):
        fill(page, f"id_{field}", field)
    save(page, "applicationFormFuturePlans")
    page.get_by_role("link", name="Check & Submit").click()
    page.get_by_role("button", name="Check").click()
    page.locator("#check-result").wait_for()
    assert "Submission is allowed." in page.locator("#check-result").inner_text(), \
        page.locator("#check-result").inner_text()

    # Submit → SUBMITTED, read-only
    page.get_by_role("button", name="Submit").click()
    page.get_by_role("button", name="Yes, submit the application").click()
    page.get_by_text("The application was submitted").wait_for()
    project.refresh_from_db()
    assert project.status == "SUBMITTED"
    assert project.status_history.last().status == "SUBMITTED"
    for section in ("A – Project identification", "C.4 – Work plan", "C.5 – Results"):
        page.get_by_role("link", name=section).click()
        page.get_by_text("read-only").first.wait_for()
        assert page.get_by_role("button", name="Save changes").count() == 0
    page.goto(f"{base}/applicationFormPartner/{partners[1].pk}/motivation")
    assert page.locator("#id_organization_role_0").is_disabled()

    # Version 1.0 is viewable through the version selector
    page.goto(base)
    page.get_by_label("Version", exact=True).select_option(label="1.0 (current)")
    page.get_by_role("button", name="Show").click()
    page.wait_for_url("**/applicationFormIdentification*")
    assert page.locator("#id_title_1").input_value() == "Rivers without borders (1)"
    page.goto(f"{base}/applicationFormPartner?version=1.0")
    assert page.get_by_role("link", name="UNI", exact=True).is_visible()
    axe(page, "partners in version 1.0")
