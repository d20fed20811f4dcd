"""C.4 services: work packages, activities, outputs, investments with their rules, limits and refusals."""

from decimal import Decimal

import pytest

from jems.core.errors import Forbidden, NotFound, ValidationFailed
from jems.nuts.models import NutsRegion
from jems.projects import services as project_services
from jems.projects.models import ApplicationStatus, Project
from jems.projects.workpackages import queries, services
from jems.projects.workpackages.models import Activity, Deliverable, Investment, WorkPackage

pytestmark = pytest.mark.django_db


def create(user, project, name="Pilots"):
    return services.create_work_package(actor=user, project_id=project.pk, data={"name": {"EN": name}})


def plan(user, project):
    return queries.work_packages(actor=user, project_id=project.pk)[2]


def test_work_packages_create_update_delete_renumber(applicant, plan_project):
    first = create(applicant, plan_project, "Management")
    second = create(applicant, plan_project, "Pilots")
    third = create(applicant, plan_project, "Transfer")
    assert [wp.number for wp in (first, second, third)] == [1, 2, 3]
    services.update_work_package(actor=applicant, project_id=plan_project.pk, work_package_id=second.pk, data={
        "name": {"EN": "Pilot actions"}, "specificObjective": {"EN": "Test meadows"},
        "objectiveAndAudience": {"EN": "Town halls"}})
    services.delete_work_package(actor=applicant, project_id=plan_project.pk, work_package_id=first.pk)
    rows = plan(applicant, plan_project)
    assert [(wp["number"], wp["name"]) for wp in rows] == [(1, {"EN": "Pilot actions"}), (2, {"EN": "Transfer"})]
    assert rows[0]["specificObjective"] == {"EN": "Test meadows"}


def test_work_package_texts_and_limit(applicant, plan_project):
    with pytest.raises(ValidationFailed) as error:
        services.create_work_package(actor=applicant, project_id=plan_project.pk,
                                     data={"name": {"EN": "x" * 101}, "specificObjective": {"FR": "y"}})
    assert set(error.value.form_errors) == {"name.language.en", "specificObjective.language.fr"}
    WorkPackage.objects.bulk_create([WorkPackage(project=plan_project, number=n) for n in range(1, 21)])
    with pytest.raises(ValidationFailed) as error:
        create(applicant, plan_project)
    assert error.value.key == "project.workPackage.max.allowed.reached"


def test_refusals(applicant, viewer, stranger, plan_project):
    wp = create(applicant, plan_project)
    with pytest.raises(NotFound):
        create(stranger, plan_project)
    with pytest.raises(NotFound):
        services.update_activities(actor=stranger, project_id=plan_project.pk, work_package_id=wp.pk, activities=[])
    with pytest.raises(Forbidden):
        create(viewer, plan_project)
    with pytest.raises(NotFound):
        services.update_outputs(actor=applicant, project_id=plan_project.pk, work_package_id=999999, outputs=[])
    other = project_services.create_project(actor=stranger, call_id=plan_project.call_id, acronym="OTHER")
    with pytest.raises(NotFound):  # a work package of another project
        services.update_work_package(actor=stranger, project_id=other.pk, work_package_id=wp.pk, data={})
    Project.objects.filter(pk=plan_project.pk).update(status=ApplicationStatus.SUBMITTED)
    with pytest.raises(ValidationFailed) as error:
        create(applicant, plan_project)
    assert error.value.key == "project.status.not.modifiable"


def test_delete_and_deactivate_depend_on_contracting(applicant, plan_project):
    wp = create(applicant, plan_project)
    with pytest.raises(ValidationFailed) as error:
        services.deactivate_work_package(actor=applicant, project_id=plan_project.pk, work_package_id=wp.pk)
    assert error.value.key == "project.workPackage.deactivate.not.contracted"
    Project.objects.filter(pk=plan_project.pk).update(status=ApplicationStatus.IN_MODIFICATION)
    with pytest.raises(ValidationFailed) as error:
        services.delete_work_package(actor=applicant, project_id=plan_project.pk, work_package_id=wp.pk)
    assert error.value.key == "project.workPackage.delete.contracted"
    services.deactivate_work_package(actor=applicant, project_id=plan_project.pk, work_package_id=wp.pk)
    assert WorkPackage.objects.get(pk=wp.pk).deactivated is True
    with pytest.raises(ValidationFailed):
        services.deactivate_work_package(actor=applicant, project_id=plan_project.pk, work_package_id=wp.pk)


def activity(partner_ids=(), **extra):
    return {"title": {"EN": "Map the meadows"}, "description": {"EN": "Survey"}, "startPeriod": 1, "endPeriod": 2,
            "partnerIds": list(partner_ids),
            "deliverables": [{"title": {"EN": "Map"}, "description": {"EN": "GIS"}, "period": 2}], **extra}


