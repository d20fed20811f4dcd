"""Demo data: two associated organisations of the demo application "DANUBE-ADAPT", linked to its lead partner
and to the university. Idempotent: nothing is added when the project already has associated organisations."""

from django.db import transaction

from jems.accounts.models import User
from jems.projects.demo import ACRONYM, APPLICANT
from jems.projects.models import Project
from jems.projects.partners.models import ProjectPartner
from jems.projects.partners.services import AddressData, ContactData

from . import services
from .models import AssociatedOrganization

ORGANIZATIONS = (
    ("ULM", services.OrganizationData(
        name_in_original_language="Feuerwehr Ulm", name_in_english="Ulm Fire Brigade",
        address=AddressData(type="", country="Deutschland (DE)", country_code="DE", street="Magirusstraße",
                            house_number="12", postal_code="89077", city="Ulm"),
        contacts=[ContactData(type="ContactPerson", first_name="Markus", last_name="Brandt",
                              email="m.brandt@feuerwehr-ulm.example.org")],
        role_description={"EN": "Tests the early-warning service during the flood drills."})),
    ("BOKU", services.OrganizationData(
        name_in_original_language="Österreichischer Wasser- und Abfallwirtschaftsverband",
        name_in_english="Austrian Water and Waste Management Association",
        address=AddressData(type="", country="Österreich (AT)", country_code="AT", city="Wien"),
        role_description={"EN": "Disseminates the results to water utilities."})),
)


def load(stdout) -> None:
    applicant = User.objects.filter(email__iexact=APPLICANT).first()
    project = Project.objects.filter(acronym=ACRONYM).order_by("id").first()
    if applicant is None or project is None:
        stdout.write("Demo associated organisations skipped (no demo application).")
        return
    if AssociatedOrganization.objects.filter(project=project).exists():
        return
    partners = dict(ProjectPartner.objects.filter(project=project).values_list("abbreviation", "id"))
    with transaction.atomic():
        for abbreviation, data in ORGANIZATIONS:
            if abbreviation not in partners:
                continue
            data.partner_id = partners[abbreviation]
            services.create_organization(actor=applicant, project_id=project.pk, data=data)
    stdout.write(f"Demo associated organisations created for {ACRONYM}.")
