"""Fixtures of the priority and indicator tests: a published call (setup lock), priorities, indicators."""

from datetime import timedelta

import pytest
from django.utils import timezone

from jems.calls.models import Call, CallStatus
from jems.priorities import services
from jems.priorities.services import SpecificObjectiveInput


@pytest.fixture
def locked(db):
    """Publishing a call locks the programme setup."""
    now = timezone.now()
    return Call.objects.create(name="Call 1", status=CallStatus.PUBLISHED, start_date=now,
                               end_date=now + timedelta(days=30))


def make_priority(actor, code="P1", objective="PO2", objectives=(("ClimateChange", "2.1"),), title=None,
                  dimension_codes=None):
    return services.create_priority(
        actor=actor, code=code, title=title if title is not None else {"EN": f"Priority {code}"},
        objective=objective,
        specific_objectives=[SpecificObjectiveInput(policy, so_code, dict(dimension_codes or {}))
                             for policy, so_code in objectives])


@pytest.fixture
def green_priority(admin_user):
    return make_priority(admin_user, code="P1", objective="PO2",
                         objectives=(("ClimateChange", "2.1"), ("WaterManagement", "2.2")),
                         dimension_codes={"TypesOfIntervention": ["058", "059"], "FormOfSupport": ["001"]})


def make_output(actor, identifier="O1", policy="ClimateChange", **extra):
    values = {"code": "RCO84", "name": {"EN": "Pilot actions"}, "measurement_unit": {"EN": "pilot actions"},
              "milestone": "1.00", "final_target": "10.00", "result_indicator_id": None}
    values.update(extra)
    return services.create_output_indicator(actor=actor, identifier=identifier, programme_objective_policy=policy,
                                            **values)


def make_result(actor, identifier="R1", policy="ClimateChange", **extra):
    values = {"code": "RCR79", "name": {"EN": "Strategies taken up"}, "measurement_unit": {"EN": "strategies"},
              "baseline": "0", "reference_year": "2021", "final_target": "5",
              "source_of_data": {"EN": "Progress reports"}, "comment": {}}
    values.update(extra)
    return services.create_result_indicator(actor=actor, identifier=identifier, programme_objective_policy=policy,
                                            **values)
