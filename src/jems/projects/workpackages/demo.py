"""Demo data: the C.4 work plan of the demo application "DANUBE-ADAPT": two work packages with activities,
deliverables (partners involved from the demo partners), outputs measured by demo output indicators and one
investment. Idempotent: a project that already has work packages is left as it is."""

from decimal import Decimal

from django.db import transaction

from jems.nuts.models import NutsRegion
from jems.priorities.models import OutputIndicator
from jems.projects.demo import ACRONYM
from jems.projects.models import Project
from jems.projects.partners.models import ProjectPartner

from . import services
from .models import WorkPackage

PLAN = (
    ({"name": {"EN": "Flood meadow pilots"},
      "specificObjective": {"EN": "Test nature-based flood protection in three river towns."},
      "objectiveAndAudience": {"EN": "Show residents and town halls how flood meadows protect their streets."}},
     [({"EN": "Plan the flood meadows"}, {"EN": "Survey the sites and design the meadows with the residents."},
       1, 2, ("ULM", "BOKU"), [({"EN": "Site survey report"}, {"EN": "Soil and water survey of three sites."}, 1),
                               ({"EN": "Meadow designs"}, {"EN": "Designs approved by the town councils."}, 2)]),
      ({"EN": "Build the pilot meadows"}, {"EN": "Turn three riverside plots into flood meadows."}, 3, 4, ("ULM",),
       [({"EN": "Three pilot meadows"}, {"EN": "Meadows ready for the spring floods."}, 4)])],
     [({"EN": "Flood meadow pilot actions"}, {"EN": "Pilots tested in Ulm, Vienna and Novi Sad."}, "O2.1", "3", 4)],
     True),
    ({"name": {"EN": "Joint early-warning service"},
      "specificObjective": {"EN": "Share flood warnings across the borders within minutes."},
      "objectiveAndAudience": {"EN": "Inform civil protection services and residents along the river."}},
     [({"EN": "Connect the gauges"}, {"EN": "Link the gauges of all regions to one warning service."}, 2, 5,
       ("BOKU", "RDA-NV"), [({"EN": "Warning service online"}, {"EN": "The joint service in operation."}, 5)])],
     [({"EN": "Joint flood action plan"}, {"EN": "An action plan signed by all regions."}, "O2.2", "1", 5)],
     False),
)
INVESTMENT = {
    "title": {"EN": "Flood meadow Ulm"}, "expectedDeliveryPeriod": 4,
    "justificationExplanation": {"EN": "The riverside plot floods every spring and needs reshaping."},
    "justificationTransactionalRelevance": {"EN": "The meadow protects the towns downstream too."},
    "justificationBenefits": {"EN": "Residents of the old town and the farmers upstream."},
    "justificationPilot": {"EN": "The first meadow of the pilot series."},
    "risk": {"EN": "Delays in the building permit."},
    "documentation": {"EN": "Water-law permit requested in period 2."},
    "documentationExpectedImpacts": {"EN": "Lower flood peaks, more habitats."},
    "ownershipSiteLocation": {"EN": "The City of Ulm."}, "ownershipRetain": {"EN": "The City of Ulm."},
    "ownershipMaintenance": {"EN": "The urban green department."},
}


def _address() -> dict:
    codes = set(NutsRegion.objects.filter(code__in=("DE", "DE14", "DE146")).values_list("code", flat=True))
    names = dict(NutsRegion.objects.filter(code__in=codes).values_list("code", "name"))
    address = {"street": "Donauufer", "houseNumber": "5", "postalCode": "89073", "city": "Ulm"}
    for key, code in (("country", "DE"), ("region2", "DE14"), ("region3", "DE146")):
        if code in codes:
            address.update({key: names[code], f"{key}Code": code})
    return address


def load(stdout) -> None:
    project = Project.objects.filter(acronym=ACRONYM).select_related("applicant").order_by("id").first()
    if project is None or project.applicant is None:
        stdout.write("Demo work plan skipped (no demo application).")
        return
    if WorkPackage.objects.filter(project=project).exists():
        return
    actor, pid = project.applicant, project.pk
    partners = dict(ProjectPartner.objects.filter(project=project).values_list("abbreviation", "pk"))
    indicators = dict(OutputIndicator.objects.order_by("identifier").values_list("identifier", "pk"))
    fallback = next(iter(indicators.values()), None)  # a programme without the demo indicators
    with transaction.atomic():
        for texts, activities, outputs, with_investment in PLAN:
            wp = services.create_work_package(actor=actor, project_id=pid, data=texts)
            services.update_activities(actor=actor, project_id=pid, work_package_id=wp.pk, activities=[
                {"title": title, "description": description, "startPeriod": start, "endPeriod": end,
                 "partnerIds": [partners[a] for a in involved if a in partners],
                 "deliverables": [{"title": t, "description": d, "period": p} for t, d, p in deliverables]}
                for title, description, start, end, involved, deliverables in activities])
            services.update_outputs(actor=actor, project_id=pid, work_package_id=wp.pk, outputs=[
                {"title": title, "description": description, "programmeOutputIndicatorId": indicators.get(code, fallback),
                 "targetValue": Decimal(target), "periodNumber": period}
                for title, description, code, target, period in outputs])
            if with_investment:
                services.add_investment(actor=actor, project_id=pid, work_package_id=wp.pk,
                                        data={**INVESTMENT, "address": _address()})
    stdout.write(f"Demo work plan filled: {ACRONYM} (2 work packages)")
