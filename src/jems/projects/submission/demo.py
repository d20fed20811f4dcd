"""Demo data of Check & Submit: the standard demo call runs the standard pre-submission check (so "Check" on the
draft "DANUBE-ADAPT" lists what is still missing), and a concept note "ALPS-MOVE" in the two-step demo call is
submitted in step 1 (status history with a submission). Idempotent."""

from django.db import transaction
from django.utils import timezone

from jems.accounts.models import User
from jems.accounts.privileges import ADMINISTRATOR_ROLE_ID
from jems.calls import services as call_services
from jems.calls.models import Call
from jems.projects import services as project_services
from jems.projects.demo import APPLICANT
from jems.projects.models import Project

from . import services
from .standard_check import KEY

ACRONYM = "ALPS-MOVE"


def _use_standard_check(stdout) -> None:
    from jems.calls.demo import STANDARD_CALL

    call = Call.objects.filter(name=STANDARD_CALL).first()
    actor = User.objects.filter(role_id=ADMINISTRATOR_ROLE_ID).order_by("id").first()
    if call is None or actor is None or call.pre_submission_check_plugin_key == KEY:
        return
    keys = {field: getattr(call, field) for field, *_rest in call_services.plugins.SLOTS}
    call_services.update_plugins(actor=actor, call_id=call.pk, keys={**keys, "pre_submission_check_plugin_key": KEY})
    stdout.write(f"Demo call {STANDARD_CALL} runs the standard pre-submission check.")


def _submitted_concept(stdout) -> None:
    from jems.calls.demo import TWO_STEP_CALL

    applicant = User.objects.filter(email__iexact=APPLICANT).first()
    call = Call.objects.filter(name=TWO_STEP_CALL, status="PUBLISHED").first()
    if applicant is None or call is None or not (call.start_date <= timezone.now() <= call.end_date_step1):
        stdout.write("Demo step-1 submission skipped (no demo applicant or no open two-step demo call).")
        return
    if Project.objects.filter(call=call, acronym=ACRONYM).exists():
        return
    with transaction.atomic():
        project = project_services.create_project(actor=applicant, call_id=call.pk, acronym=ACRONYM)
        objective = call.specific_objectives.order_by("id").first()
        project_services.update_identification(actor=applicant, project_id=project.pk,
                                               data=project_services.Identification(
            acronym=ACRONYM, title={"EN": "Alpine mobility without cars"}, duration=24,
            specific_objective=objective.programme_objective_policy if objective else None,
            intro={"EN": "Valleys share on-demand buses and bike trains instead of private cars."}))
        services.submit(actor=applicant, project_id=project.pk)
    stdout.write(f"Demo concept note submitted in step 1: {project.custom_identifier} {ACRONYM}")


def load(stdout) -> None:
    _use_standard_check(stdout)
    _submitted_concept(stdout)
