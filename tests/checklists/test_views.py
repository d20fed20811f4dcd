"""Pages of Programme → Checklists: rendering, read-only mode, every editor action without JavaScript,
inline errors that keep the typed input, locked templates."""

import re

import pytest

from jems.audit.actions import AuditAction
from jems.audit.models import AuditEvent
from jems.checklists import services
from jems.checklists.models import ChecklistComponent, ProgrammeChecklist

from .conftest import make_checklist

pytestmark = pytest.mark.django_db

LIST = "/app/programme/checklists"


def detail(checklist):
    return f"{LIST}/{checklist.pk}"


def html_of(response) -> str:
    return response.content.decode()


def field_tag(html, name):
    return re.search(rf'<(?:input|select|textarea)[^>]*name="{re.escape(name)}"[^>]*>', html).group(0)


def assert_invalid(html, name, message=None):
    tag = field_tag(html, name)
    assert 'aria-invalid="true"' in tag, tag
    error_id = re.search(r'aria-describedby="[^"]*?(id_[\w-]+_error)"', tag).group(1)
    block = re.search(rf'id="{error_id}">(.*?)</p>', html, re.S).group(1)
    if message:
        assert message in block, block


def component_ids(checklist):
    return list(ChecklistComponent.objects.filter(checklist=checklist).values_list("pk", flat=True))


# --- list ----------------------------------------------------------------------------------------------------


def test_list_shows_templates_with_type_lock_and_date(admin_page, checklist):
    services.lock_template(checklist.pk)
    response = admin_page.get(LIST)
    assert response.status_code == 200
    html = html_of(response)
    assert 'aria-current="page">Checklists</a>' in html  # the Programme side navigation
    assert f'href="{LIST}/{checklist.pk}">Quality check</a>' in html
    assert "Application form assessment" in html and "First-level control: administrative verification" in html
    assert "Locked" in html and f'href="{LIST}/create"' in html
    assert re.search(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}", html)
    names = re.findall(rf'href="{LIST}/\d+">([^<]+)</a>', html_of(admin_page.get(LIST + "?sort=name,desc")))
    assert names == sorted(names, reverse=True)


def test_list_for_retrieve_only_user_has_no_create_button(reader_page):
    html = html_of(reader_page.get(LIST))
    assert "Project closure" in html and f'href="{LIST}/create"' not in html


def test_pages_need_programme_setup_retrieve(applicant_page, client, checklist):
    for url in (LIST, detail(checklist), detail(checklist) + "/preview", f"{LIST}/create"):
        assert applicant_page.get(url).status_code == 403, url
        anonymous = client.get(url)
        assert anonymous.status_code == 302 and "/no-auth/login" in anonymous["Location"]
    assert applicant_page.get(f"{LIST}/999999").status_code == 403


def test_unknown_checklist_is_404(admin_page):
    assert admin_page.get(f"{LIST}/999999").status_code == 404
    assert admin_page.get(f"{LIST}/999999/preview").status_code == 404


# --- create --------------------------------------------------------------------------------------------------


def test_create_page_creates_and_opens_the_editor(admin_page):
    page = admin_page.get(f"{LIST}/create?type=CONTROL")
    assert page.status_code == 200 and 'value="CONTROL" selected' in html_of(page)
    response = admin_page.post(f"{LIST}/create", {"name": "Desk check", "type": "CONTROL", "min_score": "0",
                                                  "max_score": "10"})
    created = ProgrammeChecklist.objects.get(name="Desk check")
    assert response.status_code == 302 and response["Location"] == detail(created)
    assert created.components.count() == 0 and created.type == "CONTROL"
    assert "The checklist is created" in html_of(admin_page.get(response["Location"]))


