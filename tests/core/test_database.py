"""The three supported databases: SQLite (embedded), PostgreSQL and MariaDB (through PyMySQL, utf8mb4)."""

import sys

import pytest
from django.conf import settings
from django.db import connection

from jems.accounts.models import User
from jems.audit.actions import AuditAction
from jems.audit.models import AuditEvent
from jems.audit.services import record
from jems.audit.verify import verify_chain
from tests.conftest import make_user

FOUR_BYTE_TEXT = "Ünïcödé 😀 𝄞 Žluťoučký kůň – 日本語"


def test_engine_is_one_of_the_supported():
    assert connection.vendor in {"sqlite", "postgresql", "mysql"}


def test_four_byte_characters_round_trip(db):
    user = make_user("emoji@example.org", 3, name=FOUR_BYTE_TEXT[:50], surname="😀")
    assert User.objects.get(pk=user.pk).name == FOUR_BYTE_TEXT[:50]
    assert User.objects.filter(surname="😀").exists()
    row = record(AuditAction.USER_DATA_CHANGED, description=FOUR_BYTE_TEXT)
    assert AuditEvent.objects.get(pk=row.pk).description == FOUR_BYTE_TEXT
    assert verify_chain() == (1, None)  # the hash survives the database round trip


def test_email_lookup_is_case_insensitive_on_every_backend(db):
    make_user("Mixed.Case@Example.org", 3)
    assert User.objects.get_by_natural_key("mixed.case@example.ORG").email == "Mixed.Case@Example.org"


@pytest.mark.skipif(settings.DATABASES["default"]["ENGINE"] != "django.db.backends.mysql", reason="MariaDB only")
def test_mariadb_runs_on_pymysql_with_utf8mb4(db):
    import MySQLdb

    assert sys.modules["MySQLdb"] is MySQLdb
    if MySQLdb.__name__ == "pymysql":  # mysqlclient is preferred when installed
        assert type(connection.connection).__module__.startswith("pymysql")
    with connection.cursor() as cursor:
        cursor.execute("SELECT @@character_set_connection, @@character_set_database")
        connection_charset, database_charset = cursor.fetchone()
    assert connection_charset == "utf8mb4"
    assert database_charset == "utf8mb4"
