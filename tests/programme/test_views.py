"""Programme-core pages: rendering, read-only mode, saving, and inline errors that keep the input."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from jems.programme.models import (
    LegalStatus,
    ProgrammeData,
    ProgrammeFund,
    ProgrammeLanguage,
    ProgrammeStrategy,
    StateAid,
    TranslationFile,
    TypologyError,
)

pytestmark = pytest.mark.django_db

PAGES = {
    "/app/programme": "Programme basic data",
    "/app/programme/languages": "Programme languages",
    "/app/programme/translationManagement": "Translation management",
    "/app/programme/funds": "Funds",
    "/app/programme/strategies": "Strategies",
    "/app/programme/legalStatus": "Legal status",
    "/app/programme/stateAid": "State aid",
    "/app/programme/typologyErrors": "Typology of errors",
}


def html(response) -> str:
    return response.content.decode()


@pytest.mark.parametrize("url, heading", PAGES.items())
def test_pages_render_for_editors(url, heading, admin_page):
    response = admin_page.get(url)
    assert response.status_code == 200
    page = html(response)
    assert f"<h1>{heading}</h1>" in page
    assert 'aria-current="page"' in page
    assert (">Upload</button>" if "translation" in url else ">Save</button>") in page
    assert "You can view the programme setup but not change it." not in page


@pytest.mark.parametrize("url", PAGES)
def test_pages_are_read_only_with_programme_setup_retrieve(url, programme_page):
    response = programme_page.get(url)
    assert response.status_code == 200
    page = html(response)
    assert "You can view the programme setup but not change it." in page
    assert ">Save</button>" not in page and ">Upload</button>" not in page
    inputs = [tag for tag in re.findall(r"<(?:input|select|textarea)\b[^>]*>", page)
              if 'type="hidden"' not in tag and "csrfmiddlewaretoken" not in tag and 'name="language"' not in tag
              and 'name="next"' not in tag]
    assert all("disabled" in tag for tag in inputs), [tag for tag in inputs if "disabled" not in tag]
    assert programme_page.post(url, {}).status_code == 403


@pytest.mark.parametrize("url", PAGES)
def test_pages_are_refused_without_programme_setup_retrieve(url, applicant_page, client):
    assert applicant_page.get(url).status_code == 403
    response = client.get(url)
    assert response.status_code == 302 and "/no-auth/login" in response["Location"]


def test_top_menu_programme_lands_on_basic_data(admin_page):
    page = html(admin_page.get("/app/dashboard"))
    assert 'href="/app/programme"' in page
    page = html(admin_page.get("/app/programme"))
    assert re.search(r'<a href="/app/programme" aria-current="page">Programme</a>', page)


# --- basic data -----------------------------------------------------------------------------------------------


BASIC = {"cci": "2021TC16RFCB001", "title": "Interreg Test", "version": "1.0", "first_year": "2021",
         "last_year": "2027", "eligible_from": "2021-01-01", "eligible_until": "2029-12-31",
         "commission_decision_number": "C(2022) 1", "commission_decision_date": "2022-06-30",
         "programme_amending_decision_number": "", "programme_amending_decision_date": "",
         "technical_assistance_flat_rate": "7.5", "project_id_programme_abbreviation": "TST",
         "project_id_use_call_id": "on"}


def test_basic_data_saves(admin_page):
    response = admin_page.post("/app/programme", BASIC)
    assert response.status_code == 302 and response["Location"] == "/app/programme"
    data = ProgrammeData.objects.get()
    assert data.title == "Interreg Test" and data.project_id_use_call_id and str(data.technical_assistance_flat_rate) == "7.50"
    page = html(admin_page.get("/app/programme"))
    assert "The basic data is saved." in page and "TST0300012" in page
    assert "2021-01-01" in page and "2022-06-30" in page and "2030-06-30" in page  # the accounting years


def test_basic_data_errors_are_inline_and_keep_the_input(admin_page):
    response = admin_page.post("/app/programme", {**BASIC, "first_year": "2027", "last_year": "2021",
                                                  "cci": "X" * 16})
    assert response.status_code == 200
    page = html(response)
    assert 'id="id_cci_error"' in page  # the form's own length check
    assert 'value="Interreg Test"' in page
    response = admin_page.post("/app/programme", {**BASIC, "first_year": "2027", "last_year": "2021"})
    page = html(response)
    assert 'id="id_last_year_error"' in page and "The last year cannot be before the first year." in page
    assert 'aria-invalid="true"' in page and 'value="2027"' in page
    assert ProgrammeData.objects.get().title is None


def test_basic_data_lock_refusal_is_shown_on_the_field(admin_page, locked):
    page = html(admin_page.post("/app/programme", BASIC))
    assert "A call has been published" in page
    assert 'id="id_project_id_programme_abbreviation_error"' in page
    assert "Changing the project identifier scheme is not possible" in page


# --- languages ------------------------------------------------------------------------------------------------


def test_languages_save(admin_page):
    response = admin_page.post("/app/programme/languages", {"ui": ["EN", "DE"], "input": ["EN", "DE"],
                                                            "fallback": "EN"})
    assert response.status_code == 302
    assert set(ProgrammeLanguage.objects.filter(input=True).values_list("code", flat=True)) == {"EN", "DE"}


def test_language_errors_keep_the_choices(admin_page):
    response = admin_page.post("/app/programme/languages", {"ui": ["EN"], "input": ["DE", "FR", "IT", "PL", "EN"],
                                                            "fallback": "EN"})
    assert response.status_code == 200
    page = html(response)
    assert 'id="input-error"' in page and "Choose at most 4 input languages." in page
    assert re.search(r'name="input" value="PL" id="input-PL" checked', page)
    assert 'aria-describedby="input-error"' in page
    response = admin_page.post("/app/programme/languages", {"ui": ["EN"], "input": ["EN"]})
    assert "Choose exactly one fallback language." in html(response)


# --- translation management ----------------------------------------------------------------------------------


def test_translation_upload_and_downloads(admin_page):
    response = admin_page.post("/app/programme/translationManagement", {
        "language": "DE", "file_type": "System",
        "file": SimpleUploadedFile("System_de.properties", b"common.error.field.required=Pflicht\n")})
    assert response.status_code == 302
    assert TranslationFile.objects.get().language == "DE"
    page = html(admin_page.get("/app/programme/translationManagement"))
    assert "System_de.properties is uploaded" in page and "Uploaded " in page
    download = admin_page.get("/app/programme/translationManagement/System/DE")
    assert download["Content-Disposition"] == "attachment; filename*=UTF-8''System_de.properties"
    assert "common.error.field.required=Pflicht" in download.content.decode()
    default = admin_page.get("/app/programme/translationManagement/default/Application")
    assert default.status_code == 200 and "Application_en.properties" in default["Content-Disposition"]
    assert admin_page.get("/app/programme/translationManagement/default/Nope").status_code == 403


def test_translation_upload_errors_are_inline(admin_page):
    response = admin_page.post("/app/programme/translationManagement", {"language": "FR", "file_type": "Application"})
    page = html(response)
    assert 'id="id_file_error"' in page and "Choose a file to upload." in page
    assert '<option value="FR" selected>' in page
    response = admin_page.post("/app/programme/translationManagement", {
        "language": "FR", "file_type": "Application", "file": SimpleUploadedFile("x.bin", b"\x00\x00")})
    assert "This is not a readable translation file" in html(response)


def test_uploaded_texts_show_in_the_pages_at_once(admin_page):
    admin_page.post("/app/programme/translationManagement", {
        "language": "EN", "file_type": "System",
        "file": SimpleUploadedFile("System_en.properties", b"programme.strategy.EuropeanGreenDeal=Green Deal (ours)")})
    assert "Green Deal (ours)" in html(admin_page.get("/app/programme/strategies"))


# --- funds ----------------------------------------------------------------------------------------------------


def fund_post(rows: list[dict], initial: int, *, add=False) -> dict:
    data = {"funds-TOTAL_FORMS": str(len(rows)), "funds-INITIAL_FORMS": str(initial)}
    for index, row in enumerate(rows):
        for key, value in row.items():
            if value is not None and value is not False:
                data[f"funds-{index}-{key}"] = "on" if value is True else value
    if add:
        data["add_row"] = "1"
    return data


def current_fund_rows():
    return [{"id": str(f.pk), "selected": f.selected, "abbreviation_0": f.abbreviation.get("EN", ""),
             "description_0": f.description.get("EN", "")} for f in ProgrammeFund.objects.all()]


def test_funds_page_selects_and_adds(admin_page):
    rows = current_fund_rows()
    rows[0]["selected"] = True
    response = admin_page.post("/app/programme/funds", fund_post(rows, 7, add=True))
    assert response.status_code == 200 and html(response).count("<legend>New fund</legend>") == 1
    rows.append({"id": "", "selected": True, "abbreviation_0": "Fund X", "description_0": "Our own"})
    response = admin_page.post("/app/programme/funds", fund_post(rows, 7))
    assert response.status_code == 302
    assert ProgrammeFund.objects.filter(selected=True).count() == 2
    assert ProgrammeFund.objects.last().abbreviation == {"EN": "Fund X"}
    # An empty new row is ignored; a removed added fund disappears.
    rows = current_fund_rows()
    rows[-1]["remove"] = True
    rows.append({"id": "", "abbreviation_0": "", "description_0": ""})
    assert admin_page.post("/app/programme/funds", fund_post(rows, 8)).status_code == 302
    assert ProgrammeFund.objects.count() == 7


def test_fund_errors_are_inline_on_their_row(admin_page):
    rows = current_fund_rows()
    rows[0]["abbreviation_0"] = "Changed"
    rows.append({"id": "", "selected": True, "abbreviation_0": "", "description_0": "Text kept"})
    response = admin_page.post("/app/programme/funds", fund_post(rows, 7))
    assert response.status_code == 200
    page = html(response)
    assert 'id="id_funds-0-abbreviation_error"' in page
    assert "The English text of a predefined fund cannot be changed." in page
    assert 'id="id_funds-7-abbreviation_error"' in page and "Enter the abbreviation in at least one language." in page
    assert 'value="Text kept"' in page
    assert ProgrammeFund.objects.count() == 7


def test_fund_lock_refusal_is_shown_on_the_remove_box(admin_page, locked):
    ProgrammeFund.objects.create(abbreviation={"EN": "Extra"})
    rows = current_fund_rows()
    rows[-1]["remove"] = True
    page = html(admin_page.post("/app/programme/funds", fund_post(rows, 8)))
    assert 'id="id_funds-7-remove_error"' in page and "Removing a fund is not possible" in page
    assert ProgrammeFund.objects.count() == 8


# --- strategies -----------------------------------------------------------------------------------------------


def test_strategies_page(admin_page, locked):
    page = html(admin_page.get("/app/programme/strategies"))
    assert page.count('name="strategy"') == 12 and "EU Strategy for the Alpine Region" in page
    assert admin_page.post("/app/programme/strategies", {"strategy": ["EuropeanGreenDeal"]}).status_code == 302
    assert list(ProgrammeStrategy.objects.filter(active=True).values_list("pk", flat=True)) == ["EuropeanGreenDeal"]
    response = admin_page.post("/app/programme/strategies", {})
    assert response.status_code == 200 and "Deactivating a strategy is not possible" in html(response)


# --- legal status, state aid, typology of errors ------------------------------------------------------------------


def rows_post(prefix: str, rows: list[dict], initial: int) -> dict:
    data = {f"{prefix}-TOTAL_FORMS": str(len(rows)), f"{prefix}-INITIAL_FORMS": str(initial)}
    for index, row in enumerate(rows):
        for key, value in row.items():
            if value not in (None, False):
                data[f"{prefix}-{index}-{key}"] = "on" if value is True else value
    return data


def test_legal_status_page(admin_page):
    page = html(admin_page.get("/app/programme/legalStatus"))
    assert "Public" in page and page.count('name="statuses-0-remove"') == 0
    rows = [{"id": "1", "description_0": "Public"}, {"id": "2", "description_0": "Private"},
            {"id": "", "description_0": "NGO"}]
    assert admin_page.post("/app/programme/legalStatus", rows_post("statuses", rows, 2)).status_code == 302
    assert LegalStatus.objects.last().description == {"EN": "NGO"}
    rows[2] = {"id": "", "description_0": "x" * 60}
    response = admin_page.post("/app/programme/legalStatus", rows_post("statuses", rows, 2))
    assert response.status_code == 200 and 'id="id_statuses-2-description_error"' in html(response)


def test_state_aid_page_prefills_new_schemes(admin_page):
    response = admin_page.post("/app/programme/stateAid", {**rows_post("aids", [], 0), "add_row": "1"})
    assert html(response).count("<legend>New scheme</legend>") == 1
    response = admin_page.post("/app/programme/stateAid", rows_post("aids", [
        {"id": "", "measure": "GBER_ARTICLE_20", "scheme_number": "SA.123"}], 0))
    assert response.status_code == 302
    aid = StateAid.objects.get()
    assert aid.name == {"EN": "Aid for costs incurred by undertakings participating in European Territorial "
                               "Cooperation project"}
    assert aid.abbreviated_name == {"EN": "GBER Article 20"}
    assert str(aid.threshold) == "2200000.00" and str(aid.max_intensity) == "80.00" and aid.scheme_number == "SA.123"
    page = html(admin_page.get("/app/programme/stateAid"))
    assert "Scheme 1" in page and 'value="SA.123"' in page


def test_state_aid_errors_are_inline(admin_page):
    response = admin_page.post("/app/programme/stateAid", rows_post("aids", [
        {"id": "", "scheme_number": "SA.1"}, {"id": "", "measure": "OTHER_1", "scheme_number": "x" * 30}], 0))
    page = html(response)
    assert response.status_code == 200
    assert 'id="id_aids-0-measure_error"' in page and "Choose a measure." in page
    assert 'id="id_aids-1-scheme_number_error"' in page and 'value="SA.1"' in page
    assert not StateAid.objects.exists()


def test_typology_errors_page(admin_page, locked):
    rows = [{"id": "", "description": "Public procurement"}, {"id": "", "description": "VAT"}]
    assert admin_page.post("/app/programme/typologyErrors", rows_post("errors", rows, 0)).status_code == 302
    first, second = TypologyError.objects.all()
    rows = [{"id": str(first.pk), "description": "Procurement"}, {"id": str(second.pk), "description": "VAT",
                                                                   "remove": True}]
    response = admin_page.post("/app/programme/typologyErrors", rows_post("errors", rows, 2))
    page = html(response)
    assert response.status_code == 200 and 'id="id_errors-1-remove_error"' in page
    assert "Removing an entry of the typology of errors is not possible" in page
    assert 'value="Procurement"' in page
    assert TypologyError.objects.get(pk=first.pk).description == "Public procurement"


def test_a_change_saved_meanwhile_is_not_overwritten_silently(admin_page):
    page = html(admin_page.get("/app/programme/typologyErrors"))
    seen = re.search(r'name="data_version" value="(\w+)"', page).group(1)
    TypologyError.objects.create(description="Saved by a colleague")
    post = {**rows_post("errors", [{"id": "", "description": "Mine"}], 0), "data_version": seen}
    response = admin_page.post("/app/programme/typologyErrors", post)
    page = html(response)
    assert response.status_code == 200 and "Someone else saved a change here meanwhile." in page
    assert 'value="Mine"' in page
    assert list(TypologyError.objects.values_list("description", flat=True)) == ["Saved by a colleague"]
    # Saving again (with the version the page now shows) goes through.
    current = re.search(r'name="data_version" value="(\w+)"', page).group(1)
    post = {**rows_post("errors", [{"id": str(TypologyError.objects.get().pk), "description": "Saved by a colleague"},
                                   {"id": "", "description": "Mine"}], 1), "data_version": current}
    assert admin_page.post("/app/programme/typologyErrors", post).status_code == 302
    assert TypologyError.objects.count() == 2
