"""Demo data: three partners of the demo application "DANUBE-ADAPT" (a lead city, a university and a regional
agency) with addresses, contacts and motivation, their state-aid self-checks, and the demo applicant in the lead
partner's team. Idempotent: partners are added only to a project without partners, a self-check only where none
exists and the team only when it is empty."""

from importlib import import_module
from importlib.util import find_spec

from django.db import transaction

from jems.accounts.models import User
from jems.projects.demo import ACRONYM, APPLICANT
from jems.projects.models import Project

from . import services, state_aid, teams
from .models import PartnerCollaborator, PartnerRole, PartnerStateAid, ProjectPartner

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


# The self-checks: abbreviation → (the four answers, the justification of the first one)
SELF_CHECKS = {
    "ULM": ((False, False, False, False), "The city acts as a public authority and offers nothing on a market."),
    "BOKU": ((True, False, False, False), "Research results are published openly; no undertaking gets an advantage."),
    "RDA-NV": ((True, True, False, False), "Advisory services to local companies are free of charge but open to all "
                                           "companies of the region on equal terms."),
}


def _work_plan(stdout) -> None:
    """The work-plan demo (if installed) runs before the self-checks so that relevant activities exist; it is
    idempotent, so its own later run changes nothing."""
    name = "jems.projects.workpackages.demo"
    if find_spec(name):
        import_module(name).load(stdout)


def _self_checks(applicant, project) -> None:
    from jems.programme.models import StateAid

    scheme = StateAid.objects.order_by("id").first()
    for partner in ProjectPartner.objects.filter(project=project, abbreviation__in=SELF_CHECKS):
        if PartnerStateAid.objects.filter(partner=partner).exists():
            continue
        answers, justification = SELF_CHECKS[partner.abbreviation]
        activities = [a.pk for a in state_aid.selectable_activities(partner.pk)][:2]
        state_aid.update_state_aid(actor=applicant, partner_id=partner.pk, data=state_aid.StateAidData(
            answers=dict(enumerate(answers, start=1)), justifications={1: {"EN": justification}},
            activity_ids=activities, state_aid_id=scheme.pk if scheme and any(answers) else None))


def _lead_team(applicant, project) -> None:
    lead = ProjectPartner.objects.filter(project=project, role=PartnerRole.LEAD_PARTNER).first()
    if lead is not None and not PartnerCollaborator.objects.filter(partner=lead).exists():
        teams.update_partner_collaborators(actor=applicant, project_id=project.pk, partner_id=lead.pk,
                                           members=[teams.TeamMember(email=applicant.email, level="EDIT", gdpr=True)])


def load(stdout) -> None:
    applicant = User.objects.filter(email__iexact=APPLICANT).first()
    project = Project.objects.filter(acronym=ACRONYM).order_by("id").first()
    if applicant is None or project is None:
        stdout.write("Demo partners skipped (no demo application).")
        return
    if not ProjectPartner.objects.filter(project=project).exists():
        _partners(applicant, project, stdout)
    _work_plan(stdout)
    with transaction.atomic():
        _self_checks(applicant, project)
        _lead_team(applicant, project)


def _partners(applicant, project, stdout) -> None:
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
