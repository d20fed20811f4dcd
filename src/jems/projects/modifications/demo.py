"""Demo data of modification requests: a concept note "RIVER-LINK" in the two-step demo call goes through the
whole life with the real services (step 1 submitted, assessed, approved; step 2 submitted, assessed, approved;
contracted) and its applicant asks for a modification with an attachment, waiting for the programme's answer on
the Modification page. Idempotent: nothing happens when the project exists."""

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from jems.accounts.models import User
from jems.accounts.privileges import ADMINISTRATOR_ROLE_ID
from jems.calls.models import Call
from jems.projects import services as project_services
from jems.projects.assessment import services as assessment
from jems.projects.assessment.transitions import Action
from jems.projects.demo import APPLICANT
from jems.projects.models import Project
from jems.projects.submission import services as submission

from . import services

ACRONYM = "RIVER-LINK"


def _assess_and_approve(actor, project_id: int) -> None:
    today = timezone.localdate()
    assessment.set_eligibility_assessment(actor=actor, project_id=project_id, result="PASSED", note="Eligible.")
    assessment.set_quality_assessment(actor=actor, project_id=project_id, result="RECOMMENDED_FOR_FUNDING",
                                      note="Well prepared.")
    for action in (Action.SET_AS_ELIGIBLE, Action.APPROVE):
        assessment.transition(actor=actor, project_id=project_id, action=action,
                              data=assessment.Decision(date=today, note="Decided by the monitoring committee."))


def load(stdout) -> None:
    from jems.calls.demo import TWO_STEP_CALL

    applicant = User.objects.filter(email__iexact=APPLICANT).first()
    actor = User.objects.filter(role_id=ADMINISTRATOR_ROLE_ID).order_by("id").first()
    call = Call.objects.filter(name=TWO_STEP_CALL, status="PUBLISHED").first()
    now = timezone.now()
    if applicant is None or actor is None or call is None or not (call.start_date <= now <= call.end_date_step1):
        stdout.write("Demo modification request skipped (no demo users or no open two-step demo call).")
        return
    if Project.objects.filter(call=call, acronym=ACRONYM).exists():
        return
    with transaction.atomic():
        project = project_services.create_project(actor=applicant, call_id=call.pk, acronym=ACRONYM)
        objective = call.specific_objectives.order_by("id").first()
        project_services.update_identification(actor=applicant, project_id=project.pk,
                                               data=project_services.Identification(
            acronym=ACRONYM, title={"EN": "River ports linked by barge"}, duration=36,
            specific_objective=objective.programme_objective_policy if objective else None,
            intro={"EN": "Small river ports share one barge timetable."}))
        submission.submit(actor=applicant, project_id=project.pk)
        _assess_and_approve(actor, project.pk)
        assessment.transition(actor=actor, project_id=project.pk, action=Action.START_SECOND_STEP)
        submission.submit(actor=applicant, project_id=project.pk)
        _assess_and_approve(actor, project.pk)
        assessment.transition(actor=actor, project_id=project.pk, action=Action.SET_TO_CONTRACTED)
        services.file_request(
            actor=applicant, project_id=project.pk, sections=["B", "D"],
            reason="The port of Vukovar joins as a new partner; its budget comes from the lead partner's share.",
            uploads=[ContentFile(b"Letter of intent of the port of Vukovar.\n", name="letter-of-intent.txt")])
    stdout.write(f"Demo contracted project with a pending modification request: {project.custom_identifier} {ACRONYM}")
