"""Helpers of the status-machine tests: put a project in a status with a given history."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from jems.calls.models import Call, CallStatus
from jems.projects.assessment.models import EligibilityAssessment, ProjectDecisions, QualityAssessment
from jems.projects.models import Project, ProjectStatusHistory

DECIDED = date(2026, 1, 15)


def set_status(project, *statuses, user=None, decision_date=DECIDED):
    """Append history rows and make the last one current (what earlier transitions would have written)."""
    row = None
    for status in statuses:
        row = ProjectStatusHistory.objects.create(project=project, status=status, user=user or project.applicant,
                                                  decision_date=decision_date, note=f"note {status}")
    Project.objects.filter(pk=project.pk).update(status=statuses[-1], current_status=row)
    project.refresh_from_db()
    return row


def assess(project, step, user, eligibility="PASSED", quality="RECOMMENDED_FOR_FUNDING"):
    """Record both assessments of a step directly."""
    EligibilityAssessment.objects.create(project=project, step=step, result=eligibility, user=user)
    QualityAssessment.objects.create(project=project, step=step, result=quality, user=user)


def eligibility_decided(project, step, row):
    """Point the step's eligibility decision at a history row."""
    field = "eligibility_step1" if step == 1 else "eligibility_step2"
    ProjectDecisions.objects.update_or_create(project=project, defaults={field: row})


@pytest.fixture
def two_step_call(db, open_call):
    """The open call made two-step (step 1 open for five more days)."""
    Call.objects.filter(pk=open_call.pk).update(end_date_step1=timezone.now() + timedelta(days=5),
                                                status=CallStatus.PUBLISHED)
    open_call.refresh_from_db()
    return open_call
