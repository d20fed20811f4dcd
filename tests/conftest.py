"""Shared fixtures: users of the three default roles, API clients with HTTP Basic or a session."""

import base64

import pytest
from django.test import Client

from jems.accounts.models import Role, User, UserStatus
from jems.accounts.privileges import APPLICANT_USER_ROLE_ID, PROGRAMME_USER_ROLE_ID

pytest_plugins = ["tests.browser_support"]

PASSWORD = "Test-Passw0rd"


@pytest.fixture(autouse=True)
def fresh_install_baseline(request):
    """Transactional tests flush the database, migrations' data included: put the baseline back."""
    marker = request.node.get_closest_marker("django_db")
    names = request.fixturenames
    if not (marker or {"db", "transactional_db", "live_server"} & set(names)):
        return
    transactional = bool({"transactional_db", "live_server"} & set(names)) or bool(
        marker and (marker.kwargs.get("transaction") or (marker.args and marker.args[0]))
    )
    request.getfixturevalue("transactional_db" if transactional else "db")
    from jems.core.baseline import ensure_all

    ensure_all()


def make_user(email, role_id, status=UserStatus.ACTIVE, password=PASSWORD, **extra):
    return User.objects.create_user(email=email, password=password, name=extra.pop("name", "Test"),
                                    surname=extra.pop("surname", "User"), role=Role.objects.get(pk=role_id),
                                    status=status, **extra)


@pytest.fixture
def admin_user(db):
    user = User.objects.get(email="admin@jems.eu")
    user.set_password(PASSWORD)
    user.save()
    return user


@pytest.fixture
def programme_user(db):
    return make_user("programme@example.org", PROGRAMME_USER_ROLE_ID)


@pytest.fixture
def applicant(db):
    return make_user("applicant@example.org", APPLICANT_USER_ROLE_ID)


def basic(email, password=PASSWORD) -> dict:
    token = base64.b64encode(f"{email}:{password}".encode()).decode()
    return {"HTTP_AUTHORIZATION": f"Basic {token}"}


class ApiClient:
    """A Django test client that speaks JSON and authenticates with HTTP Basic."""

    def __init__(self, user=None, password=PASSWORD):
        self.client = Client()
        self.headers = basic(user.email, password) if user else {}

    def _call(self, method, path, data=None, content_type="application/json", **kwargs):
        import json

        body = json.dumps(data) if content_type == "application/json" and data is not None else data
        return getattr(self.client, method)(path, body, content_type=content_type, **self.headers, **kwargs)

    def get(self, path, **kwargs):
        return self.client.get(path, kwargs or None, **self.headers)

    def post(self, path, data=None, **kwargs):
        return self._call("post", path, data, **kwargs)

    def put(self, path, data=None, **kwargs):
        return self._call("put", path, data, **kwargs)

    def delete(self, path, **kwargs):
        return self.client.delete(path, **self.headers)


@pytest.fixture
def api_as():
    return ApiClient