def test_activities_replace_keep_ids_and_partners(applicant, plan_project, partners):
    wp = create(applicant, plan_project)
    services.update_activities(actor=applicant, project_id=plan_project.pk, work_package_id=wp.pk, activities=[
        activity([partners[0].pk, partners[1].pk]), activity(title={"EN": "Second"})])
    first = plan(applicant, plan_project)[0]["activities"]
    assert [a["activityNumber"] for a in first] == [1, 2] and first[0]["partnerIds"] == sorted(p.pk for p in partners)
    assert first[0]["deliverables"][0]["deliverableNumber"] == 1 and first[0]["deliverables"][0]["period"] == 2
    kept = first[1]
    services.update_activities(actor=applicant, project_id=plan_project.pk, work_package_id=wp.pk, activities=[
        {**activity(), "id": kept["id"], "title": {"EN": "Kept"},
         "deliverables": [{"deliverableId": kept["deliverables"][0]["deliverableId"], "title": {"EN": "Same"},
                           "period": 1}, {"title": {"EN": "New"}}]}])
    after = plan(applicant, plan_project)[0]["activities"]
    assert len(after) == 1 and after[0]["id"] == kept["id"] and after[0]["activityNumber"] == 1
    assert [d["deliverableId"] == kept["deliverables"][0]["deliverableId"] for d in after[0]["deliverables"]] == [
        True, False]
    assert Activity.objects.count() == 1 and Deliverable.objects.count() == 2


def test_activity_rules(applicant, stranger, plan_project, partners):
    wp = create(applicant, plan_project)
    other = project_services.create_project(actor=stranger, call_id=plan_project.call_id, acronym="OTHER")
    from jems.projects.partners.models import ProjectPartner

    foreign = ProjectPartner.objects.create(project=other, role="LEAD_PARTNER", abbreviation="X", sort_number=1)
    with pytest.raises(ValidationFailed) as error:
        services.update_activities(actor=applicant, project_id=plan_project.pk, work_package_id=wp.pk, activities=[
            activity([foreign.pk], startPeriod=3, endPeriod=2,
                     deliverables=[{"period": 5, "title": {"EN": "x" * 101}}]),
            activity(startPeriod=0)])
    assert set(error.value.form_errors) == {
        "activities[0].partnerIds", "activities[0].endPeriod", "activities[0].deliverables[0].period",
        "activities[0].deliverables[0].title.language.en", "activities[1].startPeriod"}
    with pytest.raises(ValidationFailed) as error:
        services.update_activities(actor=applicant, project_id=plan_project.pk, work_package_id=wp.pk,
                                   activities=[activity()] * 21)
    assert error.value.key == "project.workPackage.activity.max.allowed.reached"
    with pytest.raises(ValidationFailed) as error:
        services.update_activities(actor=applicant, project_id=plan_project.pk, work_package_id=wp.pk,
                                   activities=[activity(deliverables=[{}] * 21)])
    assert "activities[0].deliverables" in error.value.form_errors
    services.update_activities(actor=applicant, project_id=plan_project.pk, work_package_id=wp.pk,
                               activities=[activity(deliverables=[{}] * 20)] * 20)
    assert Deliverable.objects.count() == 400


def test_activities_of_contracted_project_are_kept(applicant, plan_project):
    wp = create(applicant, plan_project)
    services.update_activities(actor=applicant, project_id=plan_project.pk, work_package_id=wp.pk,
                               activities=[activity()])
    Project.objects.filter(pk=plan_project.pk).update(status=ApplicationStatus.IN_MODIFICATION)
    with pytest.raises(ValidationFailed) as error:
        services.update_activities(actor=applicant, project_id=plan_project.pk, work_package_id=wp.pk, activities=[])
    assert error.value.key == "project.workPackage.activity.delete.contracted"
    saved = plan(applicant, plan_project)[0]["activities"][0]
    services.update_activities(actor=applicant, project_id=plan_project.pk, work_package_id=wp.pk, activities=[
        {**activity(), "id": saved["id"], "deactivated": True,
         "deliverables": [{**saved["deliverables"][0], "deactivated": True}]}])
    again = plan(applicant, plan_project)[0]["activities"][0]
    assert again["deactivated"] is True and again["deliverables"][0]["deactivated"] is True


def output(indicator, **extra):
    return {"title": {"EN": "Pilot meadows"}, "programmeOutputIndicatorId": indicator.pk,
            "targetValue": Decimal("6.5"), "periodNumber": 4, **extra}


def test_outputs(applicant, plan_project, indicator):
    wp = create(applicant, plan_project)
    services.update_outputs(actor=applicant, project_id=plan_project.pk, work_package_id=wp.pk,
                            outputs=[output(indicator), output(indicator, targetValue=None, periodNumber=None)])
    rows = plan(applicant, plan_project)[0]["outputs"]
    assert rows[0]["targetValue"] == "6.50" and rows[0]["programmeOutputIndicatorIdentifier"] == "OI1"
    assert rows[1]["outputNumber"] == 2 and rows[1]["targetValue"] is None
    with pytest.raises(ValidationFailed) as error:
        services.update_outputs(actor=applicant, project_id=plan_project.pk, work_package_id=wp.pk, outputs=[
            output(indicator, programmeOutputIndicatorId=999999), output(indicator, targetValue="1.234"),
            output(indicator, targetValue="-1"), output(indicator, periodNumber=5),
            output(indicator, targetValue="abc"), output(indicator, targetValue="1e20")])
    assert set(error.value.form_errors) == {
        "outputs[0].programmeOutputIndicatorId", "outputs[1].targetValue", "outputs[2].targetValue",
        "outputs[3].periodNumber", "outputs[4].targetValue", "outputs[5].targetValue"}
    assert error.value.form_errors["outputs[1].targetValue"]["i18nKey"] == \
        "project.workPackage.output.target.value.decimals"
    with pytest.raises(ValidationFailed) as error:
        services.update_outputs(actor=applicant, project_id=plan_project.pk, work_package_id=wp.pk,
                                outputs=[output(indicator)] * 11)
    assert error.value.key == "project.workPackage.output.max.allowed.reached"
    assert len(plan(applicant, plan_project)[0]["outputs"]) == 2  # nothing changed


