"""Helpers of the API tests: JSON calls on a plain Django test client, and logging in by session."""

import json

import pytest
from django.test import Client

from tests.conftest import PASSWORD


def call(client, method, path, data=None, raw=None, content_type="application/json", **headers):
    """One JSON call; `raw` sends the body verbatim."""
    body = raw if raw is not None else (json.dumps(data) if data is not None else "")
    return getattr(client, method)(path, body, content_type=content_type, headers=headers or None)


def login(client, email, password=PASSWORD):
    return call(client, "post", "/api/auth/login", {"email": email, "password": password})


@pytest.fixture
def session_as():
    """A test client logged in through POST /api/auth/login (the JSESSIONID cookie)."""

    def make(user, password=PASSWORD):
        client = Client()
        response = login(client, user.email, password)
        assert response.status_code == 200, response.content
        return client

    return make


def error_key(response) -> str:
    return response.json()["i18nMessage"]["i18nKey"]


def form_keys(response) -> dict:
    return {field: message["i18nKey"] for field, message in response.json()["formErrors"].items()}


def send_raw(api, method, path, text, content_type="application/json"):
    """Send `text` verbatim as the body with an `api_as(...)` client's credentials."""
    return getattr(api.client, method)(path, text, content_type=content_type, **api.headers)
