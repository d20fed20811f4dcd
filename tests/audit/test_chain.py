"""The hash-chained audit log and `jems audit verify`."""

import hashlib
import json
import threading

import pytest
from django.core.management import CommandError, call_command
from django.db import connection, connections

from jems.audit.actions import AuditAction
from jems.audit.models import GENESIS_HASH, AuditChainHead, AuditEvent
from jems.audit.services import AuditProject, diff_description, record
from jems.audit.verify import verify_chain

TABLE = AuditEvent._meta.db_table


def q(name):
    return connection.ops.quote_name(name)


def verify_output():
    from io import StringIO

    out = StringIO()
    call_command("audit", "verify", stdout=out)
    return out.getvalue()


def write_rows(n=5):
    return [record(AuditAction.USER_LOGGED_IN, description=f"row {i} – ünïcödé ✓ 😀 𝄞", entity_related_id=i)
            for i in range(n)]


def test_verify_passes_on_a_clean_database(db):
    assert "Audit log intact" in verify_output()


def test_rows_are_chained(db, admin_user):
    rows = write_rows(3)
    rows.append(record(AuditAction.USER_DATA_CHANGED, actor=admin_user, description="x",
                       project=AuditProject(id=7, custom_identifier="00007", name="ACRO")))
    stored = list(AuditEvent.objects.order_by("id"))
    assert stored[0].previous_hash == GENESIS_HASH
    for previous, row in zip(stored, stored[1:], strict=False):
        assert row.previous_hash == previous.hash
    for row in stored:
        assert row.hash == row.compute_hash()
        assert len(row.hash) == 64
    last = stored[-1]
    assert (last.user_id, last.user_email) == (admin_user.pk, admin_user.email)
    assert (last.project_id, last.project_custom_identifier, last.project_name) == ("7", "00007", "ACRO")
    head = AuditChainHead.objects.get(pk=1)
    assert (head.last_id, head.last_hash) == (last.pk, last.hash)
    assert "4 rows verified" in verify_output()


def test_hash_is_sha256_over_canonical_json(db):
    row = write_rows(1)[0]
    row.refresh_from_db()
    content = json.dumps([row.id, row.timestamp.isoformat(), row.action, row.user_id, row.user_email, row.project_id,
                          row.project_custom_identifier, row.project_name, row.entity_related_id, row.description,
                          row.previous_hash], ensure_ascii=False, separators=(",", ":"))
    assert row.hash == hashlib.sha256(content.encode()).hexdigest()


@pytest.mark.parametrize(("column", "value"), [("description", "tampered"), ("action", "USER_ADDED"),
                                                ("user_email", "mallory@example.org")])
def test_an_altered_row_is_named(db, column, value):
    rows = write_rows(5)
    victim = rows[2]
    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE {q(TABLE)} SET {q(column)} = %s WHERE {q('id')} = %s", [value, victim.pk])
    with pytest.raises(CommandError) as error:
        call_command("audit", "verify")
    assert f"row {victim.pk}" in str(error.value)
    assert "content does not match" in str(error.value)
    assert "2 rows before it are intact" in str(error.value)


def test_a_rehashed_row_breaks_the_link_of_the_next(db):
    rows = write_rows(4)
    victim = AuditEvent.objects.get(pk=rows[1].pk)
    victim.description = "forged"
    forged_hash = victim.compute_hash()
    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE {q(TABLE)} SET {q('description')} = %s, {q('hash')} = %s WHERE {q('id')} = %s",
                       ["forged", forged_hash, victim.pk])
    checked, broken = verify_chain()
    assert broken is not None and broken.event_id == rows[2].pk
    assert "link" in broken.reason and checked == 2


def test_a_deleted_row_is_detected(db):
    rows = write_rows(5)
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {q(TABLE)} WHERE {q('id')} = %s", [rows[2].pk])
    with pytest.raises(CommandError) as error:
        call_command("audit", "verify")
    assert f"row {rows[3].pk}" in str(error.value)  # the row after the gap no longer links


def test_a_deleted_last_row_is_detected_by_the_head(db):
    rows = write_rows(3)
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {q(TABLE)} WHERE {q('id')} = %s", [rows[-1].pk])
    with pytest.raises(CommandError) as error:
        call_command("audit", "verify")
    assert f"row {rows[-1].pk}" in str(error.value)
    assert "missing" in str(error.value)


def test_verify_walks_in_batches(db):
    write_rows(7)
    assert verify_chain(batch_size=2) == (7, None)


def test_diff_description():
    assert diff_description({"a": 1, "b": "x"}, {"a": 2, "b": "x", "c": None}) == "a: 1 -> 2"
    assert diff_description({}, {"c": "new"}) == "c: None -> new"
    assert diff_description({"a": 1}, {"a": 1}) == ""


def test_an_audit_row_rolls_back_with_its_transaction(db):
    from django.db import transaction

    class Boom(Exception):
        pass

    with pytest.raises(Boom), transaction.atomic():
        record(AuditAction.USER_ADDED, description="never happened")
        raise Boom
    assert not AuditEvent.objects.exists()
    write_rows(2)
    assert verify_chain() == (2, None)


@pytest.mark.django_db(transaction=True)
def test_concurrent_writers_keep_one_chain():
    """Writers in parallel threads (each its own database connection) never fork the chain."""
    threads_count, per_thread = 4, 10
    errors = []
    start = threading.Barrier(threads_count)

    def writer(n):
        try:
            start.wait()
            for i in range(per_thread):
                for attempt in range(50):
                    try:
                        record(AuditAction.USER_LOGGED_IN, description=f"thread {n} row {i}")
                        break
                    except Exception as error:  # SQLite's shared in-memory test database: table locked
                        if connection.vendor != "sqlite" or "locked" not in str(error) or attempt == 49:
                            raise
                        threading.Event().wait(0.01)
        except Exception as error:  # pragma: no cover - reported below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(threads_count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert AuditEvent.objects.count() == threads_count * per_thread
    assert verify_chain() == (threads_count * per_thread, None)
    hashes = list(AuditEvent.objects.order_by("id").values_list("previous_hash", flat=True))
    assert len(set(hashes)) == len(hashes)  # no two rows share a predecessor: no fork
