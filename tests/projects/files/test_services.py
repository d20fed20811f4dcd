"""Annex services: upload, description, download, delete, each audited; every refusal."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from jems.accounts.privileges import APPLICANT_USER_ROLE_ID
from jems.audit.models import AuditEvent
from jems.core.errors import Forbidden, NotFound, ValidationFailed
from jems.core.pagination import PageRequest
from jems.projects.files import queries, services
from jems.projects.files.models import FileCategory, ProjectFile
from jems.projects.models import ApplicationStatus, CollaboratorLevel, ProjectCollaborator
from jems.projects.partners.models import PartnerRole, ProjectPartner
from tests.conftest import make_user

pytestmark = pytest.mark.django_db


def upload(actor, project, name="annex.pdf", content=b"%PDF-1.4 data", category=FileCategory.APPLICATION,
           partner_id=None):
    return services.upload(actor=actor, project_id=project.pk, category=category, partner_id=partner_id,
                           upload=SimpleUploadedFile(name, content, content_type="application/pdf"))


def actions():
    return list(AuditEvent.objects.order_by("id").values_list("action", flat=True))


def test_round_trip(applicant, project):
    item = upload(applicant, project)
    assert (item.name, item.size, item.category, item.uploaded_by) == ("annex.pdf", 13, "APPLICATION", applicant)
    item = services.set_description(actor=applicant, project_id=project.pk, file_id=item.pk, description="Letter")
    assert item.description == "Letter"
    got, content = services.download(actor=applicant, project_id=project.pk, file_id=item.pk)
    assert content == b"%PDF-1.4 data" and got.pk == item.pk
    _p, items, total = queries.list_files(actor=applicant, project_id=project.pk, category="APPLICATION",
                                          page=PageRequest())
    assert total == 1 and items[0].pk == item.pk
    services.delete(actor=applicant, project_id=project.pk, file_id=item.pk)
    assert not ProjectFile.objects.exists()
    assert actions()[-4:] == ["PROJECT_FILE_UPLOADED_SUCCESSFULLY", "PROJECT_FILE_DESCRIPTION_CHANGED",
                              "PROJECT_FILE_DOWNLOADED_SUCCESSFULLY", "PROJECT_FILE_DELETED"]


def test_partner_category(applicant, project):
    partner = ProjectPartner.objects.create(project=project, role=PartnerRole.LEAD_PARTNER, abbreviation="LP",
                                            sort_number=1)
    item = upload(applicant, project, category=FileCategory.PARTNER, partner_id=partner.pk)
    assert item.partner == partner
    # the same name is allowed in another location
    upload(applicant, project)
    _p, items, total = queries.list_files(actor=applicant, project_id=project.pk, category="PARTNER",
                                          partner_id=partner.pk, page=PageRequest())
    assert total == 1
    with pytest.raises(ValidationFailed) as error:
        upload(applicant, project, category=FileCategory.PARTNER, partner_id=None)
    assert error.value.field_messages() == {"id": "project.file.partner.not.found"}


def test_refusals(applicant, project, settings):
    upload(applicant, project)
    with pytest.raises(ValidationFailed) as error:
        upload(applicant, project)
    assert error.value.field_messages() == {"file": "file.upload.message.duplicate"}
    settings.MAX_UPLOAD_FILE_SIZE_MB = 1
    with pytest.raises(ValidationFailed) as error:
        upload(applicant, project, name="big.bin", content=b"x" * (1024 * 1024 + 1))
    assert error.value.field_messages() == {"file": "project.file.size.too.big"}
    assert actions()[-1] == "PROJECT_FILE_UPLOAD_FAILED"
    with pytest.raises(ValidationFailed) as error:
        upload(applicant, project, name="inv.pdf", category=FileCategory.INVESTMENT)
    assert error.value.field_messages() == {"id": "project.file.investment.not.found"}
    with pytest.raises(ValidationFailed) as error:
        upload(applicant, project, name="x.pdf", category="OTHER")
    assert error.value.field_messages() == {"type": "project.file.category.not.supported"}
    item = ProjectFile.objects.get()
    with pytest.raises(ValidationFailed) as error:
        services.set_description(actor=applicant, project_id=project.pk, file_id=item.pk, description="d" * 251)
    assert error.value.field_messages() == {"description": "common.error.field.max.length"}


def test_view_collaborator_and_other_applicant(applicant, project):
    item = upload(applicant, project)
    viewer = make_user("viewer@example.org", APPLICANT_USER_ROLE_ID)
    ProjectCollaborator.objects.create(project=project, user=viewer, level=CollaboratorLevel.VIEW)
    # a viewer lists and downloads, but cannot upload, describe or delete
    services.download(actor=viewer, project_id=project.pk, file_id=item.pk)
    with pytest.raises(Forbidden):
        upload(viewer, project, name="other.pdf")
    with pytest.raises(Forbidden):
        services.set_description(actor=viewer, project_id=project.pk, file_id=item.pk, description="x")
    with pytest.raises(Forbidden):
        services.delete(actor=viewer, project_id=project.pk, file_id=item.pk)
    other = make_user("other@example.org", APPLICANT_USER_ROLE_ID)
    with pytest.raises(NotFound):
        queries.list_files(actor=other, project_id=project.pk, category="APPLICATION", page=PageRequest())
    with pytest.raises(NotFound):
        services.download(actor=other, project_id=project.pk, file_id=item.pk)
    with pytest.raises(NotFound):
        services.download(actor=applicant, project_id=project.pk, file_id=item.pk + 1000)


def test_not_editable_form(applicant, project):
    item = upload(applicant, project)
    project.status = ApplicationStatus.SUBMITTED
    project.save(update_fields=["status"])
    with pytest.raises(ValidationFailed):
        upload(applicant, project, name="late.pdf")
    with pytest.raises(ValidationFailed):
        services.delete(actor=applicant, project_id=project.pk, file_id=item.pk)
    # the description stays editable
    services.set_description(actor=applicant, project_id=project.pk, file_id=item.pk, description="ok")


def test_investment_category(applicant, project):
    """INVESTMENT annexes belong to one investment of the project's work plan (the API's `id`)."""
    from jems.projects.workpackages.models import Investment, WorkPackage

    wp = WorkPackage.objects.create(project=project, number=2)
    investment = Investment.objects.create(work_package=wp, number=3)
    item = upload(applicant, project, category=FileCategory.INVESTMENT, partner_id=investment.pk)
    assert item.investment == investment and item.partner is None
    upload(applicant, project)  # the same name in the application category
    _p, items, total = queries.list_files(actor=applicant, project_id=project.pk, category="INVESTMENT",
                                          partner_id=investment.pk, page=PageRequest())
    assert total == 1 and items[0].pk == item.pk
    assert AuditEvent.objects.filter(description__endswith="INVESTMENT of investment I2.3").exists()
    with pytest.raises(ValidationFailed) as error:
        upload(applicant, project, category=FileCategory.INVESTMENT, partner_id=investment.pk)
    assert error.value.field_messages() == {"file": "file.upload.message.duplicate"}
    with pytest.raises(ValidationFailed):
        upload(applicant, project, category=FileCategory.INVESTMENT, partner_id=investment.pk + 1000)


def test_stored_content_goes_with_its_partner(applicant, project, media_in_tmp, django_capture_on_commit_callbacks):
    from pathlib import Path

    from jems.projects.partners import services as partner_services

    partner = ProjectPartner.objects.create(project=project, role=PartnerRole.LEAD_PARTNER, abbreviation="LP",
                                            sort_number=1)
    with django_capture_on_commit_callbacks(execute=True):
        item = upload(applicant, project, category=FileCategory.PARTNER, partner_id=partner.pk)
        kept = upload(applicant, project)
    stored, other = Path(media_in_tmp) / item.storage_path, Path(media_in_tmp) / kept.storage_path
    assert stored.exists() and other.exists()
    with django_capture_on_commit_callbacks(execute=True):
        partner_services.delete_partner(actor=applicant, partner_id=partner.pk)
    assert not stored.exists() and other.exists()
    with django_capture_on_commit_callbacks(execute=True):
        services.delete(actor=applicant, project_id=project.pk, file_id=kept.pk)
    assert not other.exists()
