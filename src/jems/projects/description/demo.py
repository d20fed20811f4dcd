"""Demo data: section C (C.1, C.2 with a row in each table, C.3, C.7, C.8) of the demo application
"DANUBE-ADAPT", in English. Idempotent: a project that already has its description is left as it is."""

from django.db import transaction

from jems.projects.demo import ACRONYM
from jems.projects.models import Project

from . import services
from .models import ProjectDescription


def load(stdout) -> None:
    project = Project.objects.filter(acronym=ACRONYM).select_related("applicant").first()
    if project is None or project.applicant is None:
        stdout.write("Demo description skipped (no demo application).")
        return
    if ProjectDescription.objects.filter(project=project).exists():
        return
    actor, pid = project.applicant, project.pk
    with transaction.atomic():
        services.update_overall_objective(actor=actor, project_id=pid, data={"overallObjective": {
            "EN": "Make six Danube river towns safer from floods with nature-based protection and shared warnings."}})
        services.update_relevance(actor=actor, project_id=pid, data={
            "territorialChallenge": {"EN": "Floods along the Danube have doubled in twenty years."},
            "commonChallenge": {"EN": "Towns replace concrete walls by flood meadows planned together."},
            "transnationalCooperation": {"EN": "A flood does not stop at the border; warnings must not either."},
            "projectBenefits": [{"group": "LocalPublicAuthority", "specification": {
                "EN": "Town halls plan flood meadows with the tested method."}}],
            "projectStrategies": [{"strategy": "Other", "specification": {"EN": "Regional climate plans."}}],
            "projectSynergies": [{"synergy": {"EN": "Earlier river restoration projects"},
                                  "specification": {"EN": "Their maps are reused."}}],
            "availableKnowledge": {"EN": "Builds on the flood maps of the river basin commission."}})
        services.update_partnership(actor=actor, project_id=pid, data={"partnership": {
            "EN": "Six towns, two regions and a university cover the whole river stretch."}})
        services.update_management(actor=actor, project_id=pid, data={
            "projectCoordination": {"EN": "A steering group of all partners meets every quarter."},
            "projectQualityAssurance": {"EN": "An external reviewer checks every pilot."},
            "projectCommunication": {"EN": "Each town informs its residents before every pilot."},
            "projectFinancialManagement": {"EN": "The lead partner's finance unit consolidates reports."},
            "projectCooperationCriteria": {"projectJointDevelopment": True, "projectJointImplementation": True},
            "projectJointDevelopmentDescription": {"EN": "The pilots were designed together."},
            "projectJointImplementationDescription": {"EN": "Partners run the pilots side by side."},
            "projectHorizontalPrinciples": {"sustainableDevelopmentCriteriaEffect": "PositiveEffects",
                                            "equalOpportunitiesEffect": "Neutral",
                                            "sexualEqualityEffect": "Neutral"}})
        services.update_long_term_plans(actor=actor, project_id=pid, data={
            "projectOwnership": {"EN": "The towns own the meadows."},
            "projectDurability": {"EN": "Maintenance is part of the town budgets."},
            "projectTransferability": {"EN": "The method is published as an open guide."}})
    stdout.write(f"Demo description filled: {ACRONYM}")
