"""Demo data: one draft application "DANUBE-ADAPT" in the open standard demo call by the demo applicant,
with A.1/A.2 filled in English and German. Idempotent: an application with that acronym in the call is kept."""

from django.db import transaction
from django.utils import timezone

from jems.accounts.models import User
from jems.calls.models import Call

from . import services
from .models import Project

ACRONYM = "DANUBE-ADAPT"
APPLICANT = "applicant@jems.eu"


def load(stdout) -> None:
    from jems.calls.demo import STANDARD_CALL

    applicant = User.objects.filter(email__iexact=APPLICANT).first()
    call = Call.objects.filter(name=STANDARD_CALL, status="PUBLISHED").first()
    if applicant is None or call is None or not (call.start_date <= timezone.now() <= call.end_date):
        stdout.write("Demo application skipped (no demo applicant or no open standard demo call).")
        return
    if Project.objects.filter(call=call, acronym=ACRONYM).exists():
        return
    with transaction.atomic():
        project = services.create_project(actor=applicant, call_id=call.pk, acronym=ACRONYM)
        objective = call.specific_objectives.order_by("id").first()
        services.update_identification(actor=applicant, project_id=project.pk, data=services.Identification(
            acronym=ACRONYM,
            title={"EN": "Adapting Danube river towns to climate change",
                   "DE": "Anpassung der Donaustädte an den Klimawandel"},
            duration=30,
            specific_objective=objective.programme_objective_policy if objective else None,
            intro={"EN": "Six river towns test nature-based flood protection and share a joint early-warning "
                         "service with their regions.",
                   "DE": "Sechs Donaustädte erproben naturbasierten Hochwasserschutz und teilen einen "
                         "gemeinsamen Frühwarndienst mit ihren Regionen."}))
    stdout.write(f"Demo application created: {project.custom_identifier} {ACRONYM}")
