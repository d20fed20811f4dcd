"""The standard pre-submission check rule by rule: each rule passes on a complete application and fails when its
data is removed; rules follow the call's field visibility, the project's step and the input languages."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from jems.calls.models import Call, CallStatus
from jems.calls.plugins import MessageType
from jems.programme.models import ProgrammeLanguage
from jems.projects import services as project_services
from jems.projects.description.models import ProjectDescription
from jems.projects.models import Project
from jems.projects.partners.models import PartnerAddress, PartnerContact, PartnerRole, ProjectPartner
from jems.projects.results.models import ProjectResult
from jems.projects.submission import services
from jems.projects.submission.data import ApplicationData
from jems.projects.submission.standard_check import run
from jems.projects.workpackages.models import Activity, Deliverable, Investment, Output, WorkPackage

from .conftest import add_partner, set_visibility, use_plugin

pytestmark = pytest.mark.django_db


def leaves(messages, path=()) -> dict[str, tuple]:
    """Leaf key (without the plugin prefix) → (type, args, path of parent keys)."""
    out = {}
    for m in messages:
        key = m.key.removeprefix("standard.check.")
        if m.children:
            out.update(leaves(m.children, (*path, key)))
        else:
            out[key] = (m.type, m.args, path)
    return out


def check(project):
    project = Project.objects.select_related("call").get(pk=project.pk)
    return run(ApplicationData(project).form)


def test_complete_application_passes_with_ok_sections(ready):
    result = check(ready)
    assert result.submission_allowed
    assert [m.key for m in result.messages] == ["standard.check.section.a", "standard.check.section.b",
                                                "standard.check.section.c", "standard.check.section.e"]
    assert all(m.type == MessageType.INFO and m.issue_count == 0 for m in result.messages)
    assert [c.key for c in result.messages[0].children] == ["standard.check.section.ok"]


def _project_update(**values):
    return lambda p: Project.objects.filter(pk=p.pk).update(**values)


def _description(**values):
    return lambda p: ProjectDescription.objects.filter(project=p).update(**values)


def _partner(**values):
    return lambda p: ProjectPartner.objects.filter(project=p).update(**values)


def _contact(attr):
    return lambda p: PartnerContact.objects.filter(partner__project=p).update(**{attr: ""})


def _address(attr):
    return lambda p: PartnerAddress.objects.filter(partner__project=p).update(**{attr: ""})


RULES = [
    # section A
    (_project_update(title={"EN": "Only English"}), "a.title.missing", {"languages": "DE"}),
    (_project_update(duration=None), "a.duration.missing", {}),
    (_project_update(specific_objective=None), "a.objective.missing", {}),
    (_project_update(intro={}), "a.summary.missing", {"languages": "DE, EN"}),
    # section B
    (lambda p: ProjectPartner.objects.filter(project=p).delete(), "b.partner.none", {}),
    (_partner(role=PartnerRole.PARTNER), "b.lead.missing", {}),
    (lambda p: add_partner(p, 2, PartnerRole.LEAD_PARTNER), "b.lead.many", {"count": "2"}),
    (_partner(name_in_original_language=""), "b.name.original.missing", {}),
    (_partner(name_in_english=""), "b.name.english.missing", {}),
    (_partner(partner_type=""), "b.type.missing", {}),
    (_partner(legal_status=None), "b.legal.status.missing", {}),
    (_address("country"), "b.address.country.missing", {}),
    (_address("street"), "b.address.street.missing", {}),
    (_address("postal_code"), "b.address.postal.code.missing", {}),
    (_address("city"), "b.address.city.missing", {}),
    (lambda p: PartnerAddress.objects.filter(partner__project=p).delete(), "b.address.city.missing", {}),
    (_contact("first_name"), "b.representative.first.name.missing", {}),
    (_contact("last_name"), "b.contact.last.name.missing", {}),
    (_contact("email"), "b.contact.email.missing", {}),
    (_contact("telephone"), "b.contact.telephone.missing", {}),
    # section C
    (_description(territorial_challenge={"DE": "x"}), "c2.territorial.missing", {"languages": "EN"}),
    (_description(common_challenge={}), "c2.common.missing", {"languages": "DE, EN"}),
    (_description(transnational_cooperation={}), "c2.cooperation.missing", {"languages": "DE, EN"}),
    (_description(available_knowledge={}), "c2.knowledge.missing", {"languages": "DE, EN"}),
    (_description(benefits=[]), "c2.target.group.none", {}),
    (_description(benefits=[{"group": "Sme", "specification": {"EN": "x"}}]), "c2.target.group.specification.missing",
     {"number": "1", "languages": "DE"}),
    (_description(strategies=[{"strategy": None, "specification": {}}]), "c2.strategy.missing", {"number": "1"}),
    (_description(partnership={}), "c3.partnership.missing", {"languages": "DE, EN"}),
    (_description(coordination={}), "c7.coordination.missing", {"languages": "DE, EN"}),
    (_description(quality_assurance={}), "c7.quality.missing", {"languages": "DE, EN"}),
    (_description(communication={}), "c7.communication.missing", {"languages": "DE, EN"}),
    (_description(financial_management={}), "c7.financial.missing", {"languages": "DE, EN"}),
    (_description(joint_staffing=False), "c7.criteria.insufficient", {}),
    (_description(joint_staffing_description={}), "c7.joint.staffing.description.missing", {"languages": "DE, EN"}),
    (_description(equal_opportunities_effect=None), "c7.principles.missing", {}),
    (_description(ownership={}), "c8.ownership.missing", {"languages": "DE, EN"}),
    (_description(durability={}), "c8.durability.missing", {"languages": "DE, EN"}),
    (_description(transferability={}), "c8.transferability.missing", {"languages": "DE, EN"}),
    (lambda p: WorkPackage.objects.filter(project=p).delete(), "c4.wp.none", {}),
    (lambda p: WorkPackage.objects.filter(project=p).update(deactivated=True), "c4.wp.none", {}),
    (lambda p: Output.objects.filter(work_package__project=p).delete(), "c4.output.none", {}),
    (lambda p: WorkPackage.objects.filter(project=p).update(specific_objective={}), "c4.wp.objective.missing",
     {"languages": "DE, EN"}),
    (lambda p: WorkPackage.objects.filter(project=p).update(objective_and_audience={"EN": "x"}),
     "c4.wp.communication.missing", {"languages": "DE"}),
    (lambda p: Activity.objects.filter(work_package__project=p).delete(), "c4.activity.none", {}),
    (lambda p: Activity.objects.filter(work_package__project=p).update(title={}), "c4.activity.title.missing",
     {"languages": "DE, EN"}),
    (lambda p: Activity.objects.filter(work_package__project=p).update(description={}),
     "c4.activity.description.missing", {"languages": "DE, EN"}),
    (lambda p: Activity.objects.filter(work_package__project=p).update(start_period=None),
     "c4.activity.start.missing", {}),
    (lambda p: Activity.objects.filter(work_package__project=p).update(end_period=None),
     "c4.activity.end.missing", {}),
    (lambda p: Activity.objects.filter(work_package__project=p).update(start_period=2, end_period=1),
     "c4.activity.periods.order", {}),
    (lambda p: Activity.objects.filter(work_package__project=p).update(end_period=3), "period.out.of.range",
     {"period": "3", "last": "2"}),
    (lambda p: Output.objects.filter(work_package__project=p).update(title={}), "c4.output.title.missing",
     {"languages": "DE, EN"}),
    (lambda p: Output.objects.filter(work_package__project=p).update(programme_output_indicator=None),
     "c4.output.indicator.missing", {}),
    (lambda p: Output.objects.filter(work_package__project=p).update(target_value=Decimal("0")),
     "c4.output.target.missing", {}),
    (lambda p: Output.objects.filter(work_package__project=p).update(period_number=None),
     "c4.output.period.missing", {}),
    (lambda p: ProjectResult.objects.filter(project=p).delete(), "c5.result.none", {}),
    (lambda p: ProjectResult.objects.filter(project=p).update(programme_result_indicator=None),
     "c5.result.indicator.missing", {}),
    (lambda p: ProjectResult.objects.filter(project=p).update(target_value=None), "c5.result.target.missing", {}),
    (lambda p: ProjectResult.objects.filter(project=p).update(description={"DE": "x"}),
     "c5.result.description.missing", {"languages": "EN"}),
]


@pytest.mark.parametrize(("mutate", "key", "args"), RULES, ids=[f"{i}-{r[1]}" for i, r in enumerate(RULES)])
def test_rule_fails_when_data_is_missing(ready, mutate, key, args):
    mutate(ready)
    result = check(ready)
    found = leaves(result.messages)
    assert key in found, sorted(found)
    message_type, message_args, _path = found[key]
    assert message_type == MessageType.ERROR and message_args == args
    assert not result.submission_allowed


def test_warnings_do_not_block(ready):
    PartnerAddress.objects.filter(partner__project=ready).update(house_number="", nuts_region3="")
    result = check(ready)
    found = leaves(result.messages)
    assert found["b.address.house.number.missing"][0] == MessageType.WARNING
    assert found["b.address.nuts.missing"][0] == MessageType.WARNING
    assert found["b.address.nuts.missing"][2] == ("section.b", "b.partner")
    assert result.submission_allowed
    section_b = result.messages[1]
    assert section_b.type == MessageType.WARNING and section_b.issue_count == 2
    assert section_b.children[0].args == {"partner": "LP1 P1"}


def test_tree_nests_work_package_elements(ready):
    Output.objects.filter(work_package__project=ready).update(period_number=None)
    Activity.objects.filter(work_package__project=ready).update(title={})
    section_c = check(ready).messages[2]
    c4 = section_c.children[0]
    assert c4.key == "standard.check.c4" and c4.type == MessageType.ERROR and c4.issue_count == 2
    wp = c4.children[0]
    assert wp.args == {"number": "1"}
    assert [child.key for child in wp.children] == ["standard.check.c4.activity", "standard.check.c4.output"]
    assert wp.children[0].args == {"wp": "1", "number": "1"}


def test_hidden_fields_are_not_checked(ready):
    ProjectDescription.objects.filter(project=ready).update(overall_objective={})
    WorkPackage.objects.filter(project=ready).update(name={})
    assert check(ready).submission_allowed  # both fields are hidden (NONE) by default
    set_visibility(ready.call, PROJECT_OVERALL_OBJECTIVE="STEP_ONE_AND_TWO", PROJECT_WORK_PACKAGE_TITLE="STEP_TWO_ONLY")
    found = leaves(check(ready).messages)
    assert "c1.objective.missing" in found and "c4.wp.name.missing" in found
    set_visibility(ready.call, PROJECT_OVERALL_OBJECTIVE="NONE", PROJECT_WORK_PACKAGE_TITLE="NONE")
    assert check(ready).submission_allowed


def test_optional_fields_become_mandatory_when_shown(ready):
    set_visibility(ready.call, PARTNER_SUB_TYPE="STEP_ONE_AND_TWO", PARTNER_NACE_GROUP_LEVEL="STEP_TWO_ONLY",
                   PARTNER_VAT_RECOVERY="STEP_ONE_AND_TWO", PARTNER_MOTIVATION_COMPETENCES="STEP_ONE_AND_TWO",
                   PARTNER_MOTIVATION_ROLE="STEP_ONE_AND_TWO", PARTNER_ROLE_EXPERIENCE="STEP_ONE_AND_TWO",
                   PROJECT_OVERALL_OBJECTIVE="STEP_ONE_AND_TWO", PROJECT_WORK_PACKAGE_TITLE="STEP_ONE_AND_TWO",
                   PROJECT_ACTIVITIES_DELIVERABLES="STEP_ONE_AND_TWO", PROJECT_INVESTMENT_TITLE="STEP_ONE_AND_TWO",
                   PROJECT_INVESTMENT_PERIOD="STEP_ONE_AND_TWO", PROJECT_RESULTS_DELIVERY_PERIOD="STEP_ONE_AND_TWO")
    ProjectDescription.objects.filter(project=ready).update(overall_objective={})
    WorkPackage.objects.filter(project=ready).update(name={"EN": "x"})
    ProjectResult.objects.filter(project=ready).update(period_number=None)
    activity = Activity.objects.get(work_package__project=ready)
    Deliverable.objects.create(activity=activity, number=1, title={}, period=None)
    Investment.objects.create(work_package=activity.work_package, number=1, title={})
    found = leaves(check(ready).messages)
    for key in ("b.subtype.missing", "b.nace.missing", "b.vat.recovery.missing", "b.motivation.relevance.missing",
                "b.motivation.role.missing", "b.motivation.experience.missing", "c1.objective.missing",
                "c4.wp.name.missing", "c4.deliverable.title.missing", "c4.deliverable.period.missing",
                "c4.investment.title.missing", "c4.investment.period.missing", "c5.result.period.missing"):
        assert key in found, key
    assert found["c4.deliverable.title.missing"][2] == ("section.c", "c4", "c4.wp", "c4.activity", "c4.deliverable")


def test_state_aid_answers_when_the_tab_is_shown(ready):
    from jems.projects.partners.models import PartnerStateAid

    set_visibility(ready.call, PARTNER_STATE_AID_CRITERIA_SELF_CHECK="STEP_ONE_AND_TWO")
    assert "b.state.aid.missing" in leaves(check(ready).messages)
    partner = ProjectPartner.objects.get(project=ready)
    PartnerStateAid.objects.create(partner=partner, answer1=True, answer2=False, answer3=False)
    assert "b.state.aid.missing" in leaves(check(ready).messages)
    PartnerStateAid.objects.filter(partner=partner).update(answer4=False)
    assert "b.state.aid.missing" not in leaves(check(ready).messages)


def test_every_input_language_is_required(ready):
    ProgrammeLanguage.objects.update_or_create(code="FR", defaults={"input": True})
    found = leaves(check(ready).messages)
    assert found["a.title.missing"][1] == {"languages": "FR"}
    ProgrammeLanguage.objects.filter(code__in=["DE", "FR"]).update(input=False)
    assert check(ready).submission_allowed  # English only: every English text is there


def test_step_one_shows_fewer_fields(applicant, languages):
    now = timezone.now()
    call = Call.objects.create(name="Two steps", status=CallStatus.PUBLISHED, start_date=now - timedelta(days=1),
                               end_date_step1=now + timedelta(days=5), end_date=now + timedelta(days=30))
    use_plugin(call, first_step="standard-pre-condition-check-plugin")
    project = project_services.create_project(actor=applicant, call_id=call.pk, acronym="STEP")
    assert project.status == "STEP1_DRAFT"
    found = leaves(check(project).messages)
    # STEP_TWO_ONLY fields (title, summary, C.2, C.4, C.5, C.7, C.8) are not asked for in step 1
    assert "a.title.missing" not in found and "a.summary.missing" not in found
    assert not any(key.startswith(("c2.", "c4.", "c5.", "c7.", "c8.")) for key in found)
    assert {"a.duration.missing", "a.objective.missing", "b.partner.none"} <= set(found)
    set_visibility(call, PROJECT_TITLE="STEP_ONE_AND_TWO")
    assert "a.title.missing" in leaves(check(project).messages)
    Project.objects.filter(pk=project.pk).update(status="DRAFT")
    assert "c2.territorial.missing" in leaves(check(project).messages)


def test_error_leaves_of_a_result(ready):
    Project.objects.filter(pk=ready.pk).update(duration=None)
    assert [m.key for m in services.error_leaves(check(ready).messages)] == ["standard.check.a.duration.missing"]
