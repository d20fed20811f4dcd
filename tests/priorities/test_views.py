"""Pages of Programme → Priorities and Indicators: rendering, read-only view, forms without JavaScript, inline
errors that keep the input, the setup lock, and fixed query counts."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from jems.priorities import services
from jems.priorities.models import (
    OutputIndicator,
    ProgrammePriority,
    ProgrammeSpecificObjective,
    ResultIndicator,
)
from jems.priorities.queries import sorted_objectives
from jems.priorities.services import SpecificObjectiveInput
from tests.ui.conftest import logged_in

from .conftest import make_output, make_result

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin(admin_user):
    return logged_in(admin_user)


@pytest.fixture
def reader(programme_user):
    return logged_in(programme_user)


def html(response) -> str:
    assert response.status_code == 200, response.status_code
    return response.content.decode()


# --- priorities ------------------------------------------------------------------------------------------


def test_priority_list_and_detail_render(admin, green_priority):
    page = html(admin.get("/app/programme/priorities"))
    assert 'href="/app/programme/priorities/create"' in page
    assert f'href="/app/programme/priorities/{green_priority.pk}"' in page
    assert "RSO2.4" in page and "Priority P1" in page
    assert 'aria-current="page"' in page and ">Priorities<" in page
    page = html(admin.get(f"/app/programme/priorities/{green_priority.pk}"))
    assert 'name="so" value="ClimateChange" id="so-ClimateChange" checked' in page
    assert 'id="so-ClimateChange-TypesOfIntervention-058" checked' in page
    assert 'id="so-ClimateChange-TypesOfIntervention-182"' in page
    assert 'id="so-EnergyEfficiency-TypesOfIntervention-001"' not in page  # not selected: no dimension codes
    assert "Delete this priority" in page


def test_create_priority_without_javascript(admin):
    # 1. choose the objective and ask for its specific objectives
    page = html(admin.post("/app/programme/priorities/create",
                           {"code": "P4", "title_0": "Social", "objective": "PO4", "action": "refresh"}))
    assert 'value="P4"' in page and 'value="Social"' in page
    assert 'id="so-SocialInfrastructure"' in page and "field__error" not in page
    # 2. select one with its code, ask for its dimension codes
    page = html(admin.post("/app/programme/priorities/create", {
        "code": "P4", "title_0": "Social", "objective": "PO4", "so": ["SocialInfrastructure"],
        "so-SocialInfrastructure-code": "4.1", "action": "refresh"}))
    assert 'id="so-SocialInfrastructure-GenderEquality-003"' in page
    # 3. tick codes and save
    response = admin.post("/app/programme/priorities/create", {
        "code": "P4", "title_0": "Social", "objective": "PO4", "so": ["SocialInfrastructure"],
        "so-SocialInfrastructure-code": "4.1", "so-SocialInfrastructure-GenderEquality": ["002", "003"],
        "so-SocialInfrastructure-FormOfSupport": ["001"], "action": "save"})
    priority = ProgrammePriority.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/app/programme/priorities/{priority.pk}"
    assert priority.title == {"EN": "Social"}
    (so,) = sorted_objectives(priority)
    assert so.code == "4.1" and so.dimension_codes == {"FormOfSupport": ["001"], "GenderEquality": ["002", "003"]}


def test_priority_errors_are_inline_and_keep_the_input(admin, green_priority):
    response = admin.post("/app/programme/priorities/create", {
        "code": "P1", "title_0": "Again", "objective": "PO2", "so": ["CircularEconomy", "SmartEnergy"],
        "so-CircularEconomy-code": "2.1", "so-SmartEnergy-code": "2.3",
        "so-SmartEnergy-TypesOfIntervention": ["058"], "action": "save"})
    page = html(response)
    assert "A priority with the code P1 already exists." in page
    assert 'id="so-CircularEconomy-code" value="2.1" maxlength="50" autocomplete="off" aria-invalid="true"' in page
    assert "The code 2.1 is already used by another specific objective." in page
    assert 'id="so-SmartEnergy-TypesOfIntervention-058" checked' in page
    assert 'value="Again"' in page
    assert "in priority P1" in page  # ClimateChange is taken
    assert ProgrammePriority.objects.count() == 1


def test_no_specific_objective_is_an_error(admin):
    page = html(admin.post("/app/programme/priorities/create",
                           {"code": "P9", "objective": "PO1", "action": "save"}))
    assert "Select at least one specific objective." in page
    page = html(admin.post("/app/programme/priorities/create", {"code": "", "objective": "", "action": "save"}))
    assert "This field is required." in page


def test_update_and_delete_priority(admin, green_priority):
    response = admin.post(f"/app/programme/priorities/{green_priority.pk}", {
        "code": "P1", "title_0": "Green", "objective": "PO2", "so": ["ClimateChange"],
        "so-ClimateChange-code": "2.4", "so-ClimateChange-TypesOfIntervention": ["060"], "action": "save"})
    assert response.status_code == 302
    (so,) = ProgrammeSpecificObjective.objects.all()
    assert so.code == "2.4" and so.dimension_codes == {"TypesOfIntervention": ["060"]}
    response = admin.post(f"/app/programme/priorities/{green_priority.pk}", {"action": "delete"})
    assert response.status_code == 302 and response["Location"] == "/app/programme/priorities"
    assert not ProgrammePriority.objects.exists()


def test_locked_priority_keeps_objective_and_objectives(admin, admin_user, green_priority, locked):
    page = html(admin.get(f"/app/programme/priorities/{green_priority.pk}"))
    assert "the programme setup is locked" in page
    assert 'id="so-ClimateChange" checked disabled' in page
    assert '<input type="hidden" name="so" value="ClimateChange">' in page
    assert "Delete this priority" not in page
    # Even a crafted request cannot remove one or change the objective: they stay, new ones are added.
    response = admin.post(f"/app/programme/priorities/{green_priority.pk}", {
        "code": "P1", "objective": "PO1", "so": ["SmartEnergy"], "so-ClimateChange-code": "2.1",
        "so-WaterManagement-code": "2.2", "so-SmartEnergy-code": "2.3", "action": "save"})
    assert response.status_code == 302
    assert sorted(ProgrammeSpecificObjective.objects.values_list("code", flat=True)) == ["2.1", "2.2", "2.3"]
    response = admin.post(f"/app/programme/priorities/{green_priority.pk}", {"action": "delete"})
    assert "the programme setup is locked" in html(response)
    assert ProgrammePriority.objects.exists()


def test_priorities_read_only_for_retrieve_only(reader, green_priority):
    page = html(reader.get("/app/programme/priorities"))
    assert "Add priority" not in page
    page = html(reader.get(f"/app/programme/priorities/{green_priority.pk}"))
    assert "<form" not in page.split("<main")[1].split("</main>")[0] or 'name="action"' not in page
    assert "058, 059" in page and "You can view the programme setup but not change it." in page
    assert reader.get("/app/programme/priorities/create").status_code == 403
    assert reader.post(f"/app/programme/priorities/{green_priority.pk}", {"action": "delete"}).status_code == 403
    assert ProgrammePriority.objects.exists()


def test_pages_need_login_and_privilege(client, applicant, green_priority):
    response = client.get("/app/programme/priorities")
    assert response.status_code == 302 and "/no-auth/login" in response["Location"]
    outsider = logged_in(applicant)
    for url in ("/app/programme/priorities", f"/app/programme/priorities/{green_priority.pk}",
                "/app/programme/indicators", "/app/programme/indicators/outputIndicator/create"):
        assert outsider.get(url).status_code == 403
    assert logged_in(applicant).get("/app/programme/priorities/999").status_code == 403


def test_missing_priority_is_404(admin):
    assert admin.get("/app/programme/priorities/999").status_code == 404
    assert admin.get("/app/programme/indicators/outputIndicator/detail/999").status_code == 404


# --- indicators ----------------------------------------------------------------------------------------


def test_indicator_pages_render(admin, admin_user, green_priority):
    result = make_result(admin_user)
    output = make_output(admin_user, result_indicator_id=result.pk)
    page = html(admin.get("/app/programme/indicators"))
    assert f'href="/app/programme/indicators/outputIndicator/detail/{output.pk}"' in page
    assert f'href="/app/programme/indicators/resultIndicator/detail/{result.pk}"' in page
    assert "Add output indicator" in page and "Add result indicator" in page and "10.00" in page
    page = html(admin.get(f"/app/programme/indicators/outputIndicator/detail/{output.pk}"))
    assert 'value="O1"' in page and '<option value="ClimateChange" selected>2.1 - RSO2.4' in page
    assert f'<option value="{result.pk}" selected>R1' in page
    page = html(admin.get(f"/app/programme/indicators/resultIndicator/detail/{result.pk}"))
    assert 'value="2021"' in page and "Progress reports" in page


def test_create_output_indicator_prefills_eu_name_and_unit(admin, green_priority):
    response = admin.post("/app/programme/indicators/outputIndicator/create", {
        "identifier": "O7", "code": "RCO84", "specific_objective": "ClimateChange", "milestone": "1",
        "final_target": "12.5", "action": "save"})
    indicator = OutputIndicator.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/app/programme/indicators/outputIndicator/detail/{indicator.pk}"
    assert indicator.name == {"EN": "Pilot actions developed jointly and implemented in projects"}
    assert indicator.measurement_unit == {"EN": "pilot actions"}
    assert str(indicator.final_target) == "12.50"


def test_indicator_errors_inline_keep_input(admin, admin_user, green_priority):
    make_result(admin_user, identifier="R1")
    page = html(admin.post("/app/programme/indicators/resultIndicator/create", {
        "identifier": "R1", "name_0": "Mine", "specific_objective": "ClimateChange", "baseline": "1.234",
        "final_target": "abc", "comment_0": "kept", "action": "save"}))
    assert "Enter a number." in page  # final target: the form refuses it before the service
    page = html(admin.post("/app/programme/indicators/resultIndicator/create", {
        "identifier": "R1", "name_0": "Mine", "specific_objective": "ClimateChange", "baseline": "1.234",
        "comment_0": "kept", "action": "save"}))
    assert "An indicator with the ID R1 already exists." in page
    assert "At most 2 decimals are allowed." in page
    assert 'aria-invalid="true"' in page and "kept</textarea>" in page and 'value="Mine"' in page
    assert ResultIndicator.objects.count() == 1


def test_update_and_delete_indicators(admin, admin_user, green_priority):
    output = make_output(admin_user)
    response = admin.post(f"/app/programme/indicators/outputIndicator/detail/{output.pk}", {
        "identifier": "O1b", "code": "", "name_0": "Own", "measurement_unit_0": "pieces",
        "specific_objective": "WaterManagement", "final_target": "3", "action": "save"})
    assert response.status_code == 302
    output.refresh_from_db()
    assert output.identifier == "O1b" and output.code is None and output.name == {"EN": "Own"}
    response = admin.post(f"/app/programme/indicators/outputIndicator/detail/{output.pk}", {"action": "delete"})
    assert response.status_code == 302 and not OutputIndicator.objects.exists()


def test_locked_indicator_cannot_be_deleted(admin, admin_user, green_priority, locked):
    result = make_result(admin_user)
    page = html(admin.get(f"/app/programme/indicators/resultIndicator/detail/{result.pk}"))
    assert "Delete this indicator" not in page
    page = html(admin.post(f"/app/programme/indicators/resultIndicator/detail/{result.pk}", {"action": "delete"}))
    assert "the programme setup is locked.</p></div>" in page
    assert ResultIndicator.objects.exists()


def test_indicators_read_only_for_retrieve_only(reader, admin_user, green_priority):
    output = make_output(admin_user)
    page = html(reader.get("/app/programme/indicators"))
    assert "Add output indicator" not in page
    page = html(reader.get(f"/app/programme/indicators/outputIndicator/detail/{output.pk}"))
    assert 'name="identifier" value="O1"' in page and "disabled" in page
    assert 'value="save"' not in page and "Delete this indicator" not in page
    response = reader.post(f"/app/programme/indicators/outputIndicator/detail/{output.pk}", {"action": "delete"})
    assert response.status_code == 403
    assert reader.get("/app/programme/indicators/resultIndicator/create").status_code == 403


# --- query counts ----------------------------------------------------------------------------------------


def count_queries(client, url) -> int:
    client.get(url)  # warm up: the session's activity stamp is written at most once a minute
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def add_priorities(count, start=0):
    """Priorities made directly; the first 42 get one specific objective each (there are no more), the others
    none (the rules would refuse them, the list must cope anyway)."""
    from jems.priorities.codes import ProgrammeObjectivePolicy, objective_of

    policies = ProgrammeObjectivePolicy.values
    priorities = ProgrammePriority.objects.bulk_create([
        ProgrammePriority(code=f"P{i:03d}", title={"EN": f"Priority {i}"},
                          objective=objective_of(policies[i]) if i < len(policies) else "PO1")
        for i in range(start, start + count)])
    ProgrammeSpecificObjective.objects.bulk_create([
        ProgrammeSpecificObjective(priority=p, programme_objective_policy=policies[i], code=f"{i}.1",
                                   dimension_codes={"FormOfSupport": ["001"]})
        for i, p in enumerate(priorities, start=start) if i < len(policies)])


def add_indicators(count, start=0):
    so = ProgrammeSpecificObjective.objects.select_related("priority").first()
    results = ResultIndicator.objects.bulk_create([
        ResultIndicator(identifier=f"R{i}", name={"EN": f"Result {i}"}, specific_objective=so, baseline=1)
        for i in range(start, start + count)])
    OutputIndicator.objects.bulk_create([
        OutputIndicator(identifier=f"O{i}", name={"EN": f"Output {i}"}, specific_objective=so, final_target=5,
                        result_indicator=results[(i - start) % len(results)])
        for i in range(start, start + count)])


@pytest.mark.parametrize("url", ["/app/programme/priorities", "/api/programmePriority"])
def test_priority_list_query_count_is_fixed(admin, url):
    add_priorities(10)
    small = count_queries(admin, url)
    add_priorities(190, start=10)
    large = count_queries(admin, url)
    assert small == large, (small, large)
    assert large <= 10


@pytest.mark.parametrize("url", ["/app/programme/indicators", "/api/programmeindicator/output?size=500",
                                 "/api/programmeindicator/result?size=500", "/api/programmeindicator/output/summary",
                                 "/api/programmeindicator/result/summary/ClimateChange"])
def test_indicator_lists_query_count_is_fixed(admin, admin_user, green_priority, url):
    add_indicators(10)
    small = count_queries(admin, url)
    add_indicators(190, start=10)
    large = count_queries(admin, url)
    assert small == large, (small, large)
    assert large <= 12


# --- concurrent edits ------------------------------------------------------------------------------------


def version_in(page: str) -> str:
    match = re.search(r'name="version" value="([0-9a-f]+)"', page)
    assert match, "no version field"
    return match.group(1)


def test_concurrent_priority_edit_is_not_overwritten(admin, admin_user, green_priority):
    url = f"/app/programme/priorities/{green_priority.pk}"
    version = version_in(html(admin.get(url)))
    services.update_priority(actor=admin_user, priority_id=green_priority.pk, code="P1-other", title={},
                             objective="PO2", specific_objectives=[SpecificObjectiveInput("ClimateChange", "2.1"),
                                                                   SpecificObjectiveInput("WaterManagement", "2.2")])
    mine = {"code": "P1-mine", "title_0": "Mine", "objective": "PO2", "so": ["ClimateChange", "WaterManagement"],
            "so-ClimateChange-code": "2.1", "so-WaterManagement-code": "2.2", "version": version, "action": "save"}
    page = html(admin.post(url, mine))
    assert "Someone else changed this in the meantime." in page and 'value="P1-mine"' in page
    assert ProgrammePriority.objects.get().code == "P1-other"
    newer = version_in(page)
    assert newer != version
    response = admin.post(url, dict(mine, version=newer))  # saving again overwrites on purpose
    assert response.status_code == 302 and ProgrammePriority.objects.get().code == "P1-mine"


def test_concurrent_indicator_edit_is_not_overwritten(admin, admin_user, green_priority):
    output = make_output(admin_user)
    url = f"/app/programme/indicators/outputIndicator/detail/{output.pk}"
    version = version_in(html(admin.get(url)))
    OutputIndicator.objects.filter(pk=output.pk).update(final_target=99)
    mine = {"identifier": "O1", "name_0": "Mine", "specific_objective": "ClimateChange", "final_target": "5",
            "version": version, "action": "save"}
    page = html(admin.post(url, mine))
    assert "Someone else changed this in the meantime." in page
    assert OutputIndicator.objects.get().final_target == 99
    assert admin.post(url, dict(mine, version=version_in(page))).status_code == 302
    assert OutputIndicator.objects.get().final_target == 5
