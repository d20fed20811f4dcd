"""Fixtures of the view tests: logged-in Django test clients."""

import pytest
from django.test import Client

from tests.conftest import PASSWORD


def logged_in(user) -> Client:
    client = Client()
    assert client.login(email=user.email, password=PASSWORD)
    return client


@pytest.fixture
def admin_client_(admin_user):
    return logged_in(admin_user)


@pytest.fixture
def applicant_client(applicant):
    return logged_in(applicant)


@pytest.fixture
def programme_client(programme_user):
    return logged_in(programme_user)
