"""The assessment checklist pages: list, start, fill, finish, return to draft, consolidate, visibility,
clone, delete; refusals (403, 404), inline errors and fixed query counts."""

import pytest
from django.urls import reverse

from jems.checklists.instances import services
from jems.checklists.instances.models import ChecklistInstance
from tests.checklists.conftest import logged_in

from .conftest import components


def list_url(project):
    return reverse("checklist_instances:list", args=[project.pk])


def detail_url(instance):
    return reverse("checklist_instances:detail", args=[instance.related_to_id, instance.pk])


def filled(instance, **extra):
    c = components(instance)
    return {"action": "save", "description": "First look",
            f"c{c['OPTIONS_TOGGLE'].pk}_answer": "Yes", f"c{c['OPTIONS_TOGGLE'].pk}_justification": "Clear",
            f"c{c['TEXT_INPUT'].pk}_explanation": "Well written", f"c{c['SCORE'].pk}_score": "4",
            f"c{c['SCORE'].pk}_justification": "Strong", **extra}


def test_list_offers_the_call_templates_and_starts_a_checklist(assessor, project, template):
    client = logged_in(assessor)
    page = client.get(list_url(project))
    assert page.status_code == 200
    assert "Start a checklist" in page.content.decode() and template.name in page.content.decode()
    response = client.post(list_url(project), {"action": "start", "template": template.pk})
    instance = ChecklistInstance.objects.get()
    assert response.status_code == 302 and response["Location"] == detail_url(instance)
    template.refresh_from_db()
    assert template.locked


def test_start_with_a_template_not_of_the_call_is_an_inline_error(assessor, project, template):
    from tests.checklists.conftest import make_checklist

    other = make_checklist(name="Other")
    response = logged_in(assessor).post(list_url(project), {"action": "start", "template": other.pk})
    assert response.status_code == 422 and not ChecklistInstance.objects.exists()
    assert 'aria-invalid="true"' in response.content.decode()


def test_fill_and_finish(assessor, instance):
    client = logged_in(assessor)
    page = client.get(detail_url(instance)).content.decode()
    for text in ("Part A", "Eligible?", "Comments", "Relevance", "Finish checklist", "Delete checklist"):
        assert text in page
    assert client.post(detail_url(instance), filled(instance)).status_code == 302
    instance.refresh_from_db()
    assert instance.description == "First look" and instance.status == "DRAFT"
    page = client.get(detail_url(instance)).content.decode()
    assert 'id="total-score">6.00<' in page
    assert client.post(detail_url(instance), filled(instance, action="finish")).status_code == 302
    instance.refresh_from_db()
    assert instance.status == "FINISHED" and instance.finished_date
    page = client.get(detail_url(instance)).content.decode()
    assert "Finish checklist" not in page and "Delete checklist" not in page and "Return to draft" not in page
    assert "Clone checklist" in page


def test_bad_score_and_missing_answers_are_shown_on_their_fields(assessor, instance):
    c = components(instance)
    client = logged_in(assessor)
    response = client.post(detail_url(instance), filled(instance, **{f"c{c['SCORE'].pk}_score": "9"}))
    assert response.status_code == 422
    page = response.content.decode()
    assert f'id="id_c{c["SCORE"].pk}_score_error"' in page and "between 0 and 5" in page
    data = filled(instance, action="finish", **{f"c{c['OPTIONS_TOGGLE'].pk}_answer": ""})
    response = client.post(detail_url(instance), data)
    assert response.status_code == 422
    assert f'id="id_c{c["OPTIONS_TOGGLE"].pk}_answer_error"' in response.content.decode()
    instance.refresh_from_db()
    assert instance.status == "DRAFT" and instance.answer(c["SCORE"].pk)["score"] == "4"


