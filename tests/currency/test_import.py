"""Conversion rates: the InforEuro formats, refusals that keep the stored rates, fetching from a URL, the task."""

from decimal import Decimal

import pytest

from jems.audit.models import AuditEvent
from jems.core.errors import Forbidden, ValidationFailed
from jems.currency import inforeuro, services
from jems.currency.models import CurrencyRate
from jems.currency.tasks import import_conversion_rates

JSON_RATES = ('[{"country":"Czech Republic","currency":"Czech koruna","isoA3Code":"CZK","isoA2Code":"CZ",'
              '"value":25.123,"comment":null},{"country":"Bulgaria","currency":"Bulgarian lev","isoA3Code":"BGN",'
              '"isoA2Code":"BG","value":1.9558,"comment":null}]')
XML_RATES = """<?xml version="1.0" encoding="UTF-8"?>
<exchangeRates>
  <exchangeRate><country>Switzerland</country><currency>Swiss franc</currency><isoA3Code>CHF</isoA3Code>
    <isoA2Code>CH</isoA2Code><value>0.9412</value></exchangeRate>
  <exchangeRate><country>Hungary</country><currency>Hungarian forint</currency><isoA3Code>HUF</isoA3Code>
    <isoA2Code>HU</isoA2Code><value>395.87</value></exchangeRate>
</exchangeRates>"""
CSV_RATES = "Country;Currency;isoA3Code;Value\nPoland;Polish zloty;PLN;4,271\nSweden;Swedish krona;SEK;11,042\n"


def test_json_xml_and_csv():
    assert [(r.code, r.name, r.rate) for r in inforeuro.parse(JSON_RATES.encode())] == [
        ("CZK", "Czech koruna", Decimal("25.123")), ("BGN", "Bulgarian lev", Decimal("1.9558"))]
    assert [(r.code, r.rate) for r in inforeuro.parse(XML_RATES.encode())] == [
        ("CHF", Decimal("0.9412")), ("HUF", Decimal("395.87"))]
    assert [(r.code, r.name, r.rate) for r in inforeuro.parse(CSV_RATES.encode())] == [
        ("PLN", "Polish zloty", Decimal("4.271")), ("SEK", "Swedish krona", Decimal("11.042"))]
    assert inforeuro.parse(b'{"exchangeRates": [{"isoA3Code": "usd", "value": "1.08"}]}')[0].code == "USD"
    assert inforeuro.parse(b"code,rate\nGBP,0.8576\n")[0].rate == Decimal("0.8576")


@pytest.mark.parametrize(("content", "message"), [
    (b"", "empty"),
    (b"[", "not valid JSON"),
    (b"[]", "no rate"),
    (b'{"rates": []}', "array of"),
    (b'[{"isoA3Code": "US", "value": 1}]', "not a currency code"),
    (b'[{"isoA3Code": "USD", "value": "abc"}]', "not a number"),
    (b'[{"isoA3Code": "USD", "value": -1}]', "positive"),
    (b'[{"isoA3Code": "USD", "value": "1.1234567"}]', "6 decimal places"),
    (b'[{"isoA3Code": "USD", "value": 1}, {"isoA3Code": "USD", "value": 2}]', "twice"),
    (b'[1]', "not an object"),
    (b"<rates/>", "not <exchangeRates>"),
    (b"<exchangeRates><exchangeRate>", "not valid XML"),
    (b'<!DOCTYPE x [<!ENTITY a "b">]><exchangeRates/>', "DOCTYPE"),
    (b"name;amount\nx;1\n", "CSV header"),
    (b"\xff\xfe", "UTF-8"),
])
def test_malformed_files(content, message):
    with pytest.raises(inforeuro.RateFileError, match=message):
        inforeuro.parse(content)


