"""The System and Programme menus list exactly the pages the user's privileges open."""

import pytest

from jems.accounts.models import Role
from tests.conftest import make_user
from tests.ui.conftest import logged_in

pytestmark = pytest.mark.django_db


def client_with(*privileges: str):
    role = Role.objects.create(name="role " + " ".join(privileges), permissions=list(privileges))
    return logged_in(make_user(f"{len(privileges)}-{'-'.join(privileges)}@example.org".lower(), role.pk))


def test_programme_setup_reader_sees_system_menu_with_plugins_only():
    client = client_with("ProgrammeSetupRetrieve")
    assert ">System</a>" in client.get("/app/dashboard").content.decode()
    assert client.get("/app/system")["Location"] == "/app/system/plugins"
    html = client.get("/app/system/plugins").content.decode()
    assert 'href="/app/system/plugins" aria-current="page">Plugins</a>' in html
    for path in ["/app/system/user", "/app/system/role", "/app/system/audit"]:
        assert f'href="{path}"' not in html
        assert client.get(path).status_code == 403


def test_without_system_privileges_no_system_menu_and_plugins_403():
    client = client_with("CallRetrieve")
    assert ">System</a>" not in client.get("/app/dashboard").content.decode()
    assert client.get("/app/system").status_code == 403
    assert client.get("/app/system/plugins").status_code == 403


def test_audit_reader_does_not_see_plugins_entry():
    client = client_with("AuditRetrieve")
    html = client.get("/app/system/audit").content.decode()
    assert 'href="/app/system/audit"' in html and 'href="/app/system/plugins"' not in html


def test_data_export_entry_shows_with_the_export_privilege():
    client = client_with("ProgrammeSetupRetrieve", "ProgrammeDataExportRetrieve")
    html = client.get("/app/programme").content.decode()
    assert 'href="/app/programme/export">Data export</a>' in html
    assert client.get("/app/programme/export").status_code == 200


@pytest.mark.parametrize("path", ["/app/programme", "/app/programme/funds", "/app/programme/areas",
                                  "/app/programme/conversionRates", "/app/programme/priorities",
                                  "/app/programme/costs", "/app/programme/checklists"])
def test_data_export_entry_hidden_without_the_export_privilege(path):
    client = client_with("ProgrammeSetupRetrieve")
    html = client.get(path).content.decode()
    assert 'href="/app/programme/funds"' in html
    assert 'href="/app/programme/export"' not in html and "Data export" not in html
    assert client.get("/app/programme/export").status_code == 403


def test_data_export_reader_sees_only_the_data_export_entry():
    client = client_with("ProgrammeDataExportRetrieve")
    assert client.get("/app/programme")["Location"] == "/app/programme/export"
    assert client.post("/app/programme", {}).status_code == 403
    html = client.get("/app/programme/export").content.decode()
    assert 'href="/app/programme/export" aria-current="page">Data export</a>' in html
    assert 'href="/app/programme/funds"' not in html and 'href="/app/programme/checklists"' not in html
