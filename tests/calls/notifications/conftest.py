"""Fixtures of the call notification configuration tests: calls made with the ORM, logged-in page clients."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from jems.calls.models import Call, CallStatus
from tests.conftest import PASSWORD


def make_call(name="Call 2026", status=CallStatus.DRAFT) -> Call:
    now = timezone.now()
    return Call.objects.create(name=name, status=status, start_date=now, end_date=now + timedelta(days=30))


@pytest.fixture
def call(db):
    return make_call()


@pytest.fixture
def published_call(db):
    return make_call("Published call", CallStatus.PUBLISHED)


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
