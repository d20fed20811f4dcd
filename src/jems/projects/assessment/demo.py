"""Demo data of Assessment & Decision: the step-1 concept note "ALPS-MOVE" (submitted by the Check & Submit
demo) gets its eligibility and quality assessments and the eligibility decision (STEP1_SUBMITTED →
STEP1_ELIGIBLE), so that the page and the project overview show filled decision panels. Idempotent."""

from django.db import transaction
from django.utils import timezone

from jems.accounts.models import User
from jems.accounts.privileges import ADMINISTRATOR_ROLE_ID
from jems.projects.models import ApplicationStatus as S
from jems.projects.models import Project
from jems.projects.submission.demo import ACRONYM

from . import services
from .models import EligibilityAssessment
from .transitions import Action


def load(stdout) -> None:
    project = Project.objects.filter(acronym=ACRONYM).first()
    actor = User.objects.filter(role_id=ADMINISTRATOR_ROLE_ID).order_by("id").first()
    if project is None or actor is None:
        stdout.write("Demo assessment skipped (no submitted concept note or no administrator).")
        return
    if project.status != S.STEP1_SUBMITTED or EligibilityAssessment.objects.filter(project=project).exists():
        return
    with transaction.atomic():
        services.set_eligibility_assessment(actor=actor, project_id=project.pk, result="PASSED",
                                            note="All eligibility criteria of the call are met.")
        services.set_quality_assessment(actor=actor, project_id=project.pk, result="RECOMMENDED_WITH_CONDITIONS",
                                        note="Strong idea; the bike-train pilot needs a safety concept.")
        services.transition(actor=actor, project_id=project.pk, action=Action.SET_AS_ELIGIBLE,
                            data=services.Decision(date=timezone.localdate(), note="Eligible for step 1."))
    stdout.write(f"Demo concept note assessed and eligible: {project.custom_identifier} {ACRONYM}")
