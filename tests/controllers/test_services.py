"""Controller-institution services and queries: privileges, visibility, validation, audit."""

import pytest

from jems.audit.models import AuditEvent
from jems.controllers import queries, services
from jems.controllers.models import ControllerInstitution
from jems.controllers.services import InstitutionUserInput as U
from jems.core.errors import Forbidden, NotFound, ValidationFailed
from jems.core.pagination import PageRequest

PAGE = PageRequest(0, 20, ("id",))


def create(actor, **kwargs):
    data = {"name": "FLC Kärnten", "description": "First-level control", "nuts_codes": ["AT21"], "users": []}
    data.update(kwargs)
    return services.create_institution(actor=actor, **data)


def test_create_with_coverage_and_users(admin_user, area, controller, manager):
    institution = create(admin_user, nuts_codes=["AT21", "ITH41"],
                         users=[U("Controller@Example.org", "Edit"), U("manager@example.org", "View")])
    assert set(institution.nuts.values_list("region_id", flat=True)) == {"AT211", "AT212", "AT213", "ITH41"}
    assert {(u.user.email, u.access_level) for u in institution.users.all()} == {
        ("controller@example.org", "Edit"), ("manager@example.org", "View")}
    event = AuditEvent.objects.get(action="CONTROLLER_INSTITUTION_CHANGED")
    assert event.entity_related_id == institution.pk and "controller@example.org (Edit)" in event.description


def test_create_needs_unlimited_and_update(area, controller, manager):
    with pytest.raises(Forbidden):
        create(controller)
    with pytest.raises(Forbidden):
        create(manager)


def test_validation(admin_user, area, applicant, controller):
    with pytest.raises(ValidationFailed) as error:
        create(admin_user, name=" ", description="x" * 2001, nuts_codes=["DE300"],
               users=[U("nobody@example.org", "View"), U("applicant@example.org", "Edit"),
                      U("controller@example.org", "View"), U("controller@example.org", "Edit")])
    keys = error.value.field_messages()
    assert keys == {
        "name": "common.error.field.required",
        "description": "common.error.field.max.length",
        "institutionNuts": "controller.institution.nuts.not.in.programme.area",
        "institutionUsers[0].userEmail": "controller.institution.user.not.found",
        "institutionUsers[1].userEmail": "controller.institution.user.not.monitor",
        "institutionUsers[3].userEmail": "controller.institution.user.duplicate",
    }
    with pytest.raises(ValidationFailed) as error:
        create(admin_user, name="x" * 251, nuts_codes=["NOWHERE"])
    assert set(error.value.field_messages()) == {"name", "institutionNuts"}
    assert not ControllerInstitution.objects.exists()


def test_update_by_unlimited_and_by_member(admin_user, area, controller, manager):
    institution = create(admin_user, users=[U("manager@example.org", "Edit")])
    updated = services.update_institution(actor=manager, institution_id=institution.pk, name="FLC Carinthia",
                                          description=None, nuts_codes=["AT211"],
                                          users=[U("manager@example.org", "Edit"), U("controller@example.org", "View")])
    assert updated.name == "FLC Carinthia" and updated.description is None
    assert list(updated.nuts.values_list("region_id", flat=True)) == ["AT211"]
    event = AuditEvent.objects.filter(action="CONTROLLER_INSTITUTION_CHANGED").latest("id")
    assert "name: FLC Kärnten -> FLC Carinthia" in event.description
    services.update_institution(actor=admin_user, institution_id=institution.pk, name="FLC Carinthia",
                                description=None, nuts_codes=["AT211"],
                                users=[U("manager@example.org", "View")])
    assert {(u.user.email, u.access_level) for u in updated.users.all()} == {("manager@example.org", "View")}
    with pytest.raises(Forbidden):  # no longer... still a member, but the controller is not
        services.update_institution(actor=controller, institution_id=institution.pk, name="x", description=None,
                                    nuts_codes=[], users=[])
    with pytest.raises(NotFound):
        services.update_institution(actor=admin_user, institution_id=9999, name="x", description=None,
                                    nuts_codes=[], users=[])


def test_unchanged_update_is_not_audited(admin_user, area):
    institution = create(admin_user)
    services.update_institution(actor=admin_user, institution_id=institution.pk, name="FLC Kärnten",
                                description="First-level control", nuts_codes=["AT21"], users=[])
    assert AuditEvent.objects.filter(action="CONTROLLER_INSTITUTION_CHANGED").count() == 1


def test_member_without_update_cannot_change(admin_user, area, controller):
    institution = create(admin_user, users=[U("controller@example.org", "Edit")])
    with pytest.raises(Forbidden):
        services.update_institution(actor=controller, institution_id=institution.pk, name="x", description=None,
                                    nuts_codes=[], users=[])


def test_visibility(admin_user, area, controller, manager, applicant):
    own = create(admin_user, name="Own", users=[U("controller@example.org", "View")])
    create(admin_user, name="Other")
    assert [i.name for i in queries.list_institutions(actor=admin_user, page=PAGE)[0]] == ["Own", "Other"]
    items, total, trees = queries.list_institutions(actor=controller, page=PAGE)
    assert [i.name for i in items] == ["Own"] and total == 1
    assert trees[own.pk][0]["code"] == "AT"
    assert queries.list_institutions(actor=manager, page=PAGE)[1] == 0
    with pytest.raises(Forbidden):
        queries.list_institutions(actor=applicant, page=PAGE)
    institution, tree, members = queries.get_institution(actor=controller, institution_id=own.pk)
    assert [m.user.email for m in members] == ["controller@example.org"]
    with pytest.raises(Forbidden):
        queries.get_institution(actor=manager, institution_id=own.pk)
    with pytest.raises(NotFound):
        queries.get_institution(actor=admin_user, institution_id=9999)


def test_available_regions(admin_user, area, controller, applicant):
    create(admin_user, nuts_codes=["ITH41"], users=[U("controller@example.org", "View")])
    assert [c["code"] for c in queries.available_regions(actor=admin_user)] == ["AT", "IT", "SI"]  # unlimited
    tree = queries.available_regions(actor=controller)
    assert tree[0]["code"] == "IT" and tree[0]["areas"][0]["areas"][0]["areas"][0]["code"] == "ITH41"
    with pytest.raises(Forbidden):
        queries.available_regions(actor=applicant)


def test_assignments_wait_for_contracted_projects(admin_user, area, controller):
    institution = create(admin_user)
    assert services.assign_institutions(actor=admin_user, to_add=[], to_remove=[]) == []

    class Pair:
        partner_id, institution_id = 5, institution.pk

    with pytest.raises(ValidationFailed) as error:
        services.assign_institutions(actor=admin_user, to_add=[Pair()], to_remove=[])
    assert error.value.key == "controller.institution.partner.not.assignable"
    with pytest.raises(Forbidden):
        services.assign_institutions(actor=controller, to_add=[], to_remove=[])
    assert queries.partner_assignments(actor=controller, page=PAGE) == ([], 0)
    assert queries.access_level_for_partner(actor=controller, partner_id=5) is None
    with pytest.raises(NotFound):
        queries.institution_users_for_partner(actor=controller, institution_id=institution.pk, partner_id=5)
