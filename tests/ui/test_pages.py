"""Every page of the shell and of the account, user, role and audit screens renders for who may see it."""

import re

import pytest
from django.test import Client

from jems.accounts.models import Role

pytestmark = pytest.mark.django_db


def test_root_redirects_to_login_or_dashboard(admin_client_):
    assert Client().get("/")["Location"] == "/no-auth/login"
    assert admin_client_.get("/")["Location"] == "/app/dashboard"


@pytest.mark.parametrize("path", ["/no-auth/login", "/no-auth/register", "/no-auth/forgotPassword",
                                  "/no-auth/resetPassword?token=x&email=a@b.c"])
def test_public_pages_render(path, settings):
    settings.CAPTCHA_ENABLED = True
    response = Client().get(path)
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="en">' in html
    assert 'href="#main"' in html and '<main id="main"' in html


def test_register_shows_captcha_image_when_enabled(settings):
    settings.CAPTCHA_ENABLED = True
    html = Client().get("/no-auth/register").content.decode()
    assert 'src="data:image/jpeg;base64,' in html
    assert 'name="captcha"' in html
    settings.CAPTCHA_ENABLED = False
    html = Client().get("/no-auth/register").content.decode()
    assert "data:image/jpeg" not in html and 'name="captcha"' not in html


def test_app_pages_redirect_anonymous_to_login():
    for path in ["/app/dashboard", "/app/profile", "/app/system/user", "/app/system/role", "/app/system/audit"]:
        response = Client().get(path)
        assert response.status_code == 302
        assert response["Location"].startswith("/no-auth/login?next=")


@pytest.mark.parametrize("path", ["/app/dashboard", "/app/profile", "/app/system/user", "/app/system/user/detail/create",
                                  "/app/system/role", "/app/system/role/create", "/app/system/audit",
                                  "/app/call", "/app/programme", "/app/project", "/app/payments", "/app/controller"])
def test_admin_pages_render(admin_client_, path):
    response = admin_client_.get(path)
    assert response.status_code == 200, path
    assert "<h1>" in response.content.decode()


def test_detail_pages_render(admin_client_, admin_user, applicant):
    assert admin_client_.get(f"/app/system/user/detail/{applicant.pk}").status_code == 200
    html = admin_client_.get("/app/system/role/detail/1").content.decode()
    assert 'name="mode-CallRetrieve"' in html and 'value="edit" checked' in html
    assert admin_client_.get("/app/system/user/detail/99999").status_code == 404
    assert admin_client_.get("/app/system/role/detail/99999").status_code == 404


def test_system_redirects_to_first_allowed_page(admin_client_, programme_client, applicant_client):
    assert admin_client_.get("/app/system")["Location"] == "/app/system/user"
    assert programme_client.get("/app/system")["Location"] == "/app/system/audit"
    assert applicant_client.get("/app/system").status_code == 403


def test_dashboard_welcomes_by_name_and_shows_shell(admin_client_):
    html = admin_client_.get("/app/dashboard").content.decode()
    assert "Welcome, Admin Admin" in html
    assert "administrator" in html  # role in the user menu
    assert 'action="/logout"' in html
    for label in ["Dashboard", "Applications", "Calls", "Programme", "Controllers", "Payments", "System"]:
        assert f">{label}</a>" in html
    assert 'aria-current="page">Dashboard<' in html


def test_applicant_sees_no_system_menu_and_gets_403(applicant_client):
    html = applicant_client.get("/app/dashboard").content.decode()
    assert ">System</a>" not in html and ">Calls</a>" not in html and ">Programme</a>" not in html
    assert ">Dashboard</a>" in html
    for path in ["/app/system/user", "/app/system/user/detail/create", "/app/system/role", "/app/system/role/create",
                 "/app/system/audit", "/app/system/user/detail/1", "/app/call", "/app/programme"]:
        response = applicant_client.get(path)
        assert response.status_code == 403, path
        assert "Access denied" in response.content.decode()


def test_applicant_cannot_post_to_admin_forms(applicant_client):
    response = applicant_client.post("/app/system/user/detail/create",
                                     {"form": "user", "email": "x@y.z", "name": "a", "surname": "b", "role": 3,
                                      "status": "ACTIVE"})
    assert response.status_code == 403
    response = applicant_client.post("/app/system/role/create", {"name": "hack", "privilege": ["UserRetrieve"]})
    assert response.status_code == 403
    assert not Role.objects.filter(name="hack").exists()


def test_programme_user_menu(programme_client):
    html = programme_client.get("/app/dashboard").content.decode()
    assert ">System</a>" in html  # AuditRetrieve
    assert ">Calls</a>" in html and ">Programme</a>" in html
    assert programme_client.get("/app/system/user").status_code == 403
    assert programme_client.get("/app/system/audit").status_code == 200


def test_help_menu_shows_configured_links(admin_client_, settings):
    settings.HELPDESK_URL = "https://help.example.org"
    settings.HELPDESK_EMAIL = "help@example.org"
    settings.ACCESSIBILITY_STATEMENT_URL = "https://example.org/a11y"
    settings.TERMS_PRIVACY_URL = "https://example.org/terms"
    html = admin_client_.get("/app/dashboard").content.decode()
    for text in ["https://help.example.org", "mailto:help@example.org", "https://example.org/a11y",
                 "https://example.org/terms", "Version "]:
        assert text in html


def test_german_shell(admin_client_):
    admin_client_.cookies["django_language"] = "de"
    html = admin_client_.get("/app/dashboard").content.decode()
    assert '<html lang="de">' in html
    assert "Abmelden" in html and "Willkommen" in html
    html = Client(headers={"Accept-Language": "de"}).get("/no-auth/login").content.decode()
    assert "Anmelden" in html and "Passwort" in html


def test_error_pages_use_the_shell(admin_client_):
    response = admin_client_.get("/app/nothing-here")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_forms_tie_errors_to_fields():
    html = Client().post("/no-auth/forgotPassword", {"email": ""}).content.decode()
    field = re.search(r'<input[^>]*name="email"[^>]*>', html).group(0)
    assert 'aria-invalid="true"' in field
    assert 'aria-describedby="id_email_hint id_email_error"' in field
    assert 'id="id_email_error"' in html
