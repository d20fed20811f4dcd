"""C.5 results service: replace the list (renumbered), every rule and refusal, contracted projects, snapshot."""

from decimal import Decimal

import pytest

from jems.core.errors import Forbidden, NotFound, ValidationFailed
from jems.projects.models import ApplicationStatus, Project
from jems.projects.results import parts, queries, services
from jems.projects.results.models import MAX_RESULTS, ProjectResult
from jems.projects.services import create_version

from .conftest import result

pytestmark = pytest.mark.django_db


def update(actor, project, results):
    return services.update_results(actor=actor, project_id=project.pk, results=results)


def test_replace_list_renumbers(applicant, project, indicators):
    saved = update(applicant, project, [
        result(indicators[0], "1.5", "10", 2, {"EN": "More solutions", "DE": "Mehr Lösungen"}, number=0),
        result(indicators[1], target="3"), result()])
    assert [r["resultNumber"] for r in saved] == [1, 2, 3]
    first = saved[0]
    assert first["programmeResultIndicatorIdentifier"] == "R1" and first["baseline"] == Decimal("1.50")
    assert first["targetValue"] == Decimal("10.00") and first["periodNumber"] == 2
    assert first["description"] == {"EN": "More solutions", "DE": "Mehr Lösungen"}
    assert saved[2]["programmeResultIndicatorId"] is None and saved[2]["targetValue"] is None
    ids = list(ProjectResult.objects.order_by("number").values_list("pk", flat=True))
    saved = update(applicant, project, [result(indicators[1], target="7", number=2)])
    assert len(saved) == 1 and saved[0]["resultNumber"] == 1 and saved[0]["targetValue"] == Decimal("7.00")
    assert list(ProjectResult.objects.values_list("pk", flat=True)) == ids[:1]  # rows reused, extras deleted
    assert update(applicant, project, []) == [] and not ProjectResult.objects.exists()


def test_any_programme_indicator_is_accepted(applicant, project, indicators):
    assert update(applicant, project, [result(indicators[2])])[0]["programmeResultIndicatorIdentifier"] == "R9"


def test_field_errors(applicant, project, indicators, languages):
    with pytest.raises(ValidationFailed) as error:
        update(applicant, project, [
            result(baseline="-1", target="1.234", period=5, description={"EN": "x" * 1001, "FR": "y"}),
            result(baseline="1000000000", target="-0.01", period=0),
            result(baseline=None)])
    assert ProjectResult.objects.count() == 0
    fields = error.value.field_messages()
    assert fields["results[0].baseline"] == "programme.setup.number.out.of.range"
    assert fields["results[0].targetValue"] == "programme.setup.number.decimals"
    assert fields["results[0].periodNumber"] == "project.results.period.not.of.project"
    assert fields["results[0].description.language.en"] == "common.error.field.max.length"
    assert fields["results[0].description.language.fr"] == "project.language.not.input.language"
    assert fields["results[1].baseline"] == "programme.setup.number.out.of.range"
    assert fields["results[1].targetValue"] == "programme.setup.number.out.of.range"
    assert fields["results[1].periodNumber"] == "project.results.period.not.of.project"
    assert fields["results[2].baseline"] == "common.error.field.required"
    bad_indicator = result()
    bad_indicator["programmeResultIndicatorId"] = 2**70
    with pytest.raises(ValidationFailed) as error:
        update(applicant, project, [bad_indicator, {**bad_indicator, "programmeResultIndicatorId": 999999}])
    assert error.value.field_messages() == {
        "results[0].programmeResultIndicatorId": "project.results.indicator.not.exists",
        "results[1].programmeResultIndicatorId": "project.results.indicator.not.exists"}


def test_limits_and_edges(applicant, project):
    saved = update(applicant, project, [result(baseline="999999999.99", target="0", period=4,
                                               description={"EN": "x" * 1000})])
    assert saved[0]["baseline"] == Decimal("999999999.99") and saved[0]["periodNumber"] == 4
    assert len(update(applicant, project, [result() for _ in range(MAX_RESULTS)])) == MAX_RESULTS
    with pytest.raises(ValidationFailed) as error:
        update(applicant, project, [result() for _ in range(MAX_RESULTS + 1)])
    assert error.value.key == "project.results.max.allowed.count.reached"
    assert error.value.args_ == {"maxAmount": "20"}


def test_period_needs_a_duration(applicant, project):
    Project.objects.filter(pk=project.pk).update(duration=None)
    with pytest.raises(ValidationFailed) as error:
        update(applicant, project, [result(period=1)])
    assert "results[0].periodNumber" in error.value.field_messages()


def test_refusals(applicant, project, stranger, viewer):
    with pytest.raises(NotFound):
        update(stranger, project, [result()])
    with pytest.raises(NotFound):
        update(applicant, Project(pk=2**70), [result()])
    with pytest.raises(Forbidden):
        update(viewer, project, [result()])
    Project.objects.filter(pk=project.pk).update(status=ApplicationStatus.SUBMITTED)
    with pytest.raises(ValidationFailed) as error:
        update(applicant, project, [result()])
    assert error.value.key == "project.status.not.modifiable"
    assert not ProjectResult.objects.exists()


def test_user_with_form_update_privilege_may_edit(admin_user, project):
    assert update(admin_user, project, [result(target="2")])[0]["targetValue"] == Decimal("2.00")


def test_contracted_results_are_deactivated_not_removed(applicant, project):
    update(applicant, project, [result(target="1"), result(target="2")])
    with pytest.raises(ValidationFailed) as error:
        update(applicant, project, [result(target="1", number=1), result(deactivated=True, number=2)])
    assert error.value.field_messages() == {"results[1].deactivated": "project.results.deactivate.not.contracted"}
    Project.objects.filter(pk=project.pk).update(status=ApplicationStatus.IN_MODIFICATION)
    with pytest.raises(ValidationFailed) as error:
        update(applicant, project, [result(target="1", number=1)])
    assert error.value.key == "project.results.delete.contracted"
    saved = update(applicant, project, [result(target="1", number=1), result(deactivated=True, number=2),
                                        result(target="3")])
    assert [r["deactivated"] for r in saved] == [False, True, False]
    with pytest.raises(ValidationFailed) as error:
        update(applicant, project, [result(number=1), result(number=2), result(number=3)])
    assert error.value.field_messages() == {
        "results[1].deactivated": "project.results.deactivated.cannot.be.activated"}


def test_versions_freeze_results(applicant, project, indicators):
    update(applicant, project, [result(indicators[0], "1", "5.5", 1, {"EN": "Old"})])
    create_version(actor=applicant, project=project)
    update(applicant, project, [result(indicators[1], target="8")])
    old = queries.get_results(actor=applicant, project_id=project.pk, version="1.0")[1]
    assert old == [{"resultNumber": 1, "programmeResultIndicatorId": indicators[0].pk,
                    "programmeResultIndicatorIdentifier": "R1", "baseline": Decimal("1.00"),
                    "targetValue": Decimal("5.50"), "periodNumber": 1, "description": {"EN": "Old"},
                    "deactivated": False}]
    assert queries.get_results(actor=applicant, project_id=project.pk)[1][0]["targetValue"] == Decimal("8.00")
    with pytest.raises(NotFound):
        queries.get_results(actor=applicant, project_id=project.pk, version="9.0")
    assert parts.from_snapshot({}) == []
