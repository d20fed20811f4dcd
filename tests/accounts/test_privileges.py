"""The privilege catalogue: the 107 Jems names, the three role-editor groups and trees, the default roles."""

import os
import re
from pathlib import Path

import pytest

from jems.accounts.models import Role
from jems.accounts.privileges import (
    ADMINISTRATOR_DEFAULT,
    ADMINISTRATOR_ROLE_ID,
    APPLICANT_TREE,
    APPLICANT_USER_DEFAULT,
    APPLICANT_USER_ROLE_ID,
    GLOBAL_PROJECT_RETRIEVE,
    GLOBAL_TREE,
    GROUP_OF,
    PROGRAMME_USER_DEFAULT,
    PROGRAMME_USER_ROLE_ID,
    PROJECT_MONITOR_SET,
    PROJECT_RELATED,
    PROJECT_TREE,
    TREES,
    Node,
    Privilege,
    PrivilegeGroup,
    ordered,
)

REPO_ROOT = Path(__file__).resolve().parents[2]
P = Privilege


def contract_path() -> Path | None:
    """The Jems contract (openapi.yaml): $JEMS_CONTRACT, else ../shared/reference beside the repository."""
    candidates = []
    if os.environ.get("JEMS_CONTRACT"):
        candidates.append(Path(os.environ["JEMS_CONTRACT"]))
    candidates.append(REPO_ROOT.parent / "shared" / "reference" / "jems-api" / "openapi.yaml")
    for path in candidates:
        if path.is_dir():
            path = path / "openapi.yaml"
        if path.is_file():
            return path
    return None


def contract_enum(path: Path, schema: str) -> list[str]:
    """The values of a string enum schema, read line by line (the contract is too big to parse quickly)."""
    values, inside, in_enum = [], False, False
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if not inside:
                inside = line.rstrip() == f"    {schema}:"
                continue
            if re.match(r"^    \S", line):  # the next schema
                break
            if line.strip() == "enum:":
                in_enum = True
                continue
            if in_enum:
                match = re.match(r"^\s+- (\S+)\s*$", line)
                if not match:
                    break
                values.append(match.group(1).strip("'\""))
    return values


def test_there_are_107_distinct_privileges():
    assert len(Privilege) == 107
    assert len({p.value for p in Privilege}) == 107
    assert all(p.name == p.value for p in Privilege)


def test_names_equal_the_contract_enum():
    path = contract_path()
    if path is None:
        pytest.skip("the Jems contract (openapi.yaml) is not reachable; set JEMS_CONTRACT")
    names = contract_enum(path, "UserRolePermissionDTO")
    assert len(names) == 107
    assert [p.value for p in Privilege] == names  # same names, same (catalogue) order


def test_three_groups_of_37_10_60():
    counts = {group: sum(1 for g in GROUP_OF.values() if g == group) for group in PrivilegeGroup}
    assert counts == {PrivilegeGroup.GLOBAL: 37, PrivilegeGroup.APPLICANT: 10, PrivilegeGroup.PROJECT: 60}


def _nodes(node: Node):
    yield node
    for child in node.children:
        yield from _nodes(child)


def test_every_privilege_is_in_exactly_one_tree_node():
    seen: dict[Privilege, int] = {}
    for tree in TREES.values():
        for node in _nodes(tree):
            for privilege in (node.view, node.edit):
                if privilege is not None:
                    seen[privilege] = seen.get(privilege, 0) + 1
    assert set(seen) == set(Privilege)
    assert {p: n for p, n in seen.items() if n != 1} == {}


def test_tree_nodes_are_well_formed():
    for tree in (GLOBAL_TREE, APPLICANT_TREE, PROJECT_TREE):
        assert tree.kind == "SECTION_HEADER"
        for node in _nodes(tree):
            assert node.label
            if node.children:
                assert node.view is None and node.edit is None
            else:
                assert node.view or node.edit
                assert node.kind in {"HIDDEN_VIEW_EDIT", "HIDDEN_VIEW", "TOGGLE_EDIT"}
    pair = next(n for n in _nodes(GLOBAL_TREE) if n.view == P.CallRetrieve)
    assert pair.kind == "HIDDEN_VIEW_EDIT" and pair.edit == P.CallUpdate
    assert next(n for n in _nodes(GLOBAL_TREE) if n.view == P.AuditRetrieve).kind == "HIDDEN_VIEW"
    assert next(n for n in _nodes(GLOBAL_TREE) if n.edit == P.UserCreate).kind == "TOGGLE_EDIT"