def test_create_errors_show_inline_and_keep_input(admin_page):
    response = admin_page.post(f"{LIST}/create", {"name": "Keep me", "type": "CONTROL", "min_score": "7",
                                                  "max_score": "5"})
    assert response.status_code == 200
    html = html_of(response)
    assert_invalid(html, "max_score", "must not be lower than the minimum")
    assert 'value="Keep me"' in html and 'value="7"' in html
    blank = html_of(admin_page.post(f"{LIST}/create", {"name": "", "type": "CONTROL", "min_score": "x"}))
    assert_invalid(blank, "name")
    assert_invalid(blank, "min_score")
    assert not ProgrammeChecklist.objects.filter(name="Keep me").exists()


def test_create_page_is_forbidden_for_retrieve_only_users(reader_page):
    assert reader_page.get(f"{LIST}/create").status_code == 403
    assert reader_page.post(f"{LIST}/create", {"name": "x", "type": "CONTROL"}).status_code == 403


# --- the editor ----------------------------------------------------------------------------------------------


def test_editor_shows_settings_and_a_form_per_component(admin_page, checklist):
    html = html_of(admin_page.get(detail(checklist)))
    assert 'name="name"' in html and 'value="Quality check"' in html
    headline, toggle, text, score = component_ids(checklist)
    assert f'name="c{headline}-value"' in html and f'name="c{toggle}-first_option"' in html
    assert f'name="c{text}-explanation_max_length"' in html and f'name="c{score}-weight"' in html
    assert html.count('value="up"') == 4 and html.count('value="delete"') == 4
    assert 'name="component_type"' in html and "Add component" in html
    assert f'id="component-{score}"' in html


def test_settings_save_and_inline_errors(admin_page, checklist):
    url = detail(checklist)
    saved = admin_page.post(url, {"name": "Renamed", "type": "CONTRACTING", "min_score": "1", "max_score": "4",
                                  "allows_decimal_score": "on"})
    assert saved.status_code == 302
    checklist.refresh_from_db()
    assert (checklist.name, checklist.type, checklist.allows_decimal_score) == ("Renamed", "CONTRACTING", True)
    refused = admin_page.post(url, {"name": "Typed", "type": "CONTRACTING", "min_score": "1", "max_score": "200"})
    html = html_of(refused)
    assert_invalid(html, "max_score", "from 0 to 100")
    assert 'value="Typed"' in html and 'value="200"' in html
    assert ProgrammeChecklist.objects.get(pk=checklist.pk).name == "Renamed"


def test_add_component_of_each_kind(admin_page, checklist):
    for kind in ("HEADLINE", "OPTIONS_TOGGLE", "TEXT_INPUT", "SCORE"):
        response = admin_page.post(f"{detail(checklist)}/components/add", {"component_type": kind})
        added = ChecklistComponent.objects.filter(checklist=checklist).order_by("-pk").first()
        assert added.type == kind
        assert response.status_code == 302 and response["Location"] == f"{detail(checklist)}#component-{added.pk}"
    assert ChecklistComponent.objects.filter(checklist=checklist).count() == 8
    invalid = admin_page.post(f"{detail(checklist)}/components/add", {"component_type": "STARS"})
    assert invalid.status_code == 200
    assert_invalid(html_of(invalid), "component_type")


def test_save_a_component_and_errors_keep_input(admin_page, checklist):
    headline, toggle, text, score = component_ids(checklist)
    url = f"{detail(checklist)}/components/{toggle}"
    saved = admin_page.post(url, {"action": "save", f"c{toggle}-question": "Is the partner eligible?",
                                  f"c{toggle}-first_option": "Yes", f"c{toggle}-second_option": "No",
                                  f"c{toggle}-third_option": "Partly"})
    assert saved.status_code == 302 and saved["Location"].endswith(f"#component-{toggle}")
    metadata = ChecklistComponent.objects.get(pk=toggle).metadata
    assert (metadata["question"], metadata["thirdOption"]) == ("Is the partner eligible?", "Partly")
    refused = admin_page.post(f"{detail(checklist)}/components/{score}",
                              {"action": "save", f"c{score}-question": "Typed question", f"c{score}-weight": "250"})
    html = html_of(refused)
    assert_invalid(html, f"c{score}-weight", "from 0 to 100")
    assert "Typed question" in html and 'value="250"' in html
    assert ChecklistComponent.objects.get(pk=score).metadata["weight"] == "1.5"
    too_long = admin_page.post(f"{detail(checklist)}/components/{text}",
                               {"action": "save", f"c{text}-question": "Q", f"c{text}-explanation_label": "x" * 60,
                                f"c{text}-explanation_max_length": "100"})
    assert_invalid(html_of(too_long), f"c{text}-explanation_label", "At most 50 characters")


