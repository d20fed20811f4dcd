"""Demo data: three partners of the demo application "DANUBE-ADAPT" (a lead city, a university and a regional
agency) with addresses, contacts and motivation. Idempotent: nothing is added when the project has partners."""

from django.db import transaction

from jems.accounts.models import User
from jems.projects.demo import ACRONYM, APPLICANT
from jems.projects.models import Project

from . import services
from .models import PartnerRole, ProjectPartner

PARTNERS = (
    (services.PartnerIdentity(
        abbreviation="ULM", role=PartnerRole.LEAD_PARTNER, name_in_original_language="Stadt Ulm",
        name_in_english="City of Ulm", department={"EN": "Department of urban green", "DE": "Grünflächenamt"},
        partner_type="LocalPublicAuthority", nace="O_84_1", vat="DE811116123", vat_recovery="No"),
     services.AddressData(type="Organization", country="Deutschland (DE)", country_code="DE", street="Marktplatz",
                          house_number="1", postal_code="89073", city="Ulm", homepage="https://ulm.example.org"),
     services.ContactData(type="ContactPerson", title="Dr.", first_name="Lena", last_name="Hofer",
                          email="lena.hofer@ulm.example.org", telephone="+49-731-1610")),
    (services.PartnerIdentity(
        abbreviation="BOKU", role=PartnerRole.PARTNER,
        name_in_original_language="Universität für Bodenkultur Wien",
        name_in_english="University of Natural Resources and Life Sciences, Vienna",
        partner_type="HigherEducationOrganisations", nace="P_85_4", vat_recovery="Partly"),
     services.AddressData(type="Organization", country="Österreich (AT)", country_code="AT", street="Gregor-Mendel-Straße",
                          house_number="33", postal_code="1180", city="Wien"),
     services.ContactData(type="ContactPerson", first_name="Tobias", last_name="Gruber",
                          email="t.gruber@boku.example.org", telephone="+43-1-47654")),
    (services.PartnerIdentity(
        abbreviation="RDA-NV", role=PartnerRole.PARTNER, name_in_original_language="Regionalna razvojna agencija",
        name_in_english="Regional Development Agency Novi Sad", partner_type="SectoralAgency", nace="O_84_1"),
     services.AddressData(type="Organization", country="Srbija (RS)", country_code="RS", city="Novi Sad"),
     services.ContactData(type="LegalRepresentative", first_name="Jelena", last_name="Petrović",
                          email="jelena.petrovic@rda.example.org")),
)


def load(stdout) -> None:
    applicant = User.objects.filter(email__iexact=APPLICANT).first()
    project = Project.objects.filter(acronym=ACRONYM).order_by("id").first()
    if applicant is None or project is None:
        stdout.write("Demo partners skipped (no demo application).")
        return
    if ProjectPartner.objects.filter(project=project).exists():
        return
    with transaction.atomic():
        for identity, address, contact in PARTNERS:
            partner = services.create_partner(actor=applicant, project_id=project.pk, data=identity)
            services.update_addresses(actor=applicant, partner_id=partner.pk, addresses=[address])
            services.update_contacts(actor=applicant, partner_id=partner.pk, contacts=[contact])
            services.update_motivation(
                actor=applicant, partner_id=partner.pk,
                relevance={"EN": f"{identity.name_in_english} brings long experience with river-town flooding."},
                role={"EN": "Leads the pilot actions." if identity.role == PartnerRole.LEAD_PARTNER
                      else "Contributes to the joint early-warning service."},
                experience={"EN": "Took part in two Interreg projects."})
    stdout.write(f"Demo partners created for {ACRONYM}.")
