"""The demo priorities and indicators: loaded twice without change, and valid by the service rules."""

import io

import pytest

from jems.priorities import demo, services
from jems.priorities.models import OutputIndicator, ProgrammePriority, ResultIndicator
from jems.priorities.services import SpecificObjectiveInput

pytestmark = pytest.mark.django_db


def test_demo_is_idempotent_and_valid(admin_user):
    demo.load(io.StringIO())
    demo.load(io.StringIO())
    assert ProgrammePriority.objects.count() == 3
    assert OutputIndicator.objects.count() == 5 and ResultIndicator.objects.count() == 4
    for priority in ProgrammePriority.objects.prefetch_related("specific_objectives"):
        services.update_priority(
            actor=admin_user, priority_id=priority.pk, code=priority.code, title=priority.title,
            objective=priority.objective, specific_objectives=[
                SpecificObjectiveInput(so.programme_objective_policy, so.code, so.dimension_codes)
                for so in priority.specific_objectives.all()])
    for output in OutputIndicator.objects.select_related("specific_objective"):
        services.update_output_indicator(
            actor=admin_user, indicator_id=output.pk, identifier=output.identifier, code=output.code,
            name=output.name, measurement_unit=output.measurement_unit,
            programme_objective_policy=output.specific_objective.programme_objective_policy,
            milestone=output.milestone, final_target=output.final_target,
            result_indicator_id=output.result_indicator_id)
    assert OutputIndicator.objects.filter(result_indicator__isnull=False).count() == 4