def test_move_and_delete_components(admin_page, checklist):
    headline, toggle, text, score = component_ids(checklist)
    base = f"{detail(checklist)}/components"
    assert admin_page.post(f"{base}/{score}", {"action": "up"}).status_code == 302
    assert admin_page.post(f"{base}/{headline}", {"action": "down"}).status_code == 302
    order = list(ChecklistComponent.objects.filter(checklist=checklist).values_list("pk", flat=True))
    assert order == [toggle, headline, score, text]
    response = admin_page.post(f"{base}/{text}", {"action": "delete"})
    assert response.status_code == 302 and response["Location"].endswith("#components")
    assert component_ids(checklist) == [toggle, headline, score]
    assert AuditEvent.objects.filter(action=AuditAction.CHECKLIST_IS_CHANGED, entity_related_id=checklist.pk).count() == 3
    assert admin_page.post(f"{base}/999999", {"action": "save"}).status_code == 404


def test_clone_and_delete_pages(admin_page, checklist):
    cloned = admin_page.post(f"{detail(checklist)}/clone")
    clone = ProgrammeChecklist.objects.get(name="Quality check (copy)")
    assert cloned.status_code == 302 and cloned["Location"] == detail(clone)
    confirm = admin_page.get(f"{detail(clone)}/delete")
    assert confirm.status_code == 200 and "This cannot be undone" in html_of(confirm)
    deleted = admin_page.post(f"{detail(clone)}/delete")
    assert deleted.status_code == 302 and deleted["Location"] == LIST
    assert not ProgrammeChecklist.objects.filter(pk=clone.pk).exists()
    assert "is deleted" in html_of(admin_page.get(LIST))


def test_locked_template_editor_allows_texts_only(admin_page, checklist):
    services.lock_template(checklist.pk)
    headline, toggle, text, score = component_ids(checklist)
    html = html_of(admin_page.get(detail(checklist)))
    assert "it is locked" in html
    assert "disabled" in field_tag(html, "type") and "disabled" in field_tag(html, "max_score")
    assert "disabled" not in field_tag(html, "name")
    assert "disabled" in field_tag(html, f"c{score}-weight") and "disabled" not in field_tag(html, f"c{score}-question")
    assert "disabled" in field_tag(html, f"c{toggle}-third_option")
    assert 'value="up"' not in html and "Add component" not in html and f"{detail(checklist)}/delete" not in html
    assert "Clone" in html
    # Texts change; a forged structure change is ignored (disabled fields keep their stored value).
    response = admin_page.post(f"{detail(checklist)}/components/{score}",
                               {"action": "save", f"c{score}-question": "Corrected", f"c{score}-weight": "9"})
    assert response.status_code == 302
    assert ChecklistComponent.objects.get(pk=score).metadata == {"question": "Corrected", "weight": "1.5"}
    settings = admin_page.post(detail(checklist), {"name": "New name", "type": "CLOSURE", "max_score": "50"})
    assert settings.status_code == 302
    checklist.refresh_from_db()
    assert (checklist.name, checklist.type, checklist.max_score) == ("New name", "APPLICATION_FORM_ASSESSMENT", 5)
    moved = admin_page.post(f"{detail(checklist)}/components/{score}", {"action": "up"}, follow=True)
    assert "in use (locked)" in html_of(moved)
    assert component_ids(checklist) == [headline, toggle, text, score]
    refused = admin_page.post(f"{detail(checklist)}/delete", follow=True)
    assert "in use (locked)" in html_of(refused) and ProgrammeChecklist.objects.filter(pk=checklist.pk).exists()