def test_groups_follow_the_jems_regions():
    assert GROUP_OF[P.ProjectCreate] == PrivilegeGroup.APPLICANT
    assert GROUP_OF[P.ProjectContractingPartnerStateAidView] == PrivilegeGroup.APPLICANT
    assert GROUP_OF[P.ProjectFormRetrieve] == PrivilegeGroup.PROJECT
    assert GROUP_OF[P.ProjectMonitorReOpenAuditControl] == PrivilegeGroup.PROJECT
    assert GROUP_OF[P.ProjectRetrieve] == PrivilegeGroup.GLOBAL
    assert GROUP_OF[P.AuditRetrieve] == PrivilegeGroup.GLOBAL


def test_project_related_is_the_monitor_region_less_the_checklist_selection():
    assert len(PROJECT_RELATED) == 59
    assert P.ProjectAssessmentChecklistSelectedUpdate not in PROJECT_RELATED
    assert P.ProjectAssessmentChecklistSelectedRetrieve in PROJECT_RELATED
    assert not PROJECT_RELATED & {p for p, g in GROUP_OF.items() if g != PrivilegeGroup.PROJECT}


def test_permission_sets_used_by_assignment_rules():
    assert GLOBAL_PROJECT_RETRIEVE == {P.ProjectRetrieve, P.ProjectRetrieveEditUserAssignments}
    assert len(PROJECT_MONITOR_SET) == 15
    assert PROJECT_MONITOR_SET <= PROJECT_RELATED


NEVER_IN_A_DEFAULT_ROLE = {P.ProjectReportingProjectReOpen, P.ProjectReportingVerificationReOpen,
                           P.ProjectContractingPartnerStateAidView, P.ProjectContractingPartnerStateAidEdit}


def test_default_role_sets():
    # The administrator lacks InstitutionsRetrieve (it sees institutions through Unlimited/Update) and the
    # applicant-only ProjectCreatorReportingProjectCreate (workflows §3.2).
    assert ADMINISTRATOR_DEFAULT == (set(Privilege) - NEVER_IN_A_DEFAULT_ROLE
                                     - {P.InstitutionsRetrieve, P.ProjectCreatorReportingProjectCreate})
    assert len(ADMINISTRATOR_DEFAULT) == 101
    assert len(PROGRAMME_USER_DEFAULT) == 44
    assert P.InstitutionsRetrieve in PROGRAMME_USER_DEFAULT
    assert P.AuditRetrieve in PROGRAMME_USER_DEFAULT and P.UserRetrieve not in PROGRAMME_USER_DEFAULT
    assert APPLICANT_USER_DEFAULT == {P.CallPublishedRetrieve, P.ProjectsWithOwnershipRetrieve, P.ProjectCreate,
                                      P.ProjectCreatorCollaboratorsRetrieve, P.ProjectCreatorCollaboratorsUpdate,
                                      P.ProjectCreatorReportingProjectCreate}
    for default in (ADMINISTRATOR_DEFAULT, PROGRAMME_USER_DEFAULT, APPLICANT_USER_DEFAULT):
        assert not default & NEVER_IN_A_DEFAULT_ROLE


def test_seeded_roles_hold_the_default_sets(db):
    roles = {r.pk: r for r in Role.objects.all()}
    assert roles[ADMINISTRATOR_ROLE_ID].name == "administrator"
    assert roles[PROGRAMME_USER_ROLE_ID].name == "programme user"
    assert roles[APPLICANT_USER_ROLE_ID].name == "applicant user"
    assert set(roles[ADMINISTRATOR_ROLE_ID].permissions) == {p.value for p in ADMINISTRATOR_DEFAULT}
    assert set(roles[PROGRAMME_USER_ROLE_ID].permissions) == {p.value for p in PROGRAMME_USER_DEFAULT}
    assert set(roles[APPLICANT_USER_ROLE_ID].permissions) == {p.value for p in APPLICANT_USER_DEFAULT}
    assert [r.pk for r in roles.values() if r.default_for_registered_user] == [APPLICANT_USER_ROLE_ID]
    for role in roles.values():
        assert role.permissions == ordered(role.permissions)


def test_ordered_uses_catalogue_order_and_drops_unknown_and_duplicates():
    assert ordered(["AuditRetrieve", P.ProjectCreate, "AuditRetrieve", "Unknown"]) == ["ProjectCreate", "AuditRetrieve"]
    assert ordered([]) == []
