"""Installation and settings: the demo logins, the administrator password command, refusing unsafe settings."""

import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from jems.accounts import services
from jems.accounts.management.commands.load_demo import DEMO_USERS
from jems.accounts.models import FailedLoginAttempt, User, UserStatus
from jems.accounts.privileges import ADMINISTRATOR_ROLE_ID, APPLICANT_USER_ROLE_ID, PROGRAMME_USER_ROLE_ID
from jems.accounts.validators import password_is_strong
from jems.audit.actions import AuditAction
from jems.audit.models import AuditEvent

REPO_ROOT = Path(__file__).resolve().parents[1]


def load_demo(*args):
    out = StringIO()
    call_command("load_demo", *args, stdout=out)
    return out.getvalue()


def test_load_demo_is_idempotent(db, settings):
    settings.DEMO_MODE = True
    load_demo()
    users = list(User.objects.order_by("id").values_list("id", "email", "role_id", "status"))
    audit_rows = AuditEvent.objects.count()
    second = load_demo()
    assert list(User.objects.order_by("id").values_list("id", "email", "role_id", "status")) == users
    demo_emails = {email or "admin@jems.eu" for _, email, *_ in DEMO_USERS}
    by_email = {email: (role, status) for _, email, role, status in users}
    assert by_email["admin@jems.eu"] == (ADMINISTRATOR_ROLE_ID, UserStatus.ACTIVE)
    assert {by_email[e][0] for e in demo_emails} == {ADMINISTRATOR_ROLE_ID, PROGRAMME_USER_ROLE_ID,
                                                     APPLICANT_USER_ROLE_ID}
    assert all(status == UserStatus.ACTIVE for _, status in by_email.values())
    assert AuditEvent.objects.count() == audit_rows  # the second run changed nothing worth auditing
    for _, email, _, _, password in DEMO_USERS:
        email = email or "admin@jems.eu"
        assert password_is_strong(password)
        assert email in second and password in second  # the logins are printed
        assert services.authenticate(email=email, password=password).email == email


def test_load_demo_repairs_changed_demo_accounts(db, settings):
    settings.DEMO_MODE = True
    load_demo()
    programme_email = next(email for role, email, *_ in DEMO_USERS if role == PROGRAMME_USER_ROLE_ID)
    programme = User.objects.get(email=programme_email)
    programme.status = UserStatus.INACTIVE
    programme.set_password("Something-else1")
    programme.save()
    FailedLoginAttempt.objects.create(user=programme, count=10, last_attempt_at=programme.created_at)
    load_demo()
    programme.refresh_from_db()
    assert programme.status == UserStatus.ACTIVE
    password = next(p for role, *_, p in DEMO_USERS if role == PROGRAMME_USER_ROLE_ID)
    assert services.authenticate(email=programme.email, password=password) == programme


def test_load_demo_refuses_outside_demo_mode(db, settings):
    settings.DEMO_MODE = False
    admin = User.objects.get(email="admin@jems.eu")
    before = admin.password
    with pytest.raises(CommandError, match="demo mode"):
        load_demo()
    assert User.objects.count() == 1
    admin.refresh_from_db()
    assert admin.password == before
    assert "admin@jems.eu" in load_demo("--force")
    assert User.objects.filter(email__in=[e for _, e, *_ in DEMO_USERS if e]).count() == len(DEMO_USERS) - 1


def test_the_fresh_install_administrator_has_no_usable_password(db):
    admin = User.objects.get(email="admin@jems.eu")
    assert admin.role_id == ADMINISTRATOR_ROLE_ID and admin.status == UserStatus.ACTIVE
    assert not admin.has_usable_password()


def test_set_admin_password(db):
    out = StringIO()
    call_command("set_admin_password", "--password", "Fresh-Admin-2025", stdout=out)
    assert "admin@jems.eu" in out.getvalue()
    admin = services.authenticate(email="admin@jems.eu", password="Fresh-Admin-2025")
    assert admin.role_id == ADMINISTRATOR_ROLE_ID
    row = AuditEvent.objects.order_by("-id").first()
    assert row.action == AuditAction.PASSWORD_CHANGED and row.entity_related_id == admin.pk


def test_set_admin_password_applies_the_password_rule(db):
    with pytest.raises(CommandError, match="at least 10 characters"):
        call_command("set_admin_password", "--password", "short")
    with pytest.raises(CommandError, match="No administrator"):
        call_command("set_admin_password", "--password", "Fresh-Admin-2025", "--email", "nobody@example.org")
    assert not User.objects.get(email="admin@jems.eu").has_usable_password()


def clean_env(**extra) -> dict:
    """The environment of a fresh shell: no JEMS_* or DJANGO_* settings (other tests may set some)."""
    keep = ("PATH", "HOME", "LANG", "LC_ALL", "TMPDIR", "SYSTEMROOT", "VIRTUAL_ENV")
    env = {k: os.environ[k] for k in keep if k in os.environ}
    env.update(extra)
    return env


def run_jems(args, env, tmp_path):
    return subprocess.run([sys.executable, "-m", "jems.cli", *args], env=env, cwd=tmp_path, capture_output=True,
                          text=True, timeout=120)


def test_settings_refuse_a_missing_secret_key_outside_debug_and_demo(tmp_path):
    result = run_jems(["check"], clean_env(JEMS_VAR_DIR=str(tmp_path)), tmp_path)
    assert result.returncode != 0
    assert "JEMS_SECRET_KEY must be set" in result.stderr
    for relaxed in ({"JEMS_DEBUG": "1"}, {"JEMS_DEMO": "1"}, {"JEMS_SECRET_KEY": "x" * 50}):
        result = run_jems(["check"], clean_env(JEMS_VAR_DIR=str(tmp_path), **relaxed), tmp_path)
        assert result.returncode == 0, result.stderr


def test_deploy_check_passes_errors_with_a_production_like_environment(tmp_path):
    env = clean_env(JEMS_VAR_DIR=str(tmp_path), JEMS_SECRET_KEY="k" * 32 + "-Prod-Secret-" + "q" * 20,
                    JEMS_SERVER_URL="https://jems.example.org", JEMS_ALLOWED_HOSTS="jems.example.org")
    result = run_jems(["check", "--deploy", "--fail-level", "ERROR"], env, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    # Cookies are secure behind https.
    assert "security.W012" not in result.stdout + result.stderr  # SESSION_COOKIE_SECURE
    assert "security.W016" not in result.stdout + result.stderr  # CSRF_COOKIE_SECURE


def test_load_demo_refuses_in_a_production_like_environment(tmp_path):
    env = clean_env(JEMS_VAR_DIR=str(tmp_path), JEMS_SECRET_KEY="s" * 50)
    result = run_jems(["load_demo"], env, tmp_path)
    assert result.returncode != 0
    assert "demo mode" in result.stderr


def test_makefile_and_ci_script_exist():
    makefile = (REPO_ROOT / "Makefile").read_text()
    assert "\nrun:" in makefile and "\ntest:" in makefile
    ci = REPO_ROOT / ".ci" / "run"
    assert ci.is_file() and os.access(ci, os.X_OK)


def test_every_setting_variable_is_documented():
    import re

    settings_source = (REPO_ROOT / "src" / "jems" / "settings.py").read_text()
    variables = set(re.findall(r"\bJEMS_[A-Z0-9_]+\b", settings_source))
    assert len(variables) > 20
    documented = (REPO_ROOT / "docs" / "configuration.md").read_text()
    assert sorted(v for v in variables if f"`{v}`" not in documented) == []
