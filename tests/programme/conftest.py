"""Fixtures of the programme-core tests: the setup lock (a published call) and logged-in page clients."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from jems.calls.models import Call, CallStatus
from tests.conftest import PASSWORD


@pytest.fixture
def locked(db):
    """A published call: the programme setup is locked."""
    now = timezone.now()
    return Call.objects.create(name="Published call", status=CallStatus.PUBLISHED, start_date=now,
                               end_date=now + timedelta(days=30))


def logged_in(user) -> Client:
    client = Client()
    assert client.login(email=user.email, password=PASSWORD)
    return client


@pytest.fixture
def admin_page(admin_user):
    return logged_in(admin_user)


@pytest.fixture
def programme_page(programme_user):
    return logged_in(programme_user)


@pytest.fixture
def applicant_page(applicant):
    return logged_in(applicant)
