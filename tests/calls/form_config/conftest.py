"""Fixtures of the form-configuration tests: calls created directly with the ORM."""

from datetime import timedelta

import pytest
from django.utils import timezone

from jems.calls.models import Call, CallStatus, CallType


def make_call(name="Call 1", *, spf=False, published=False, two_step=False):
    start = timezone.now()
    return Call.objects.create(name=name, start_date=start, end_date=start + timedelta(days=60),
                               end_date_step1=start + timedelta(days=30) if two_step else None,
                               type=CallType.SPF if spf else CallType.STANDARD,
                               status=CallStatus.PUBLISHED if published else CallStatus.DRAFT)


@pytest.fixture
def call(db):
    return make_call()


@pytest.fixture
def two_step_call(db):
    return make_call("Two-step call", two_step=True)
