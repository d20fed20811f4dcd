"""ProjectResultApi: shapes of the three operations, 422 field errors, 400s, refusals, versions, the A.4
overview figures (outputs created directly via the ORM) and query counts."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from jems.projects.models import Project
from jems.projects.results.models import ProjectResult
from jems.projects.services import create_version
from jems.projects.workpackages.models import Output, WorkPackage

pytestmark = pytest.mark.django_db


def item(**extra):
    return {"resultNumber": 0, "baseline": 0, "deactivated": False, **extra}


def url(project, tail=""):
    return f"/api/project/{project.pk}/result{tail}"


def test_put_and_get(api_as, applicant, project, indicators):
    client = api_as(applicant)
    assert client.get(url(project)).json() == []
    response = client.put(url(project), [
        item(programmeResultIndicatorId=indicators[0].pk, baseline=1.5, targetValue=12, periodNumber=3,
             description=[{"language": "EN", "translation": "Solutions"}, {"language": "DE", "translation": " "}]),
        item(resultNumber=7)])
    assert response.status_code == 200, response.content
    expected = [
        {"resultNumber": 1, "programmeResultIndicatorId": indicators[0].pk, "programmeResultIndicatorIdentifier": "R1",
         "baseline": 1.5, "targetValue": 12, "periodNumber": 3,
         "description": [{"language": "EN", "translation": "Solutions"}], "deactivated": False},
        {"resultNumber": 2, "programmeResultIndicatorId": None, "programmeResultIndicatorIdentifier": None,
         "baseline": 0, "targetValue": None, "periodNumber": None, "description": [], "deactivated": False}]
    assert response.json() == expected
    assert b'"baseline": 1.50' in response.content or b'"baseline":1.50' in response.content  # exact decimals
    assert client.get(url(project)).json() == expected


def test_field_errors_and_bad_input(api_as, applicant, project):
    client = api_as(applicant)
    response = client.put(url(project), [item(baseline=-1, targetValue=0.001, periodNumber=9,
                                              programmeResultIndicatorId=424242,
                                              description=[{"language": "EN", "translation": "x" * 1001}])])
    assert response.status_code == 422
    errors = response.json()["formErrors"]
    assert set(errors) == {"results[0].baseline", "results[0].targetValue", "results[0].periodNumber",
                           "results[0].programmeResultIndicatorId", "results[0].description.language.en"}
    assert errors["results[0].description.language.en"]["i18nArguments"] == {"actualLength": "1001",
                                                                             "requiredLength": "1000"}
    too_many = client.put(url(project), [item() for _ in range(21)])
    assert too_many.status_code == 422 and too_many.json()["i18nMessage"]["i18nKey"] == (
        "project.results.max.allowed.count.reached")
    assert client.put(url(project), [{"baseline": 0}]).status_code == 400  # resultNumber, deactivated missing
    assert client.put(url(project), [item(baseline="abc")]).status_code == 400
    assert client.put(url(project), {"not": "a list"}).status_code == 400
    assert client.put(url(project), [item(baseline=1e20)]).status_code == 422
    assert client.put(url(project), [item(programmeResultIndicatorId=2**70)]).status_code in (400, 422)
    assert not ProjectResult.objects.exists()


def test_refusals(api_as, applicant, project, stranger, viewer):
    api_as(applicant).put(url(project), [item()])
    assert api_as(stranger).get(url(project)).status_code == 404
    assert api_as(stranger).put(url(project), [item()]).status_code == 404
    assert api_as(stranger).get(url(project, "/indicatorsOverview")).status_code == 404
    assert api_as(viewer).get(url(project)).status_code == 200
    assert api_as(viewer).put(url(project), []).status_code == 403
    assert api_as(None).get(url(project)).status_code == 401
    assert api_as(applicant).get("/api/project/999999/result").status_code == 404
    Project.objects.filter(pk=project.pk).update(status="SUBMITTED")
    refused = api_as(applicant).put(url(project), [])
    assert refused.status_code == 422 and refused.json()["i18nMessage"]["i18nKey"] == "project.status.not.modifiable"
    assert ProjectResult.objects.count() == 1


def test_versions(api_as, applicant, project, indicators):
    client = api_as(applicant)
    client.put(url(project), [item(programmeResultIndicatorId=indicators[0].pk, targetValue=4)])
    create_version(actor=applicant, project=project)
    client.put(url(project), [])
    assert client.get(url(project)).json() == []
    old = client.get(url(project, "?version=1.0")).json()
    assert old[0]["targetValue"] == 4 and old[0]["programmeResultIndicatorIdentifier"] == "R1"
    assert client.get(url(project, "?version=7.0")).status_code == 404
    assert client.get(url(project, "/indicatorsOverview?version=1.0")).json()[0]["resultIndicatorTargetValueSumUp"] == 4


def add_outputs(project, output_indicators):
    """WP1: O1 target 3 and O3 target 5; WP2: O1 target 2.5 and an output without indicator."""
    wp1 = WorkPackage.objects.create(project=project, number=1)
    wp2 = WorkPackage.objects.create(project=project, number=2)
    Output.objects.create(work_package=wp1, number=1, title={"EN": "Pilot in Linz"},
                          programme_output_indicator=output_indicators[0], target_value=Decimal("3"))
    Output.objects.create(work_package=wp1, number=2, title={"EN": "Fair"},
                          programme_output_indicator=output_indicators[2], target_value=Decimal("5"))
    Output.objects.create(work_package=wp2, number=1, title={"EN": "Pilot in Ulm"},
                          programme_output_indicator=output_indicators[0], target_value=Decimal("2.5"))
    Output.objects.create(work_package=wp2, number=2, title={}, target_value=None)


def test_indicators_overview(api_as, applicant, project, indicators, output_indicators):
    client = api_as(applicant)
    add_outputs(project, output_indicators)
    client.put(url(project), [item(programmeResultIndicatorId=indicators[0].pk, baseline=1, targetValue=4),
                              item(programmeResultIndicatorId=indicators[0].pk, baseline=2, targetValue=6),
                              item(programmeResultIndicatorId=indicators[1].pk, baseline=0, targetValue=9),
                              item(targetValue=1)])
    response = client.get(url(project, "/indicatorsOverview"))
    assert response.status_code == 200
    lines = response.json()
    assert [(line["resultIndicatorIdentifier"], line["outputIndicatorIdentifier"], line["projectOutputNumber"])
            for line in lines] == [("R1", "O1", "1.1"), ("R1", "O1", "2.1"), ("R2", None, None),
                                   (None, "O3", "1.2"), (None, None, "2.2"), (None, None, None)]
    first = lines[0]
    assert first == {
        "outputIndicatorId": output_indicators[0].pk, "outputIndicatorCode": "RCO84",
        "outputIndicatorIdentifier": "O1", "outputIndicatorName": [{"language": "EN", "translation": "Pilot actions"}],
        "outputIndicatorMeasurementUnit": [{"language": "EN", "translation": "pilots"}],
        "outputIndicatorTargetValueSumUp": 5.5, "projectOutputNumber": "1.1",
        "projectOutputTitle": [{"language": "EN", "translation": "Pilot in Linz"}], "projectOutputTargetValue": 3,
        "resultIndicatorId": indicators[0].pk, "resultIndicatorCode": "RCR104", "resultIndicatorIdentifier": "R1",
        "resultIndicatorName": [{"language": "EN", "translation": "Solutions taken up"}],
        "resultIndicatorMeasurementUnit": [{"language": "EN", "translation": "solutions"}],
        "resultIndicatorBaseline": [1, 2], "resultIndicatorTargetValueSumUp": 10, "onlyResultWithoutOutputs": False}
    only_result = lines[2]
    assert only_result["onlyResultWithoutOutputs"] is True and only_result["resultIndicatorTargetValueSumUp"] == 9
    assert only_result["outputIndicatorName"] is None and only_result["projectOutputTitle"] is None
    assert only_result["resultIndicatorBaseline"] == [0]
    events = lines[3]
    assert events["outputIndicatorTargetValueSumUp"] == 5 and events["resultIndicatorId"] is None
    assert events["resultIndicatorBaseline"] == [] and events["resultIndicatorTargetValueSumUp"] == 0
    no_indicator = lines[4]
    assert no_indicator["outputIndicatorTargetValueSumUp"] is None and no_indicator["projectOutputTitle"] == []
    without = lines[5]
    assert without["onlyResultWithoutOutputs"] is True and without["resultIndicatorTargetValueSumUp"] == 1


def test_query_counts(api_as, applicant, project, indicators, output_indicators):
    client = api_as(applicant)

    def fill(n):
        ProjectResult.objects.all().delete()
        WorkPackage.objects.all().delete()
        ProjectResult.objects.bulk_create([ProjectResult(project=project, number=i + 1, target_value=i,
                                                         programme_result_indicator=indicators[i % 3])
                                           for i in range(n)])
        packages = WorkPackage.objects.bulk_create([WorkPackage(project=project, number=i + 1) for i in range(n)])
        Output.objects.bulk_create([Output(work_package=wp, number=1, target_value=1,
                                           programme_output_indicator=output_indicators[i % 3])
                                    for i, wp in enumerate(packages)])

    counts = {}
    for n in (10, 200):
        fill(n)
        client.get(url(project))
        for tail in ("", "/indicatorsOverview"):
            with CaptureQueriesContext(connection) as queries:
                response = client.get(url(project, tail))
            assert response.status_code == 200 and len(response.json()) >= min(n, 20)
            counts[(n, tail)] = len(queries)
    assert counts[(10, "")] == counts[(200, "")]
    assert counts[(10, "/indicatorsOverview")] == counts[(200, "/indicatorsOverview")]
