"""Demo data: the budgets of the three partners of the demo application "DANUBE-ADAPT" (5 periods of 6 months):
office and administration at the call's fixed 15 % on staff costs, staff rows (and a Swiss staff-hour unit cost),
travel rows or the travel flat rate, external expertise linked to the work plan's investment, equipment, and a
row of the multi-category unit cost "Cross-border meeting day". Idempotent: a project whose partners already
have budget rows is left as it is."""

from django.db import transaction

from jems.cost_options.models import ProgrammeUnitCost
from jems.projects.demo import ACRONYM
from jems.projects.models import Project
from jems.projects.partners.models import ProjectPartner
from jems.projects.workpackages.models import Investment

from . import services
from .models import BudgetCostRow, CostCategory

C = CostCategory


def _split(total: int, periods: int) -> list[dict]:
    """The amount spread evenly over the periods (whole euros; the last period takes the rest)."""
    share = total // periods
    return [{"number": n, "amount": str(share if n < periods else total - share * (periods - 1))}
            for n in range(1, periods + 1)]


def _row(text: str, amount: int, periods: int, **extra) -> dict:
    return {"numberOfUnits": "1", "pricePerUnit": str(amount), "description": {"EN": text},
            "budgetPeriods": _split(amount, periods), **extra}


def _unit_cost(name: str):
    return next((u for u in ProgrammeUnitCost.objects.all() if u.name.get("EN") == name), None)


def load(stdout) -> None:
    project = Project.objects.filter(acronym=ACRONYM).select_related("applicant", "call").first()
    if project is None or project.applicant is None:
        stdout.write("Demo budget skipped (no demo application).")
        return
    partners = dict(ProjectPartner.objects.filter(project=project).values_list("abbreviation", "pk"))
    if not partners or BudgetCostRow.objects.filter(partner__project=project).exists():
        return
    periods = max(1, -(-(project.duration or 6) // (project.call.length_of_period or 6)))
    investment = Investment.objects.filter(work_package__project=project).order_by("id").first()
    meeting_day = _unit_cost("Cross-border meeting day")
    staff_hour = _unit_cost("Staff hour (Switzerland)")
    offered = set(project.call.unit_costs.values_list("pk", flat=True))
    actor = project.applicant

    def save(abbreviation, category, rows):
        if abbreviation in partners and rows:
            services.update_costs(actor=actor, partner_id=partners[abbreviation], category=category, rows=rows)

    def options(abbreviation, **rates):
        if abbreviation in partners:
            services.update_options(actor=actor, partner_id=partners[abbreviation], data=rates)

    with transaction.atomic():
        options("ULM", officeAndAdministrationOnStaffCostsFlatRate=15)
        options("BOKU", officeAndAdministrationOnStaffCostsFlatRate=15, travelAndAccommodationOnStaffCostsFlatRate=10)
        options("RDA-NV", officeAndAdministrationOnStaffCostsFlatRate=15)
        save("ULM", C.STAFF, [_row("Project manager (50 %)", 42000, periods),
                              _row("Urban green planner (30 %)", 21600, periods)])
        save("ULM", C.TRAVEL, [_row("Partner meetings and pilot site visits", 3200, periods)])
        save("ULM", C.EXTERNAL, [_row("Design of the flood meadow", 18500, periods,
                                      investmentId=investment.pk if investment else None)])
        if meeting_day and meeting_day.pk in offered:
            save("ULM", C.UNIT_COST, [{"unitCostId": meeting_day.pk, "numberOfUnits": "12",
                                       "budgetPeriods": [{"number": 1, "amount": "1920"},
                                                         {"number": periods, "amount": "1920"}]}])
        staff = [_row("Researcher hydrology", 36000, periods)]
        if staff_hour and staff_hour.pk in offered:
            staff.append({"numberOfUnits": "200", "pricePerUnit": str(staff_hour.cost_per_unit),
                          "unitCostId": staff_hour.pk, "description": {"EN": "Swiss guest researcher"}})
        save("BOKU", C.STAFF, staff)
        save("BOKU", C.EQUIPMENT, [_row("Water level sensors", 4200, periods)])
        save("RDA-NV", C.STAFF, [_row("Regional coordinator", 15000, periods)])
        save("RDA-NV", C.TRAVEL, [_row("Study visit to Ulm", 1800, periods)])
    stdout.write(f"Demo budget filled: {ACRONYM} (3 partners)")
