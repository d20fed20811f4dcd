"""Fixtures of the project tests: an open published call with a specific objective, a project in it."""

from datetime import timedelta

import pytest
from django.utils import timezone

from jems.calls.models import Call, CallStatus
from jems.priorities.models import ProgrammePriority, ProgrammeSpecificObjective
from jems.programme.models import ProgrammeLanguage
from jems.projects import services


@pytest.fixture
def languages(db):
    ProgrammeLanguage.objects.update_or_create(code="EN", defaults={"input": True, "ui": True, "fallback": True})
    ProgrammeLanguage.objects.update_or_create(code="DE", defaults={"input": True})
    return ["DE", "EN"]


@pytest.fixture
def open_call(db):
    now = timezone.now()
    priority = ProgrammePriority.objects.create(code="P1", title={"EN": "Smarter Europe"}, objective="PO1")
    so = ProgrammeSpecificObjective.objects.create(priority=priority, programme_objective_policy="Digitisation",
                                                   code="SO1.2")
    ProgrammeSpecificObjective.objects.create(priority=priority, programme_objective_policy="Growth", code="SO1.3")
    call = Call.objects.create(name="Open call", status=CallStatus.PUBLISHED, start_date=now - timedelta(days=1),
                               end_date=now + timedelta(days=30))
    call.specific_objectives.add(so)
    return call


@pytest.fixture
def ended_call(db):
    now = timezone.now()
    return Call.objects.create(name="Ended call", status=CallStatus.PUBLISHED, start_date=now - timedelta(days=10),
                               end_date=now - timedelta(days=1))


@pytest.fixture
def project(applicant, open_call, languages):
    return services.create_project(actor=applicant, call_id=open_call.pk, acronym="GREEN")


@pytest.fixture
def monitor(db):
    """A programme user who monitors only the projects assigned to them (no ProjectRetrieve)."""
    from jems.accounts.models import Role
    from tests.conftest import make_user

    role = Role.objects.create(name="Monitor", permissions=[
        "ProjectFormRetrieve", "ProjectFormUpdate", "ProjectsWithOwnershipRetrieve",
        "ProjectMonitorCollaboratorsRetrieve", "CallRetrieve"])
    return make_user("monitor@example.org", role.pk)


def show_fields(call, *names: str, visibility: str = "STEP_ONE_AND_TWO") -> None:
    """Set application-form fields (configuration names such as PROJECT_TITLE) of a call to a visibility."""
    from jems.calls.form_config.models import FieldConfiguration
    from jems.projects.visibility import FIELD_IDS

    for name in names:
        FieldConfiguration.objects.update_or_create(call=call, field_id=FIELD_IDS[name],
                                                    defaults={"visibility": visibility})