def test_read_only_editor_for_retrieve_only_users(reader_page, checklist):
    response = reader_page.get(detail(checklist))
    assert response.status_code == 200
    html = html_of(response)
    assert "You can view this checklist but not change it." in html
    for tag in re.findall(r"<(?:input|select|textarea)[^>]*>", html):
        if 'type="hidden"' not in tag and 'name="language"' not in tag:
            assert "disabled" in tag, tag
    assert 'value="save"' not in html and "Add component" not in html and "Clone" not in html
    headline = component_ids(checklist)[0]
    assert reader_page.post(f"{detail(checklist)}/components/{headline}", {"action": "delete"}).status_code == 403
    assert reader_page.post(f"{detail(checklist)}/components/add", {"component_type": "SCORE"}).status_code == 403
    assert reader_page.post(f"{detail(checklist)}/clone").status_code == 403
    assert reader_page.get(f"{detail(checklist)}/delete").status_code == 403
    assert reader_page.post(detail(checklist), {"name": "x", "type": "CONTROL"}).status_code == 403
    assert ChecklistComponent.objects.filter(pk=headline).exists()


def test_preview_shows_the_checklist_as_a_respondent_sees_it(reader_page, checklist):
    response = reader_page.get(detail(checklist) + "/preview")
    assert response.status_code == 200
    html = html_of(response)
    assert "<h2>Part A</h2>" in html and "<legend>Eligible?</legend>" in html
    assert html.count('type="radio"') == 2
    assert 'maxlength="2000"' in html and ">Comment</label>" in html
    assert 'type="number"' in html and 'min="0.00"' in html and 'max="5.00"' in html and 'step="1"' in html
    assert "weight 1.5" in html
    empty = make_checklist(name="Empty", min_score=None, max_score=None)
    assert "no components yet" in html_of(reader_page.get(detail(empty) + "/preview"))


def test_concurrent_edits_are_noticed_and_input_is_kept(admin_page, admin_user, checklist):
    score = component_ids(checklist)[3]
    html = html_of(admin_page.get(detail(checklist)))
    seen = re.search(rf'name="c{score}-fingerprint" value="(\w+)"', html).group(1)
    settings_seen = re.search(r'name="fingerprint" value="(\w+)"', html).group(1)
    services.update_component(actor=admin_user, checklist_id=checklist.pk, component_id=score,
                              metadata={"question": "Saved by a colleague"})
    post = {"action": "save", f"c{score}-question": "My question", f"c{score}-weight": "2",
            f"c{score}-fingerprint": seen}
    refused = admin_page.post(f"{detail(checklist)}/components/{score}", post)
    assert refused.status_code == 200
    html = html_of(refused)
    assert "Someone else saved a change here meanwhile" in html and "My question" in html
    newer = re.search(rf'name="c{score}-fingerprint" value="(\w+)"', html).group(1)
    assert newer != seen
    again = admin_page.post(f"{detail(checklist)}/components/{score}", {**post, f"c{score}-fingerprint": newer})
    assert again.status_code == 302
    assert ChecklistComponent.objects.get(pk=score).metadata["question"] == "My question"
    services.update_settings(actor=admin_user, checklist_id=checklist.pk, type="CONTROL", name="Colleague",
                             min_score=None, max_score=None, allows_decimal_score=False)
    stale = admin_page.post(detail(checklist), {"name": "Mine", "type": "CONTROL", "fingerprint": settings_seen})
    assert "Someone else saved a change here meanwhile" in html_of(stale) and 'value="Mine"' in html_of(stale)
    assert ProgrammeChecklist.objects.get(pk=checklist.pk).name == "Colleague"
