"""Demo data: two annexes of the demo application "DANUBE-ADAPT" (a letter of support for the application and
a lead-partner statute). Idempotent: nothing is added when the project has annexes."""

from django.core.files.base import ContentFile
from django.db import transaction

from jems.accounts.models import User
from jems.projects.demo import ACRONYM, APPLICANT
from jems.projects.models import Project
from jems.projects.partners.models import ProjectPartner

from . import services
from .models import FileCategory, ProjectFile


def load(stdout) -> None:
    applicant = User.objects.filter(email__iexact=APPLICANT).first()
    project = Project.objects.filter(acronym=ACRONYM).order_by("id").first()
    if applicant is None or project is None:
        stdout.write("Demo annexes skipped (no demo application).")
        return
    if ProjectFile.objects.filter(project=project).exists():
        return
    lead = ProjectPartner.objects.filter(project=project).order_by("sort_number").first()
    with transaction.atomic():
        services.upload(actor=applicant, project_id=project.pk, category=FileCategory.APPLICATION,
                        upload=ContentFile(b"Letter of support from the Danube river basin commission.\n",
                                           name="letter-of-support.txt"),
                        description="Letter of support of the river basin commission")
        if lead is not None:
            services.upload(actor=applicant, project_id=project.pk, category=FileCategory.PARTNER,
                            partner_id=lead.pk, upload=ContentFile(b"Statute of the lead partner.\n",
                                                                   name="statute.txt"),
                            description="Statute of the lead partner")
    stdout.write(f"Demo annexes uploaded for {ACRONYM}.")
