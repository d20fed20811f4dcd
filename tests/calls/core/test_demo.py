"""Demo calls: loaded on the demo programme, published, open; loading twice changes nothing."""

import io

import pytest

from jems.calls import demo
from jems.calls.models import Call, CallStatus
from jems.calls.queries import open_calls

pytestmark = pytest.mark.django_db


def test_demo_calls(admin_user, applicant):
    demo.load(io.StringIO())
    calls = {call.name: call for call in Call.objects.all()}
    assert set(calls) == {demo.STANDARD_CALL, demo.TWO_STEP_CALL}
    assert all(call.status == CallStatus.PUBLISHED for call in calls.values())
    assert calls[demo.TWO_STEP_CALL].is_two_step
    assert calls[demo.STANDARD_CALL].funds.exists() and calls[demo.STANDARD_CALL].specific_objectives.exists()
    assert {c.name for c in open_calls(actor=applicant)} == set(calls)
    snapshot = list(Call.objects.order_by("id").values())
    demo.load(io.StringIO())
    assert list(Call.objects.order_by("id").values()) == snapshot