def test_consolidator_returns_to_draft_consolidates_and_selects(assessor, consolidator, instance):
    client = logged_in(assessor)
    client.post(detail_url(instance), filled(instance, action="finish"))
    boss = logged_in(consolidator)
    page = boss.get(detail_url(instance)).content.decode()
    assert "Return to draft" in page and "Mark as consolidated" in page
    assert boss.post(list_url_of(instance), {"action": "visibility", f"visible_{instance.pk}": "on"}).status_code == 302
    boss.post(detail_url(instance), {"action": "consolidate"})
    instance.refresh_from_db()
    assert instance.consolidated and instance.visible
    assert "Return to draft" not in boss.get(detail_url(instance)).content.decode()
    boss.post(detail_url(instance), {"action": "unconsolidate"})
    boss.post(detail_url(instance), {"action": "draft"})
    instance.refresh_from_db()
    assert instance.status == "DRAFT" and not instance.visible


def list_url_of(instance):
    return reverse("checklist_instances:list", args=[instance.related_to_id])


def test_clone_and_delete(assessor, instance):
    client = logged_in(assessor)
    response = client.post(detail_url(instance), {"action": "clone"})
    clone = ChecklistInstance.objects.exclude(pk=instance.pk).get()
    assert response["Location"] == detail_url(clone)
    assert client.post(detail_url(clone), {"action": "delete"})["Location"] == list_url_of(instance)
    assert not ChecklistInstance.objects.filter(pk=clone.pk).exists()


def test_refusals(assessor, consolidator, applicant, instance):
    from jems.accounts.privileges import APPLICANT_USER_ROLE_ID
    from tests.conftest import make_user

    stranger = logged_in(make_user("stranger@example.org", APPLICANT_USER_ROLE_ID))
    assert stranger.get(detail_url(instance)).status_code == 404  # another person's project
    assert stranger.get(list_url_of(instance)).status_code == 404
    assert logged_in(applicant).get(detail_url(instance)).status_code == 403  # the applicant's own project
    boss = logged_in(consolidator)
    assert boss.post(detail_url(instance), {"action": "finish"}).status_code == 403  # only the creator
    assert boss.post(detail_url(instance), {"action": "draft"}).status_code == 403  # not finished
    assert logged_in(assessor).post(list_url_of(instance), {"action": "visibility"}).status_code == 403
    other = reverse("checklist_instances:detail", args=[instance.related_to_id, instance.pk + 100])
    assert logged_in(assessor).get(other).status_code == 404


def test_selected_retrieve_only_sees_visible_finished_checklists(db, assessor, consolidator, instance, project):
    from jems.accounts.models import Role
    from tests.conftest import make_user

    reader = make_user("reader@example.org", Role.objects.create(name="Reader", permissions=[
        "ProjectRetrieve", "ProjectAssessmentView", "ProjectAssessmentChecklistSelectedRetrieve"]).pk)
    client = logged_in(reader)
    assert instance.template.name not in client.get(list_url(project)).content.decode()
    assert client.get(detail_url(instance)).status_code == 403
    logged_in(assessor).post(detail_url(instance), filled(instance, action="finish"))
    services.update_selection(actor=consolidator, selection={instance.pk: True})
    assert instance.template.name in client.get(list_url(project)).content.decode()
    page = client.get(detail_url(instance)).content.decode()
    assert "Save changes" not in page and "disabled" in page


@pytest.mark.parametrize("count", [10, 100])
def test_list_query_count_is_fixed(assessor, project, template, count, django_assert_max_num_queries):
    for _ in range(count):
        services.create_instance(actor=assessor, project_id=project.pk, template_id=template.pk)
    client = logged_in(assessor)
    client.get(list_url(project))
    with django_assert_max_num_queries(20):
        assert client.get(list_url(project)).status_code == 200


@pytest.mark.parametrize("size", [10, 200])
def test_detail_query_count_is_fixed(assessor, project, open_call, size, django_assert_max_num_queries):
    from tests.checklists.conftest import ALL_KINDS, make_checklist

    template = make_checklist(name="Big", components=[ALL_KINDS[i % 4] for i in range(size)])
    open_call.checklists.add(template)
    instance = services.create_instance(actor=assessor, project_id=project.pk, template_id=template.pk)
    client = logged_in(assessor)
    client.get(detail_url(instance))
    with django_assert_max_num_queries(20):
        assert client.get(detail_url(instance)).status_code == 200
