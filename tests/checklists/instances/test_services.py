"""Rules of assessment checklist instances (workflows §2.6), one by one, with their refusals."""

from decimal import Decimal

import pytest

from jems.accounts.privileges import APPLICANT_USER_ROLE_ID
from jems.audit.models import AuditEvent
from jems.checklists.instances import services
from jems.checklists.instances.answers import AnswerInput
from jems.checklists.instances.models import ChecklistInstance, score_total
from jems.core.errors import Forbidden, NotFound, ValidationFailed
from tests.checklists.conftest import make_checklist
from tests.conftest import make_user

from .conftest import components


def answer(component, index=0, **metadata):
    return AnswerInput(component_id=component.pk, metadata=metadata, path=f"components[{index}].instanceMetadata")


def fill_all(actor, instance):
    c = components(instance)
    return services.update_answers(actor=actor, instance_id=instance.pk, answers=[
        answer(c["OPTIONS_TOGGLE"], 1, answer="No", justification="Missing annex"),
        answer(c["TEXT_INPUT"], 2, explanation="Fine"),
        answer(c["SCORE"], 3, score="3", justification="Average")])


def finish(actor, instance):
    return services.change_status(actor=actor, instance_id=instance.pk, status="FINISHED")


# --- create ---------------------------------------------------------------------------------------------


def test_create_from_a_template_of_the_call_locks_it(assessor, project, template):
    instance = services.create_instance(actor=assessor, project_id=project.pk, template_id=template.pk)
    assert (instance.status, instance.type, instance.related_to_id, instance.creator) == (
        "DRAFT", "APPLICATION_FORM_ASSESSMENT", project.pk, assessor)
    template.refresh_from_db()
    assert template.locked


def test_create_refuses_templates_not_selected_on_the_call_or_of_another_type(assessor, project, open_call):
    unselected = make_checklist(name="Unselected")
    control = make_checklist(name="Control", type="CONTROL")
    open_call.checklists.add(control)
    for template in (unselected, control):
        with pytest.raises(ValidationFailed) as error:
            services.create_instance(actor=assessor, project_id=project.pk, template_id=template.pk)
        assert "programmeChecklistId" in error.value.form_errors
        template.refresh_from_db()
        assert not template.locked


def test_create_needs_the_privilege_and_a_visible_project(applicant, project, template):
    with pytest.raises(Forbidden):  # the applicant sees the project but may not assess it
        services.create_instance(actor=applicant, project_id=project.pk, template_id=template.pk)
    stranger = make_user("stranger@example.org", APPLICANT_USER_ROLE_ID)
    with pytest.raises(NotFound):
        services.create_instance(actor=stranger, project_id=project.pk, template_id=template.pk)


# --- fill -----------------------------------------------------------------------------------------------


def test_fill_every_kind_and_score_total(assessor, instance):
    fill_all(assessor, instance)
    instance.refresh_from_db()
    c = components(instance)
    assert instance.answer(c["OPTIONS_TOGGLE"].pk) == {"answer": "No", "justification": "Missing annex"}
    assert instance.answer(c["TEXT_INPUT"].pk) == {"explanation": "Fine"}
    assert instance.answer(c["SCORE"].pk) == {"score": "3", "justification": "Average"}
    assert score_total(instance, c.values()) == Decimal("4.50")  # 3 × weight 1.5


@pytest.mark.parametrize("kind,metadata,field", [
    ("OPTIONS_TOGGLE", {"answer": "Maybe"}, "answer"),
    ("OPTIONS_TOGGLE", {"answer": "Yes", "justification": "x" * 5001}, "justification"),
    ("TEXT_INPUT", {"explanation": "x" * 2001}, "explanation"),
    ("SCORE", {"score": "6"}, "score"),
    ("SCORE", {"score": "-1"}, "score"),
    ("SCORE", {"score": "2.5"}, "score"),
    ("SCORE", {"score": "abc"}, "score"),
    ("SCORE", {"score": "1", "justification": "x" * 5001}, "justification"),
])
def test_fill_refuses_bad_answers(assessor, instance, kind, metadata, field):
    component = components(instance)[kind]
    with pytest.raises(ValidationFailed) as error:
        services.update_answers(actor=assessor, instance_id=instance.pk, answers=[answer(component, 4, **metadata)])
    assert f"components[4].instanceMetadata.{field}" in error.value.form_errors
    instance.refresh_from_db()
    assert instance.answers == {}


def test_decimal_scores_when_the_template_allows_them(assessor, project, open_call):
    template = make_checklist(components=[("SCORE", {"question": "Q", "weight": "2"})], allows_decimal_score=True)
    open_call.checklists.add(template)
    instance = services.create_instance(actor=assessor, project_id=project.pk, template_id=template.pk)
    component = instance.template.components.get()
    services.update_answers(actor=assessor, instance_id=instance.pk, answers=[answer(component, score="2.25")])
    with pytest.raises(ValidationFailed):
        services.update_answers(actor=assessor, instance_id=instance.pk, answers=[answer(component, score="2.255")])
    instance.refresh_from_db()
    assert score_total(instance, [component]) == Decimal("4.50")


def test_fill_refuses_unknown_components_and_mismatched_types(assessor, instance):
    other = make_checklist(name="Other", components=[("SCORE", {"question": "Q", "weight": "1"})])
    with pytest.raises(ValidationFailed) as error:
        services.update_answers(actor=assessor, instance_id=instance.pk,
                                answers=[answer(other.components.get(), 0, score="1")])
    assert "components[0].id" in error.value.form_errors
    wrong = AnswerInput(component_id=components(instance)["SCORE"].pk, metadata={}, path="components[1].instanceMetadata",
                        metadata_type="TEXT_INPUT")
    with pytest.raises(ValidationFailed) as error:
        services.update_answers(actor=assessor, instance_id=instance.pk, answers=[wrong])
    assert "components[1].instanceMetadata" in error.value.form_errors


