"""The application-form PDF through the service: the whole form A–E of the live form and of a past version,
labels in the export language, texts in the data language, every partner and the budget total; refusals."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.defaultfilters import floatformat
from django.utils import translation
from PIL import Image
from pypdf import PdfReader

from jems.core.errors import NotFound, ValidationFailed
from jems.plugins.models import PluginState
from jems.programme.logos import queries as logos_queries
from jems.programme.logos.services import upload_logo
from jems.programme.models import LegalStatus, StateAid
from jems.projects.exports.export import export_application_form
from jems.projects.partners.models import PartnerStateAid, ProjectPartner
from jems.projects.services import create_version

from .conftest import pdf_text

pytestmark = pytest.mark.django_db


def export(actor, project, **options):
    options = {"export_language": "EN", "data_language": "EN", **options}
    return export_application_form(actor=actor, project_id=project.pk, **options)


def test_live_form(applicant, texts_project):
    project, lead, uni, _erdf, _x = texts_project
    result = export(applicant, project)
    assert result.content_type == "application/pdf" and result.file_name.endswith(".pdf")
    assert "GREEN" in result.file_name and "_v1.0_" in result.file_name
    text = pdf_text(result.content)
    assert "GREEN" in text and "Green rivers – Πράσινα ποτάμια – Зелёные реки" in text
    assert "LP1 CITY" in text and "PP2 UNI" in text
    assert "A – Project identification" in text and "E – Lump sums and unit costs" in text
    with translation.override("en"):
        assert floatformat("23738.52", "2g") in text  # 20265.74 + 3472.78, the D total


def test_data_and_export_language(applicant, texts_project):
    project = texts_project[0]
    text = pdf_text(export(applicant, project, export_language="DE", data_language="DE").content)
    assert "Grüne Flüsse" in text and "Zusammenfassung auf Deutsch" in text and "Green rivers" not in text
    assert "Summary in English" not in text


def test_past_version(applicant, texts_project):
    project, lead, *_rest = texts_project
    create_version(actor=applicant, project=project)  # 1.0 frozen, 2.0 current
    ProjectPartner.objects.filter(pk=lead.pk).update(abbreviation="TOWN")
    old = pdf_text(export(applicant, project, version="1.0").content)
    current = pdf_text(export(applicant, project).content)
    assert "LP1 CITY" in old and "TOWN" not in old
    assert "LP1 TOWN" in current and "version 2.0" in current


def test_refusals(applicant, stranger, texts_project):
    project = texts_project[0]
    with pytest.raises(NotFound):
        export(stranger, project)
    with pytest.raises(NotFound):
        export(applicant, project, version="9.0")
    PluginState.objects.create(key="standard-application-form-export-plugin", enabled=False)
    with pytest.raises(ValidationFailed) as refused:
        export(applicant, project)
    assert refused.value.key == "plugin.disabled"


def contains_run(lines: list[str], run: list[str]) -> bool:
    """True when the stripped text lines hold `run` one after the other (a table row as extracted)."""
    stripped = [line.strip() for line in lines]
    return any(stripped[i:i + len(run)] == run for i in range(len(stripped)))


def test_partner_co_financing_and_shares(applicant, texts_project):
    """B shows each partner's co-financing and the origins of its contribution with their share of the total
    partner budget, rounded down (finance-rules §2.5); D shows each partner's share of the project budget."""
    lines = pdf_text(export(applicant, texts_project[0]).content).splitlines()
    assert contains_run(lines, ["Origin of the partner contribution", "Legal status", "Amount", "% of total"])
    assert contains_run(lines, ["ERDF", "75.50", "15,300.63", "Fund X", "10.00", "2,026.57", "Partner contribution",
                                "2,938.54", "Total budget", "20,265.74"])
    assert contains_run(lines, ["CITY", "Public", "2,000.00", "9.86"])  # 9.8688… rounded down
    assert contains_run(lines, ["Region", "Automatic Public", "938.54", "4.63"])
    assert contains_run(lines, ["UNI", "Private", "694.56", "20.00"])
    assert contains_run(lines, ["LP1 CITY", "20,265.74", "85.37", "PP2 UNI", "3,472.78", "14.62",  # 14.629… down
                                "Total", "23,738.52", "100.00"])


