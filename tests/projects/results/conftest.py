"""Fixtures of the C.5 / C.6 tests: a project of 24 months in a call of 6-month periods (4 periods), result
indicators of its specific objective, collaborators, a stranger and every C.5 field shown by the call."""

from decimal import Decimal

import pytest

from jems.accounts.privileges import APPLICANT_USER_ROLE_ID
from jems.priorities.models import OutputIndicator, ResultIndicator
from jems.projects.models import CollaboratorLevel, Project, ProjectCollaborator
from tests.conftest import make_user

RESULT_FIELDS = ("PROJECT_RESULTS_PROGRAMME_RESULT_INDICATOR_AMD_MEASUREMENT_UNIT", "PROJECT_RESULTS_TARGET_VALUE",
                 "PROJECT_RESULTS_BASELINE", "PROJECT_RESULTS_DELIVERY_PERIOD", "PROJECT_RESULTS_DESCRIPTION",
                 "PROJECT_A4")


@pytest.fixture(autouse=True)
def results_visible(open_call):
    """The call shows every C.5 field (the delivery period is hidden by default) and the A.4 table."""
    from jems.calls.form_config.models import FieldConfiguration
    from jems.projects.description.queries import FIELD_IDS

    for name in RESULT_FIELDS:
        FieldConfiguration.objects.update_or_create(call=open_call, field_id=FIELD_IDS[name],
                                                    defaults={"visibility": "STEP_ONE_AND_TWO"})


@pytest.fixture
def project(project):
    """The project of tests/projects with an objective and a duration of 24 months (periods 1–4)."""
    Project.objects.filter(pk=project.pk).update(duration=24,
                                                 specific_objective=project.call.specific_objectives.first())
    project.refresh_from_db()
    return project


@pytest.fixture
def indicators(project):
    """Two result indicators of the project's specific objective and one of another objective."""
    so = project.specific_objective
    return [
        ResultIndicator.objects.create(identifier="R1", code="RCR104", name={"EN": "Solutions taken up"},
                                       measurement_unit={"EN": "solutions"}, specific_objective=so),
        ResultIndicator.objects.create(identifier="R2", name={"EN": "Organisations cooperating"},
                                       measurement_unit={"EN": "organisations"}, specific_objective=so),
        ResultIndicator.objects.create(identifier="R9", name={"EN": "Elsewhere"}, measurement_unit={"EN": "km"}),
    ]


@pytest.fixture
def output_indicators(indicators):
    """Output indicators: O1 and O2 lead to R1, O3 to nothing."""
    return [
        OutputIndicator.objects.create(identifier="O1", code="RCO84", name={"EN": "Pilot actions"},
                                       measurement_unit={"EN": "pilots"}, result_indicator=indicators[0]),
        OutputIndicator.objects.create(identifier="O2", name={"EN": "Strategies"}, measurement_unit={"EN": "plans"},
                                       result_indicator=indicators[0]),
        OutputIndicator.objects.create(identifier="O3", name={"EN": "Events"}, measurement_unit={"EN": "events"}),
    ]


@pytest.fixture
def stranger(db):
    return make_user("stranger@example.org", APPLICANT_USER_ROLE_ID)


@pytest.fixture
def viewer(project):
    user = make_user("viewer@example.org", APPLICANT_USER_ROLE_ID)
    ProjectCollaborator.objects.create(project=project, user=user, level=CollaboratorLevel.VIEW)
    return user


def result(indicator=None, baseline="0", target=None, period=None, description=None, deactivated=False,
           number=0) -> dict:
    """One item of the service's list."""
    return {"resultNumber": number, "programmeResultIndicatorId": indicator.pk if indicator else None,
            "baseline": None if baseline is None else Decimal(baseline), "targetValue": None if target is None else Decimal(target),
            "periodNumber": period, "description": description or {}, "deactivated": deactivated}
