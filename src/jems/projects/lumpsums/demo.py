"""Demo data: section E of the demo application "DANUBE-ADAPT": the call's splittable lump sum "Preparation
costs" paid in the preparation period and split between the lead partner and the second partner, and — when
the call allows it — a unit cost proposed by the project. Idempotent: a project that already has lump sums or
proposed unit costs keeps them."""

from decimal import Decimal

from django.db import transaction

from jems.cost_options.models import ProgrammeUnitCost
from jems.projects.demo import ACRONYM
from jems.projects.models import Project
from jems.projects.partners.models import ProjectPartner

from . import services
from .models import PREPARATION_PERIOD, ProjectLumpSum

PROPOSED_UNIT_COST = {
    "name": {"EN": "Flood-warning drill"}, "description": {"EN": "One drill of the shared warning chain in a town"},
    "type": {"EN": "drill"}, "justification": {"EN": "Costs of the 2022 drills of the river basin commission"},
    "cost_per_unit": Decimal("1850.00"), "cost_per_unit_foreign_currency": None, "foreign_currency_code": None,
    "one_cost_category": False, "categories": ["TravelAndAccommodationCosts", "ExternalCosts"],
    "payment_claim": "IncurredByBeneficiaries"}


def _lump_sum(project, stdout) -> None:
    offered = next((item for item in project.call.lump_sums.order_by("id") if item.splitting_allowed), None)
    partners = list(ProjectPartner.objects.filter(project=project).order_by("sort_number", "id")[:2])
    if offered is None or len(partners) < 2 or ProjectLumpSum.objects.filter(project=project).exists():
        return
    lead_share = (offered.cost * Decimal("0.6")).quantize(Decimal("0.01"))
    services.update_lump_sums(actor=project.applicant, project_id=project.pk, rows=[services.LumpSumData(
        programme_lump_sum_id=offered.pk, period=PREPARATION_PERIOD,
        shares=(services.ShareData(partners[0].pk, lead_share),
                services.ShareData(partners[1].pk, offered.cost - lead_share)))])
    stdout.write(f"Demo lump sum split between {partners[0].abbreviation} and {partners[1].abbreviation}: {ACRONYM}")


def _unit_cost(project, stdout) -> None:
    if not project.call.project_defined_unit_cost_allowed or ProgrammeUnitCost.objects.filter(
            project=project).exists():
        return
    services.create_unit_cost(actor=project.applicant, project_id=project.pk, values=PROPOSED_UNIT_COST)
    stdout.write(f"Demo proposed unit cost: {ACRONYM}")


def load(stdout) -> None:
    project = Project.objects.filter(acronym=ACRONYM).select_related("applicant", "call").first()
    if project is None or project.applicant is None or not project.status.endswith("DRAFT"):
        stdout.write("Demo lump sums skipped (no editable demo application).")
        return
    with transaction.atomic():
        _lump_sum(project, stdout)
        _unit_cost(project, stdout)