def test_every_page_is_numbered_and_sections_are_bookmarked(applicant, texts_project):
    reader = PdfReader(io.BytesIO(export(applicant, texts_project[0]).content))
    count = len(reader.pages)
    assert count > 3
    for number, page in enumerate(reader.pages, start=1):
        assert f"{number} / \n{count}" in page.extract_text() or f"{number} / {count}" in page.extract_text()
    titles = [item["/Title"] for item in reader.outline if isinstance(item, dict)]
    assert titles == ["A – Project identification", "B – Project partners", "C – Project description",
                      "D – Project budget", "E – Lump sums and unit costs"]
    assert reader.metadata.title == "GREEN – Application form"


def test_partner_budget_per_category_and_outputs_overview(applicant, texts_project):
    lines = pdf_text(export(applicant, texts_project[0]).content).splitlines()
    assert contains_run(lines, ["Partner budget", "Amount", "Staff costs", "2,427.87", "Office and administration",
                                "364.18", "External expertise and services", "10,000.00", "Equipment", "2,139.36",
                                "Lump sums", "3,333.33"])
    assert contains_run(lines, ["Total budget", "20,265.74"])
    assert contains_run(lines, ["A.4 – Project outputs and results overview",
                                "There are no project outputs or results yet."])


def test_cover_shows_the_programme_logo(applicant, admin_user, texts_project, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    project = texts_project[0]
    assert not PdfReader(io.BytesIO(export(applicant, project).content)).pages[0].images
    logos_queries.invalidate()
    picture = io.BytesIO()
    Image.new("RGB", (300, 100), (11, 78, 162)).save(picture, format="PNG")
    upload_logo(actor=admin_user, upload=SimpleUploadedFile("logo.png", picture.getvalue(), "image/png"))
    (image,) = PdfReader(io.BytesIO(export(applicant, project).content)).pages[0].images
    assert image.image.size == (600, 200)  # the 200 px high PNG of the upload
    logos_queries.invalidate()


def test_partner_identity_with_code_list_labels(applicant, texts_project):
    lead = texts_project[1]
    status = LegalStatus.objects.create(description={"EN": "Regional authority"})
    ProjectPartner.objects.filter(pk=lead.pk).update(
        partner_type="LocalPublicAuthority", partner_sub_type="SMALL_ENTERPRISE", nace="84_11", pic="123456789",
        legal_status=status, vat_recovery="Partly")
    lines = [line.strip() for line in pdf_text(export(applicant, texts_project[0]).content).splitlines()]
    for label, value in (("Type of partner", "Local public authority"), ("Sub-type of partner", "Small enterprise"),
                         ("NACE group level", "84.11"), ("PIC", "123456789"), ("Legal status", "Regional authority"),
                         ("Can the partner recover VAT?", "Partly")):
        assert lines[lines.index(label) + 1] == value


def test_partner_state_aid_self_check(applicant, texts_project):
    project, lead = texts_project[0], texts_project[1]
    scheme = StateAid.objects.create(measure="GBER_ARTICLE_20", name={"EN": "GBER Article 20 scheme"})
    PartnerStateAid.objects.create(partner=lead, answer1=True, justification1={"EN": "It sells river tours."},
                                   answer2=False, state_aid=scheme)
    lines = [line.strip() for line in pdf_text(export(applicant, project).content).splitlines()]
    assert lines.count("State aid") == 1  # only the partner that filled it in
    first = next(i for i, line in enumerate(lines) if line.startswith("1. Does the partner carry out"))
    answers = lines[first:first + 12]
    assert "Yes" in answers and "It sells river tours." in answers and "No" in answers
    assert lines[lines.index("State-aid scheme (GBER or de minimis)") + 1] == "GBER Article 20 scheme"
