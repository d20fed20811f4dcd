"""Query counts and timings of the user search and the audit-log search as the tables grow.

Creates a scratch SQLite database in a temporary directory, fills it with N users and N audit rows for
N = 10, 500, 5000 (by default), and measures for each size:

- the read layer: `accounts.queries.search_users` and `audit.queries.search_audit` (first page of 20,
  unfiltered and filtered);
- the REST API: POST /api/user/list and POST /api/audit (session login, JSON rendering included);
- the web UI: /app/system/user and /app/system/audit (template rendering included).

Run:  .venv/bin/python bench/user_list_queries.py [--sizes 10,500,5000] [--repeat 15]
Prints a Markdown table (used in bench/README.md). Nothing outside the temporary directory is touched.
"""

import argparse
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path


def setup_django(var_dir: Path) -> None:
    os.environ["JEMS_VAR_DIR"] = str(var_dir)
    os.environ["JEMS_DEMO"] = "1"  # a development secret key; no server is started
    os.environ["JEMS_ALLOWED_HOSTS"] = "testserver,127.0.0.1,localhost"
    os.environ.pop("JEMS_DATABASE_URL", None)  # always the scratch SQLite database
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jems.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def grow(users_wanted: int, audit_wanted: int) -> None:
    """Add users and audit rows until the tables hold the wanted numbers."""
    from django.contrib.auth.hashers import make_password
    from django.db import transaction

    from jems.accounts.models import Role, User, UserStatus
    from jems.audit.actions import AuditAction
    from jems.audit.models import AuditEvent
    from jems.audit.services import AuditProject, record

    roles = list(Role.objects.order_by("id"))
    statuses = [UserStatus.ACTIVE, UserStatus.ACTIVE, UserStatus.INACTIVE, UserStatus.UNCONFIRMED]
    first_names = ["Anna", "Jan", "Maria", "Piotr", "Eva", "Luca", "Sofia", "Jonas", "Ines", "Matej"]
    password = make_password("Bench-Passw0rd")
    have = User.objects.count()
    new = [
        User(email=f"user{i:06d}@bench.example.org", name=first_names[i % 10], surname=f"Surname{i}",
             role=roles[i % len(roles)], status=statuses[i % len(statuses)], password=password)
        for i in range(have, users_wanted)
    ]
    User.objects.bulk_create(new, batch_size=1000)
    actions = [AuditAction.USER_LOGGED_IN, AuditAction.USER_DATA_CHANGED, AuditAction.APPLICATION_STATUS_CHANGED,
               AuditAction.PASSWORD_CHANGED, AuditAction.CALL_PUBLISHED]
    have = AuditEvent.objects.count()
    with transaction.atomic():
        for i in range(have, audit_wanted):
            project = AuditProject(id=i % 97, custom_identifier=f"{i % 97:05d}", name=f"ACR{i % 97}") if i % 3 else None
            record(actions[i % len(actions)], user_id=1 + i % 50, user_email=f"user{i % 50:06d}@bench.example.org",
                   project=project, description=f"bench row {i}: field: old -> new")


def measure(fn, repeat: int) -> tuple[int, float]:
    """(queries of one warm call, median milliseconds over `repeat` calls)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    fn()  # warm up: the session's idle stamp is written at most once a minute
    with CaptureQueriesContext(connection) as captured:
        fn()
    queries = len(captured.captured_queries)
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        times.append((time.perf_counter() - started) * 1000)
    return queries, statistics.median(times)


def scenarios():
    from django.test import Client

    from jems.accounts.models import User
    from jems.accounts.queries import USER_SORT_FIELDS, search_users
    from jems.audit.queries import AUDIT_SORT_FIELDS, NEWEST_FIRST, search_audit
    from jems.core.pagination import page_request

    admin = User.objects.select_related("role").get(email="admin@jems.eu")
    client = Client()
    client.force_login(admin)
    users_page = page_request(0, 20, ["email,asc"], USER_SORT_FIELDS)
    audit_page = page_request(0, 20, None, AUDIT_SORT_FIELDS, default=NEWEST_FIRST)

    def ok(response):
        assert response.status_code == 200, (response.status_code, response.content[:300])
        return response

    return [
        ("read layer: user search, page 1", lambda: search_users(actor=admin, page=users_page)),
        ("read layer: user search, name + status filter",
         lambda: search_users(actor=admin, page=users_page, name="ann", statuses=["ACTIVE"])),
        ("read layer: audit search, page 1", lambda: search_audit(actor=admin, page=audit_page)),
        ("read layer: audit search, action + e-mail filter",
         lambda: search_audit(actor=admin, page=audit_page, actions=["USER_DATA_CHANGED"],
                              user_emails=["user000001@bench.example.org"])),
        ("API: POST /api/user/list?size=20",
         lambda: ok(client.post("/api/user/list?page=0&size=20&sort=email,asc", "{}", content_type="application/json"))),
        ("API: POST /api/audit?size=20",
         lambda: ok(client.post("/api/audit?page=0&size=20", "{}", content_type="application/json"))),
        ("UI: /app/system/user", lambda: ok(client.get("/app/system/user"))),
        ("UI: /app/system/audit", lambda: ok(client.get("/app/system/audit"))),
    ]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10,500,5000", help="comma-separated N (users and audit rows)")
    parser.add_argument("--repeat", type=int, default=15, help="timed calls per measurement (median reported)")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

    with tempfile.TemporaryDirectory(prefix="jems-bench-") as tmp:
        setup_django(Path(tmp))
        from django.db import connection

        results: dict[str, dict[int, tuple[int, float]]] = {}
        for n in sizes:
            started = time.perf_counter()
            grow(n, n)
            print(f"N={n}: data ready in {time.perf_counter() - started:.1f}s", file=sys.stderr)
            for name, fn in scenarios():
                results.setdefault(name, {})[n] = measure(fn, args.repeat)

        import django

        print(f"Python {platform.python_version()}, Django {django.get_version()}, "
              f"SQLite {connection.Database.sqlite_version}, {os.cpu_count()} CPUs, median of {args.repeat} calls\n")
        header = "| what | " + " | ".join(f"N={n}: queries | N={n}: ms" for n in sizes) + " |"
        print(header)
        print("|" + "---|" * (1 + 2 * len(sizes)))
        for name, by_size in results.items():
            cells = " | ".join(f"{by_size[n][0]} | {by_size[n][1]:.1f}" for n in sizes)
            print(f"| {name} | {cells} |")
        growing = [name for name, by_size in results.items() if len({q for q, _ in by_size.values()}) > 1]
        print()
        print("Query counts constant across sizes: " + ("yes" if not growing else "NO: " + ", ".join(growing)))
        return 1 if growing else 0


if __name__ == "__main__":
    raise SystemExit(main())