def investment(**extra):
    return {"title": {"EN": "Flood meadow"}, "expectedDeliveryPeriod": 3, "risk": {"EN": "Low"},
            "address": {"countryCode": "AT", "region2Code": "AT13", "city": "Wien", "street": "Ring"}, **extra}


@pytest.fixture
def nuts(db):
    for code, name, level in (("AT", "Österreich", 0), ("AT13", "Wien", 2), ("DE11", "Stuttgart", 2)):
        NutsRegion.objects.update_or_create(code=code, defaults={"name": name, "level": level})


def test_investments(applicant, plan_project, nuts):
    wp = create(applicant, plan_project)
    first = services.add_investment(actor=applicant, project_id=plan_project.pk, work_package_id=wp.pk,
                                    data=investment())
    second = services.add_investment(actor=applicant, project_id=plan_project.pk, work_package_id=wp.pk,
                                     data=investment(title={"EN": "Dyke"}))
    assert (first.number, second.number) == (1, 2) and first.nuts_region2_code == "AT13"
    services.update_investment(actor=applicant, project_id=plan_project.pk, work_package_id=wp.pk,
                               investment_id=second.pk, data=investment(title={"EN": "Green dyke"}))
    services.delete_investment(actor=applicant, project_id=plan_project.pk, work_package_id=wp.pk,
                               investment_id=first.pk)
    rows = plan(applicant, plan_project)[0]["investments"]
    assert [(i["investmentNumber"], i["title"]) for i in rows] == [(1, {"EN": "Green dyke"})]
    assert rows[0]["address"]["city"] == "Wien" and rows[0]["address"]["postalCode"] is None
    with pytest.raises(ValidationFailed) as error:
        services.add_investment(actor=applicant, project_id=plan_project.pk, work_package_id=wp.pk, data=investment(
            expectedDeliveryPeriod=9, title={"EN": "x" * 51},
            address={"countryCode": "AT", "region2Code": "DE11", "city": "c" * 51}))
    assert set(error.value.form_errors) == {"expectedDeliveryPeriod", "title.language.en", "address.region2Code",
                                            "address.city"}
    Investment.objects.bulk_create([Investment(work_package=wp, number=n) for n in range(2, 21)])
    with pytest.raises(ValidationFailed) as error:
        services.add_investment(actor=applicant, project_id=plan_project.pk, work_package_id=wp.pk, data={})
    assert error.value.key == "project.workPackage.investment.max.allowed.reached"
    with pytest.raises(NotFound):
        services.delete_investment(actor=applicant, project_id=plan_project.pk, work_package_id=wp.pk,
                                   investment_id=first.pk)


def test_investments_of_contracted_project(applicant, plan_project):
    wp = create(applicant, plan_project)
    row = services.add_investment(actor=applicant, project_id=plan_project.pk, work_package_id=wp.pk,
                                  data=investment(address={}))
    Project.objects.filter(pk=plan_project.pk).update(status=ApplicationStatus.IN_MODIFICATION)
    with pytest.raises(ValidationFailed) as error:
        services.delete_investment(actor=applicant, project_id=plan_project.pk, work_package_id=wp.pk,
                                   investment_id=row.pk)
    assert error.value.key == "project.workPackage.investment.delete.contracted"
    services.update_investment(actor=applicant, project_id=plan_project.pk, work_package_id=wp.pk,
                               investment_id=row.pk, data=investment(address={}, deactivated=True))
    assert Investment.objects.get(pk=row.pk).deactivated is True


def test_versions_freeze_the_plan(applicant, plan_project, indicator):
    wp = create(applicant, plan_project, "Frozen")
    services.update_outputs(actor=applicant, project_id=plan_project.pk, work_package_id=wp.pk,
                            outputs=[output(indicator)])
    project_services.create_version(actor=applicant, project=plan_project)
    services.update_work_package(actor=applicant, project_id=plan_project.pk, work_package_id=wp.pk,
                                 data={"name": {"EN": "Live"}})
    frozen = queries.work_packages(actor=applicant, project_id=plan_project.pk, version="1.0")[2]
    assert frozen[0]["name"] == {"EN": "Frozen"} and frozen[0]["outputs"][0]["targetValue"] == "6.50"
    assert plan(applicant, plan_project)[0]["name"] == {"EN": "Live"}
