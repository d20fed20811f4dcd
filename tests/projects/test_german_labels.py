"""Code-list labels in the German UI: partner types, application statuses, strategies, form-configuration
fields and the codes named in messages show in German, while the API keeps the raw codes."""

import pytest
from django.test import Client
from django.utils import translation

from jems.core.messages import text_for
from jems.projects.models import ApplicationStatus, Project
from jems.projects.partners.models import PartnerRole, ProjectPartner
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db


def german(user) -> Client:
    client = Client()
    assert client.login(email=user.email, password=PASSWORD)
    client.cookies["django_language"] = "de"
    return client


def test_application_status_label(applicant, project):
    html = german(applicant).get(f"/app/project/detail/{project.pk}").content.decode()
    assert "<dd>Entwurf</dd>" in html
    assert "<dd>Draft</dd>" not in html and "<dd>DRAFT</dd>" not in html


def test_api_keeps_the_status_codes(api_as, applicant, project):
    api = api_as(applicant)
    assert api.get(f"/api/project/byId/{project.pk}", HTTP_ACCEPT_LANGUAGE="de").json()["projectStatus"][
        "status"] == "DRAFT"
    Project.objects.filter(pk=project.pk).update(status=ApplicationStatus.SUBMITTED)
    refusal = api.put(f"/api/project/{project.pk}/submit", HTTP_ACCEPT_LANGUAGE="de")
    assert refusal.status_code == 422
    assert refusal.json()["i18nMessage"]["i18nArguments"] == {"status": "SUBMITTED"}


def test_partner_type_choices(applicant, project):
    partner = ProjectPartner.objects.create(project=project, abbreviation="CITY", role=PartnerRole.LEAD_PARTNER,
                                            sort_number=1)
    html = german(applicant).get(
        f"/app/project/detail/{project.pk}/applicationFormPartner/{partner.pk}/identity").content.decode()
    assert ">Lokale Behörde</option>" in html and ">KMU</option>" in html
    assert "Local public authority" not in html and "Hospitals and medical centres" not in html


def test_strategy_and_target_group_options(applicant, project, open_call):
    open_call.strategies = ["EUStrategyAlpineRegion"]
    open_call.save()
    html = german(applicant).post(f"/app/project/detail/{project.pk}/applicationFormRelevanceAndContext", {
        "action": "add:projectStrategies", "projectStrategies-count": "0", "projectBenefits-count": "1",
        "projectBenefits-0-group": "Sme"}).content.decode()
    assert ">EU-Strategie für den Alpenraum</option>" in html and ">Sonstige</option>" in html
    assert '<option value="Sme" selected>KMU</option>' in html
    assert "EU Strategy for the Alpine Region" not in html and "Hospitals and medical centres" not in html


def test_form_configuration_labels(admin_user, open_call):
    html = german(admin_user).get(f"/app/call/detail/{open_call.pk}/applicationFormConfiguration").content.decode()
    assert "A – Projektidentifikation" in html and "Projektlaufzeit" in html
    assert "Budget &amp; Kofinanzierung (inkl. Abschnitt D und E)" in html
    assert "A - Project identification" not in html and "Project duration" not in html
    assert "Budget &amp; Co-financing (incl. section D and E)" not in html


def test_messages_name_statuses_and_actions_by_their_labels():
    with translation.override("de"):
        assert text_for("project.submit.status.not.allowed", {"status": "SUBMITTED"}) == (
            "Ein Antrag im Status Eingereicht kann nicht eingereicht werden.")
        assert text_for("project.status.action.not.allowed", {"action": "approve", "status": "DRAFT"}) == (
            "Die Aktion Genehmigen ist im Status Entwurf nicht erlaubt.")
    with translation.override("en"):
        assert text_for("project.status.not.modifiable", {"status": "STEP1_SUBMITTED"}) == (
            "The application form cannot be changed in the status Step 1 Submitted.")
        assert text_for("checklist.instance.status.unchanged", {"status": "FINISHED"}) == (
            "The checklist is already Finished.")
