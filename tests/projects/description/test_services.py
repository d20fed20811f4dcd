"""Section C services: updates with every refusal, tables, versions."""

import pytest

from jems.core.errors import Forbidden, NotFound, ValidationFailed
from jems.projects import services as project_services
from jems.projects.description import queries, services
from jems.projects.models import Project

pytestmark = pytest.mark.django_db


def test_update_each_part(project, applicant, editor, open_call):
    open_call.strategies = ["EuropeanGreenDeal"]
    open_call.save()
    assert services.update_overall_objective(actor=applicant, project_id=project.pk,
                                             data={"overallObjective": {"EN": "Greener rivers"}}) == {
        "overallObjective": {"EN": "Greener rivers"}}
    c2 = services.update_relevance(actor=editor, project_id=project.pk, data={
        "territorialChallenge": {"EN": "Floods", "DE": "Hochwasser"},
        "projectBenefits": [{"group": "Sme", "specification": {"EN": "SMEs on the river"}}],
        "projectStrategies": [{"strategy": "EuropeanGreenDeal", "specification": {}},
                              {"strategy": "Other", "specification": {"EN": "Local"}}],
        "projectSynergies": [{"synergy": {"EN": "Interreg B"}, "specification": {}}],
    })
    assert c2["territorialChallenge"] == {"EN": "Floods", "DE": "Hochwasser"}
    assert c2["projectBenefits"] == [{"group": "Sme", "specification": {"EN": "SMEs on the river"}}]
    assert len(c2["projectStrategies"]) == 2 and c2["projectSpfRecipients"] == []
    services.update_partnership(actor=applicant, project_id=project.pk, data={"partnership": {"EN": "Six partners"}})
    c7 = services.update_management(actor=applicant, project_id=project.pk, data={
        "projectCoordination": {"EN": "Lead partner"},
        "projectCooperationCriteria": {"projectJointDevelopment": True, "projectJointStaffing": True},
        "projectJointDevelopmentDescription": {"EN": "Together"},
        "projectHorizontalPrinciples": {"sustainableDevelopmentCriteriaEffect": "PositiveEffects"}})
    assert c7["projectCooperationCriteria"] == {"projectJointDevelopment": True, "projectJointImplementation": False,
                                                "projectJointStaffing": True, "projectJointFinancing": False}
    assert c7["projectHorizontalPrinciples"] == {"sustainableDevelopmentCriteriaEffect": "PositiveEffects",
                                                 "equalOpportunitiesEffect": None, "sexualEqualityEffect": None}
    services.update_long_term_plans(actor=applicant, project_id=project.pk, data={"projectOwnership": {"EN": "Cities"}})
    _acc, _row, _snap, data = queries.get_description(actor=applicant, project_id=project.pk)
    assert data["c1"]["overallObjective"] == {"EN": "Greener rivers"}
    assert data["c3"]["partnership"] == {"EN": "Six partners"}
    assert data["c8"]["projectOwnership"] == {"EN": "Cities"} and data["c8"]["projectDurability"] == {}


def test_refusals(project, applicant, viewer, stranger, programme_user):
    data = {"overallObjective": {"EN": "x"}}
    with pytest.raises(NotFound):
        services.update_overall_objective(actor=stranger, project_id=project.pk, data=data)
    with pytest.raises(NotFound):
        services.update_overall_objective(actor=applicant, project_id=999999, data=data)
    with pytest.raises(Forbidden):
        services.update_overall_objective(actor=viewer, project_id=project.pk, data=data)
    Project.objects.filter(pk=project.pk).update(status="SUBMITTED")
    with pytest.raises(ValidationFailed) as error:
        services.update_partnership(actor=applicant, project_id=project.pk, data={"partnership": {"EN": "x"}})
    assert error.value.status == 422 and error.value.key == "project.status.not.modifiable"


def test_lengths_and_languages(project, applicant):
    with pytest.raises(ValidationFailed) as error:
        services.update_overall_objective(actor=applicant, project_id=project.pk,
                                          data={"overallObjective": {"EN": "x" * 501, "DE": "ok", "FR": "non"}})
    assert error.value.form_errors["overallObjective.language.en"]["i18nArguments"] == {
        "actualLength": "501", "requiredLength": "500"}
    assert error.value.form_errors["overallObjective.language.fr"]["i18nKey"] == "project.language.not.input.language"
    assert "overallObjective.language.de" not in error.value.form_errors
    with pytest.raises(ValidationFailed) as error:
        services.update_management(actor=applicant, project_id=project.pk, data={
            "projectCoordination": {"EN": "x" * 5001}, "sexualEqualityDescription": {"DE": "y" * 2001}})
    assert set(error.value.form_errors) == {"projectCoordination.language.en", "sexualEqualityDescription.language.de"}
    with pytest.raises(ValidationFailed) as error:
        services.update_long_term_plans(actor=applicant, project_id=project.pk,
                                        data={"projectTransferability": {"EN": "x" * 5001}})
    assert set(error.value.form_errors) == {"projectTransferability.language.en"}


def test_tables(project, applicant):
    rows = [{"group": "Sme", "specification": {"EN": "s"}}] * 21
    with pytest.raises(ValidationFailed) as error:
        services.update_relevance(actor=applicant, project_id=project.pk, data={"projectBenefits": rows})
    assert error.value.form_errors["projectBenefits"]["i18nKey"] == "project.description.table.max.rows"
    saved = services.update_relevance(actor=applicant, project_id=project.pk, data={"projectBenefits": rows[:20]})
    assert len(saved["projectBenefits"]) == 20
    with pytest.raises(ValidationFailed) as error:
        services.update_relevance(actor=applicant, project_id=project.pk, data={
            "projectStrategies": [{"strategy": "AtlanticStrategy", "specification": {}}],
            "projectSynergies": [{"synergy": {"EN": "x" * 2001}, "specification": {}}],
            "projectBenefits": [{"group": "Nobody", "specification": {}}]})
    assert set(error.value.form_errors) == {"projectStrategies[0].strategy", "projectSynergies[0].synergy.language.en",
                                            "projectBenefits[0].group"}


def test_versions_freeze_the_description(project, applicant):
    services.update_overall_objective(actor=applicant, project_id=project.pk, data={"overallObjective": {"EN": "v1"}})
    project_services.create_version(actor=applicant, project=project)
    services.update_overall_objective(actor=applicant, project_id=project.pk, data={"overallObjective": {"EN": "v2"}})
    _acc, _row, _snap, old = queries.get_description(actor=applicant, project_id=project.pk, version="1.0")
    _acc, _row, _snap, new = queries.get_description(actor=applicant, project_id=project.pk)
    assert old["c1"]["overallObjective"] == {"EN": "v1"} and new["c1"]["overallObjective"] == {"EN": "v2"}
    assert old["c2"]["projectBenefits"] == []
