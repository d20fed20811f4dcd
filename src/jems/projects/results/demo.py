"""Demo data: the C.5 results of the demo application "DANUBE-ADAPT", measured by the demo result indicators
R2.1 and R2.2 (which the outputs of the demo work plan lead to). Idempotent: a project that already has results
is left as it is."""

from decimal import Decimal

from django.db import transaction

from jems.priorities.models import ResultIndicator
from jems.projects.demo import ACRONYM
from jems.projects.models import Project

from . import services
from .models import ProjectResult

# indicator identifier, baseline, target value, delivery period, description
RESULTS = (
    ("R2.1", "0", "3", 5, {"EN": "Three river towns take up the flood meadow method in their town planning.",
                           "DE": "Drei Donaustädte übernehmen die Auenmethode in ihre Stadtplanung."}),
    ("R2.2", "0", "1", 5, {"EN": "The regions adopt the joint flood action plan.",
                           "DE": "Die Regionen beschließen den gemeinsamen Hochwasser-Aktionsplan."}),
)


def load(stdout) -> None:
    project = Project.objects.filter(acronym=ACRONYM).select_related("applicant", "call").first()
    if project is None or project.applicant is None:
        stdout.write("Demo results skipped (no demo application).")
        return
    if ProjectResult.objects.filter(project=project).exists():
        return
    indicators = dict(ResultIndicator.objects.filter(identifier__in=[r[0] for r in RESULTS])
                      .values_list("identifier", "pk"))
    with transaction.atomic():
        services.update_results(actor=project.applicant, project_id=project.pk, results=[
            {"resultNumber": 0, "programmeResultIndicatorId": indicators.get(identifier),
             "baseline": Decimal(baseline), "targetValue": Decimal(target), "periodNumber": period,
             "description": description, "deactivated": False}
            for identifier, baseline, target, period, description in RESULTS])
    stdout.write(f"Demo results filled: {ACRONYM}")