def test_any_assessor_fills_a_draft_but_not_a_finished_one(assessor, consolidator, instance):
    fill_all(consolidator, instance)  # the consolidator holds the update privilege too
    finish(assessor, instance)
    with pytest.raises(ValidationFailed):
        fill_all(assessor, instance)


# --- finish and return to draft -------------------------------------------------------------------------


def test_finish_needs_every_mandatory_answer(assessor, instance):
    with pytest.raises(ValidationFailed) as error:
        finish(assessor, instance)
    assert set(error.value.form_errors) == {"components[1].instanceMetadata.answer",
                                            "components[3].instanceMetadata.score",
                                            "components[3].instanceMetadata.justification"}
    fill_all(assessor, instance)
    finished = finish(assessor, instance)
    assert finished.status == "FINISHED" and finished.finished_date
    assert AuditEvent.objects.filter(action="ASSESSMENT_CHECKLIST_STATUS_CHANGE", entity_related_id=instance.pk).exists()


def test_only_the_creator_finishes(assessor, consolidator, instance):
    fill_all(assessor, instance)
    with pytest.raises(Forbidden):
        finish(consolidator, instance)


def test_return_to_draft_only_by_a_consolidator_and_not_when_consolidated(assessor, consolidator, instance):
    fill_all(assessor, instance)
    finish(assessor, instance)
    with pytest.raises(Forbidden):
        services.change_status(actor=assessor, instance_id=instance.pk, status="DRAFT")
    services.set_consolidated(actor=consolidator, instance_id=instance.pk, consolidated=True)
    with pytest.raises(ValidationFailed):
        services.change_status(actor=consolidator, instance_id=instance.pk, status="DRAFT")
    services.set_consolidated(actor=consolidator, instance_id=instance.pk, consolidated=False)
    draft = services.change_status(actor=consolidator, instance_id=instance.pk, status="DRAFT")
    assert draft.status == "DRAFT" and draft.finished_date is None
    with pytest.raises(ValidationFailed):  # already a draft
        services.change_status(actor=consolidator, instance_id=instance.pk, status="DRAFT")


# --- consolidate and visibility -------------------------------------------------------------------------


def test_consolidate_only_finished_and_only_consolidators(assessor, consolidator, instance):
    with pytest.raises(ValidationFailed):
        services.set_consolidated(actor=consolidator, instance_id=instance.pk, consolidated=True)
    fill_all(assessor, instance)
    finish(assessor, instance)
    with pytest.raises(Forbidden):
        services.set_consolidated(actor=assessor, instance_id=instance.pk, consolidated=True)
    assert services.set_consolidated(actor=consolidator, instance_id=instance.pk, consolidated=True) is True
    assert AuditEvent.objects.filter(action="ASSESSMENT_CHECKLIST_CONSOLIDATION_CHANGE").count() == 1


def test_visibility_only_for_finished_and_the_global_privilege(assessor, consolidator, instance):
    with pytest.raises(ValidationFailed):
        services.update_selection(actor=consolidator, selection={instance.pk: True})
    fill_all(assessor, instance)
    finish(assessor, instance)
    with pytest.raises(Forbidden):
        services.update_selection(actor=assessor, selection={instance.pk: True})
    with pytest.raises(NotFound):
        services.update_selection(actor=consolidator, selection={instance.pk + 99: True})
    services.update_selection(actor=consolidator, selection={instance.pk: True})
    instance.refresh_from_db()
    assert instance.visible
    assert AuditEvent.objects.filter(action="ASSESSMENT_CHECKLIST_VISIBILITY_CHANGE").count() == 1


# --- description, clone, delete -------------------------------------------------------------------------


def test_description_limit(assessor, instance):
    assert services.update_description(actor=assessor, instance_id=instance.pk, description=" Note ").description == "Note"
    with pytest.raises(ValidationFailed) as error:
        services.update_description(actor=assessor, instance_id=instance.pk, description="x" * 151)
    assert "description" in error.value.form_errors


def test_clone_copies_answers_as_a_new_draft_of_the_actor(assessor, consolidator, instance):
    fill_all(assessor, instance)
    finish(assessor, instance)
    clone = services.clone_instance(actor=consolidator, instance_id=instance.pk)
    instance.refresh_from_db()
    assert clone.answers and (clone.status, clone.creator, clone.answers) == ("DRAFT", consolidator, instance.answers)
    assert clone.pk != instance.pk


def test_delete_only_drafts_of_the_project(assessor, consolidator, instance, project):
    with pytest.raises(NotFound):
        services.delete_instance(actor=assessor, project_id=project.pk + 1, instance_id=instance.pk)
    fill_all(assessor, instance)
    finish(assessor, instance)
    with pytest.raises(ValidationFailed):
        services.delete_instance(actor=assessor, project_id=project.pk, instance_id=instance.pk)
    services.change_status(actor=consolidator, instance_id=instance.pk, status="DRAFT")
    services.delete_instance(actor=consolidator, project_id=project.pk, instance_id=instance.pk)  # any assessor
    assert not ChecklistInstance.objects.exists()
    assert AuditEvent.objects.filter(action="ASSESSMENT_CHECKLIST_DELETED").count() == 1


def test_applicant_cannot_touch_checklists(applicant, instance, project):
    for call in (lambda: fill_all(applicant, instance),
                 lambda: services.clone_instance(actor=applicant, instance_id=instance.pk),
                 lambda: services.delete_instance(actor=applicant, project_id=project.pk, instance_id=instance.pk)):
        with pytest.raises(Forbidden):
            call()
