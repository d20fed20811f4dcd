"""CurrencyApi: GET and PUT /api/currency."""

from decimal import Decimal

from jems.currency import services
from jems.currency.models import CurrencyRate

RATES = '[{"isoA3Code":"CZK","currency":"Czech koruna","value":25.123},{"isoA3Code":"HUF","value":395.87}]'


def test_get_rates_of_a_month(api_as, applicant):
    CurrencyRate.objects.create(code="HUF", year=2025, month=3, name="Forint", conversion_rate=Decimal("395.870000"))
    CurrencyRate.objects.create(code="EUR", year=2025, month=3, name="Euro", conversion_rate=Decimal("1"))
    response = api_as(applicant).get("/api/currency", year=2025, month=3)
    assert response.status_code == 200
    assert response.content.replace(b" ", b"") == (
        b'[{"code":"EUR","year":2025,"month":3,"name":"Euro","conversionRate":1.000000},'
        b'{"code":"HUF","year":2025,"month":3,"name":"Forint","conversionRate":395.870000}]')


def test_get_defaults_to_the_current_month(api_as, applicant):
    year, month = services.current_month()
    CurrencyRate.objects.create(code="EUR", year=year, month=month, name="Euro", conversion_rate=Decimal("1"))
    assert [r["code"] for r in api_as(applicant).get("/api/currency").json()] == ["EUR"]


def test_get_refusals(api_as, applicant):
    assert api_as().get("/api/currency").status_code == 401
    response = api_as(applicant).get("/api/currency", year=2025, month=13)
    assert response.status_code == 422
    assert response.json()["formErrors"]["month"]["i18nKey"] == "currency.month.invalid"
    assert api_as(applicant).get("/api/currency", month="march").status_code == 400


def test_put_fetches_from_inforeuro(api_as, admin_user, programme_user, file_server, monkeypatch, settings):
    file_server.put("2025-5.json", RATES)
    settings.INFOREURO_URL = f"{file_server.url}/{{year}}-{{month}}.json"
    assert api_as(programme_user).put("/api/currency?year=2025&month=5").status_code == 403
    response = api_as(admin_user).put("/api/currency?year=2025&month=5")
    assert response.status_code == 200, response.content
    assert [(r["code"], r["conversionRate"]) for r in response.json()] == [
        ("CZK", 25.123), ("EUR", 1), ("HUF", 395.87)]
    missing = api_as(admin_user).put("/api/currency?year=2025&month=6")
    assert missing.status_code == 422
    assert missing.json()["i18nMessage"]["i18nKey"] == "currency.import.failed"
