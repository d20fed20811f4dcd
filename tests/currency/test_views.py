"""The conversion-rates page: table of a month, fetch and import forms, read-only view, query count."""

from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

from jems.currency import services
from jems.currency.models import CurrencyRate
from tests.ui.conftest import logged_in

URL = "/app/programme/conversionRates"


def test_page_shows_the_current_month(admin_user):
    year, month = services.current_month()
    CurrencyRate.objects.create(code="CHF", year=year, month=month, name="Swiss Franc", conversion_rate=Decimal("0.9412"))
    html = logged_in(admin_user).get(URL).content.decode()
    assert "Swiss Franc" in html and "0.9412" in html
    assert "Fetch from InforEuro" in html and "Import a rate file" in html


def test_read_only_and_month_choice(programme_user):
    CurrencyRate.objects.create(code="CHF", year=2024, month=2, name="Swiss Franc", conversion_rate=Decimal("0.95"))
    client = logged_in(programme_user)
    html = client.get(URL).content.decode()
    assert "Fetch from InforEuro" not in html
    assert "0.95" in html  # no rates this month: the newest month is shown
    assert client.get(URL, {"month": "2023-01"}).status_code == 200
    assert client.get(URL, {"month": "bogus"}).status_code == 200
    assert client.post(f"{URL}/fetch", {"fetch-year": 2024, "fetch-month": 2}).status_code == 403


def test_applicant_gets_403(applicant):
    assert logged_in(applicant).get(URL).status_code == 403


def test_import_a_file(admin_user):
    upload = SimpleUploadedFile("rates.csv", b"code,rate\nUSD,1.0843\n", content_type="text/csv")
    response = logged_in(admin_user).post(f"{URL}/import", {"import-year": 2025, "import-month": 2,
                                                           "import-file": upload})
    assert response.status_code == 302 and response["Location"].endswith("?month=2025-02")
    assert CurrencyRate.objects.filter(year=2025, month=2).count() == 2


def test_malformed_file_error_is_shown_on_the_file_field(admin_user):
    CurrencyRate.objects.create(code="USD", year=2025, month=2, name="US Dollar", conversion_rate=Decimal("1.1"))
    upload = SimpleUploadedFile("rates.csv", b"code,rate\nUSD,abc\n", content_type="text/csv")
    response = logged_in(admin_user).post(f"{URL}/import", {"import-year": 2025, "import-month": 2,
                                                           "import-file": upload})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="id_import-file_error"' in html and "is not a number" in html
    assert 'name="import-year" value="2025"' in html
    assert CurrencyRate.objects.get(year=2025, month=2).conversion_rate == Decimal("1.1")


def test_fetch_button(admin_user, file_server, monkeypatch, settings):
    file_server.put("2025-7.json", '[{"isoA3Code":"USD","value":1.08}]')
    settings.INFOREURO_URL = f"{file_server.url}/{{year}}-{{month}}.json"
    client = logged_in(admin_user)
    assert client.post(f"{URL}/fetch", {"fetch-year": 2025, "fetch-month": 7}).status_code == 302
    assert CurrencyRate.objects.filter(year=2025, month=7).count() == 2
    failed = client.post(f"{URL}/fetch", {"fetch-year": 2025, "fetch-month": 8})
    assert failed.status_code == 200 and "could not be imported" in failed.content.decode()
    invalid = client.post(f"{URL}/fetch", {"fetch-year": 1900, "fetch-month": 8})
    assert 'id="id_fetch-year_error"' in invalid.content.decode()


def _queries(client) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(URL, {"month": "2025-01"}).status_code == 200
    return len(captured)


def test_fixed_number_of_queries(admin_user):
    client = logged_in(admin_user)
    _queries(client)

    def rates(start, stop):
        CurrencyRate.objects.bulk_create([CurrencyRate(code=f"{chr(65 + i // 26 % 26)}{chr(65 + i % 26)}X", year=2025,
                                                       month=1, name=f"C{i}", conversion_rate=Decimal(i + 1))
                                          for i in range(start, stop)])
    rates(0, 10)
    few = _queries(client)
    rates(10, 200)
    assert _queries(client) == few
