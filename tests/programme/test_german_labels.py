"""Code-list labels of the programme pages in the German UI: funds, policy objectives, state-aid measures and the
built-in plugins; the API keeps the codes."""

import pytest
from django.test import Client

from jems.programme.models import StateAid
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db


def german(user) -> Client:
    client = Client()
    assert client.login(email=user.email, password=PASSWORD)
    client.cookies["django_language"] = "de"
    return client


def test_fund_types(admin_user):
    html = german(admin_user).get("/app/programme/funds").content.decode()
    assert "<legend>EFRE</legend>" in html and "<legend>ERDF</legend>" not in html


def test_policy_objective_options(admin_user):
    html = german(admin_user).get("/app/programme/priorities/create").content.decode()
    assert "PO1 – Ein wettbewerbsfähigeres und intelligenteres Europa" in html
    assert "A more competitive and smarter Europe" not in html


def test_state_aid_measures(admin_user):
    StateAid.objects.create(measure="GBER_ARTICLE_20", name={"EN": "Cooperation costs"})
    html = german(admin_user).get("/app/programme/stateAid").content.decode()
    assert ">AGVO Artikel 20</option>" in html and ">Allgemeine De-minimis-Beihilfe</option>" in html
    assert ">GBER Article 20</option>" not in html and ">General de minimis</option>" not in html


def test_builtin_plugin_names(admin_user, api_as):
    html = german(admin_user).get("/app/system/plugins").content.decode()
    assert "Keine Prüfung (Einreichung immer erlaubt)" in html
    assert "No check (submission always allowed)" not in html
    names = {p["key"]: p["name"] for p in api_as(admin_user).get(
        "/api/plugin/list/PRE_SUBMISSION_CHECK").json()}
    assert names["jems-pre-condition-check-off"] == "No check (submission always allowed)"


def test_setup_lock_names_the_refused_change_in_the_ui_language(admin_user, api_as):
    from django.utils import timezone
    from django.utils.translation import override

    from jems.calls.models import Call, CallStatus
    from jems.core.errors import JemsError
    from jems.core.messages import text_for
    from jems.priorities import services
    from jems.priorities.models import ProgrammePriority

    priority = ProgrammePriority.objects.create(code="P1", title={"EN": "Smarter"}, objective="PO1")
    Call.objects.create(name="Published", status=CallStatus.PUBLISHED, start_date=timezone.now(),
                        end_date=timezone.now())
    with override("de"), pytest.raises(JemsError) as refusal:
        services.delete_priority(actor=admin_user, priority_id=priority.pk)
    with override("de"):
        assert text_for(refusal.value.key, refusal.value.args_).startswith(
            "Das Löschen einer Priorität ist nicht möglich")
    body = api_as(admin_user).delete(f"/api/programmePriority/{priority.pk}").json()
    assert body["i18nMessage"]["i18nArguments"] == {"what": "Deleting a priority"}