def test_import_replaces_the_month_and_adds_eur(admin_user):
    CurrencyRate.objects.create(code="USD", year=2025, month=3, name="US Dollar", conversion_rate=Decimal("1.1"))
    rates = services.import_rates(actor=admin_user, year=2025, month=3, content=JSON_RATES.encode())
    assert [(r.code, r.conversion_rate) for r in rates] == [
        ("BGN", Decimal("1.955800")), ("CZK", Decimal("25.123000")), ("EUR", Decimal("1.000000"))]
    assert rates[0].name == "Bulgarian lev"  # not in ISO 4217 any more: the file's name
    assert rates[1].name == "Czech Koruna"  # ISO 4217 name (pycountry)
    event = AuditEvent.objects.get(action="CURRENCY_IMPORT")
    assert "2025-03" in event.description and "3 currencies" in event.description


def test_malformed_file_keeps_the_rates_and_is_audited(admin_user):
    services.import_rates(actor=admin_user, year=2025, month=3, content=JSON_RATES.encode())
    with pytest.raises(ValidationFailed) as error:
        services.import_rates(actor=admin_user, year=2025, month=3, content=b'[{"isoA3Code": "USD", "value": 0}]')
    assert error.value.key == "currency.import.failed"
    assert error.value.args_ == {"year": "2025", "month": "3", "reason": error.value.args_["reason"]}
    assert CurrencyRate.objects.filter(year=2025, month=3).count() == 3
    failure = AuditEvent.objects.filter(action="CURRENCY_IMPORT").latest("id")
    assert "2025-03 not imported" in failure.description


def test_privileges_and_month_validation(admin_user, programme_user):
    with pytest.raises(Forbidden):
        services.import_rates(actor=programme_user, year=2025, month=3, content=JSON_RATES.encode())
    with pytest.raises(Forbidden):
        services.fetch_rates(actor=programme_user)
    with pytest.raises(ValidationFailed) as error:
        services.import_rates(actor=admin_user, year=1999, month=13, content=JSON_RATES.encode())
    assert error.value.field_messages() == {"year": "currency.year.invalid", "month": "currency.month.invalid"}


def test_fetch_from_the_configured_url(admin_user, file_server, monkeypatch, settings):
    file_server.put("rates/2025/4.json", JSON_RATES)
    settings.INFOREURO_URL = f"{file_server.url}/rates/{{year}}/{{month}}.json"
    rates = services.fetch_rates(actor=admin_user, year=2025, month=4)
    assert {r.code for r in rates} == {"BGN", "CZK", "EUR"}
    assert f"{file_server.url}/rates/2025/4.json" in AuditEvent.objects.get(action="CURRENCY_IMPORT").description


def test_failed_download_is_refused_and_audited(admin_user, file_server, monkeypatch, settings):
    settings.INFOREURO_URL = f"{file_server.url}/missing/{{year}}-{{month}}"
    with pytest.raises(ValidationFailed) as error:
        services.fetch_rates(actor=admin_user, year=2025, month=4)
    assert "download failed" in error.value.args_["reason"]
    assert "not imported" in AuditEvent.objects.get(action="CURRENCY_IMPORT").description


def test_monthly_task_imports_the_current_month_once(db, file_server, monkeypatch, settings):
    year, month = services.current_month()
    file_server.put(f"{year}-{month}.xml", XML_RATES)
    settings.INFOREURO_URL = f"{file_server.url}/{{year}}-{{month}}.xml"
    assert import_conversion_rates.delay().get() == 3
    assert import_conversion_rates.delay().get() == 0  # already there
    event = AuditEvent.objects.get(action="CURRENCY_IMPORT")
    assert event.user_id is None


def test_monthly_task_failure_is_audited(db, file_server, monkeypatch, settings):
    settings.INFOREURO_URL = f"{file_server.url}/nothing-{{year}}-{{month}}"
    assert import_conversion_rates.delay().get() == 0
    assert "not imported" in AuditEvent.objects.get(action="CURRENCY_IMPORT").description


def test_default_url_is_inforeuro(monkeypatch):
        assert services.inforeuro_url(2025, 3) == (
        "https://ec.europa.eu/budg/inforeuro/api/public/monthly-rates?year=2025&month=3&lang=EN")
