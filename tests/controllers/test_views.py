"""Controller pages: list, create, detail (tree + users), read-only, inline errors, query count."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from jems.controllers import services
from jems.controllers.models import ControllerInstitution
from jems.controllers.services import InstitutionUserInput as U
from tests.ui.conftest import logged_in


def test_top_menu_lands_on_the_list(admin_user, area):
    services.create_institution(actor=admin_user, name="FLC Kärnten", description=None, nuts_codes=["AT21"], users=[])
    response = logged_in(admin_user).get("/app/controller")
    html = response.content.decode()
    assert response.status_code == 200
    assert "FLC Kärnten" in html and "Add institution" in html
    assert 'href="/app/controller" aria-current="page"' in html


def test_list_for_controllers_and_assignment_only_users(admin_user, area, controller, applicant, manager):
    services.create_institution(actor=admin_user, name="Own", description=None, nuts_codes=[],
                               users=[U("controller@example.org", "View")])
    services.create_institution(actor=admin_user, name="Other", description=None, nuts_codes=[], users=[])
    html = logged_in(controller).get("/app/controller").content.decode()
    assert "Own" in html and "Other" not in html and "Add institution" not in html
    assert logged_in(applicant).get("/app/controller").status_code == 403
    assert logged_in(controller).get("/app/controller/assignment").status_code == 200
    assert logged_in(manager).get("/app/controller/create").status_code == 403


def test_create_with_tree_and_users(admin_user, area, controller):
    client = logged_in(admin_user)
    page = client.get("/app/controller/create").content.decode()
    assert 'name="nuts" value="AT211"' in page and 'name="nuts" value="DE300"' not in page
    assert '<option value="controller@example.org">' in page
    response = client.post("/app/controller/create", {
        "name": "FLC Kärnten", "description": "", "nuts": ["AT21", "SI041"], "users-count": "3",
        "users-0-email": "controller@example.org", "users-0-level": "Edit", "users-1-email": "",
        "users-1-level": "View"})
    institution = ControllerInstitution.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/app/controller/{institution.pk}"
    assert set(institution.nuts.values_list("region_id", flat=True)) == {"AT211", "AT212", "AT213", "SI041"}
    assert institution.users.get().access_level == "Edit"


def test_errors_stay_inline_and_keep_the_input(admin_user, area, applicant):
    response = logged_in(admin_user).post("/app/controller/create", {
        "name": "FLC", "description": "d", "nuts": ["SI041"], "users-count": "2",
        "users-0-email": "applicant@example.org", "users-0-level": "Edit",
        "users-1-email": "unknown@example.org", "users-1-level": "View"})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="users-0-error"' in html and "has no project-monitoring privilege" in html
    assert 'id="users-1-error"' in html and "no user with the e-mail unknown@example.org" in html
    assert 'value="unknown@example.org"' in html and 'value="FLC"' in html
    assert 'value="SI041" id="nuts-SI041" checked' in html
    assert not ControllerInstitution.objects.exists()
    blank = logged_in(admin_user).post("/app/controller/create", {"name": "", "users-count": "0"})
    assert 'id="id_name_error"' in blank.content.decode()


def test_detail_edit_and_remove_user(admin_user, area, controller):
    institution = services.create_institution(actor=admin_user, name="FLC", description=None, nuts_codes=["AT211"],
                                              users=[U("controller@example.org", "View")])
    client = logged_in(admin_user)
    html = client.get(f"/app/controller/{institution.pk}").content.decode()
    assert 'value="controller@example.org"' in html and 'name="full" value="AT211"' not in html
    client.post(f"/app/controller/{institution.pk}", {
        "name": "FLC 2", "nuts": ["AT211"], "users-count": "1", "users-0-email": "controller@example.org",
        "users-0-level": "View", "users-0-remove": "1"})
    institution.refresh_from_db()
    assert institution.name == "FLC 2" and not institution.users.exists()


def test_detail_is_read_only_for_members_without_update(admin_user, area, controller):
    institution = services.create_institution(actor=admin_user, name="FLC", description=None, nuts_codes=["AT211"],
                                              users=[U("controller@example.org", "View")])
    client = logged_in(controller)
    html = client.get(f"/app/controller/{institution.pk}").content.decode()
    assert "Klagenfurt-Villach (AT211)" in html and 'name="nuts"' not in html and "Save" not in html
    assert client.post(f"/app/controller/{institution.pk}", {"name": "x"}).status_code == 403
    assert logged_in(admin_user).get("/app/controller/999999").status_code == 404


def test_list_page_has_a_fixed_number_of_queries(admin_user, area):
    client = logged_in(admin_user)

    def count():
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/app/controller", {"size": 100}).status_code == 200
        return len(captured)

    def make(n, start):
        for i in range(start, start + n):
            services.create_institution(actor=admin_user, name=f"Institution {i:03d}", description="d",
                                        nuts_codes=["AT211"], users=[])

    make(10, 0)
    count()
    few = count()
    make(190, 10)
    assert count() == few


def test_detail_page_has_a_fixed_number_of_queries(admin_user, area):
    from jems.accounts.privileges import PROGRAMME_USER_ROLE_ID
    from tests.conftest import make_user

    users = [make_user(f"c{i:03d}@example.org", PROGRAMME_USER_ROLE_ID) for i in range(60)]
    institution = services.create_institution(actor=admin_user, name="FLC", description=None, nuts_codes=["AT211"],
                                              users=[U(u.email, "View") for u in users[:5]])
    client = logged_in(admin_user)

    def count():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(f"/app/controller/{institution.pk}").status_code == 200
        return len(captured)

    count()
    few = count()
    services.update_institution(actor=admin_user, institution_id=institution.pk, name="FLC", description=None,
                                nuts_codes=sorted(area), users=[U(u.email, "Edit") for u in users])
    assert count() == few
