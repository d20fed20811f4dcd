"""Reading a monthly InforEuro rate file (the European Commission's accounting rates of the euro).

Accepted formats (detected from the content; see docs/api.md, "Conversion rates"):

* JSON, as the InforEuro API answers (`.../monthly-rates?year=YYYY&month=M&lang=EN`): an array of objects
  with `isoA3Code` (currency code) and `value` (units per 1 EUR), optionally `currency` (name), `country`,
  `isoA2Code`, `comment`; an object {"exchangeRates": [...]} is accepted too.
* XML: `<exchangeRates>` holding `<exchangeRate>` elements, each with the child elements `<isoA3Code>` and
  `<value>` (optionally `<currency>`, `<country>`, `<isoA2Code>`, `<comment>`). No DOCTYPE.
* CSV: UTF-8, comma, semicolon or tab separated, a header row naming the code column (`isoA3Code`, `code`,
  `currency code`) and the rate column (`value`, `rate`, `amount`), optionally a name column (`currency`,
  `name`, `currency name`). With `;` or tab as separator a decimal comma is accepted.

A rate is a positive decimal with at most 6 decimal places (below 10^12); a code is 3 capital letters and
appears once. Anything else refuses the whole file with a message naming the entry.
"""

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

CODE = re.compile(r"^[A-Z]{3}$")
MAX_RATE = Decimal("1e12")
CODE_COLUMNS = ("isoa3code", "code", "currency code", "currencycode", "iso code")
RATE_COLUMNS = ("value", "rate", "amount", "conversion rate", "conversionrate")
NAME_COLUMNS = ("currency", "name", "currency name", "currencyname")


class RateFileError(ValueError):
    """The file is not a readable InforEuro rate file; the message says why."""


@dataclass(frozen=True)
class Rate:
    code: str
    name: str
    rate: Decimal


def _rate(value, where: str) -> Decimal:
    text = str(value).strip() if value is not None else ""
    try:
        rate = Decimal(text)
    except InvalidOperation:
        raise RateFileError(f"{where}: {text!r} is not a number") from None
    if not rate.is_finite() or rate <= 0 or rate >= MAX_RATE:
        raise RateFileError(f"{where}: the rate {text} must be a positive number below 10^12")
    if rate.as_tuple().exponent < -6:
        raise RateFileError(f"{where}: the rate {text} has more than 6 decimal places")
    return rate


def _entry(code, value, name, where: str) -> Rate:
    code = str(code or "").strip().upper()
    if not CODE.match(code):
        raise RateFileError(f"{where}: {code!r} is not a currency code")
    return Rate(code, " ".join(str(name or "").split())[:255], _rate(value, f"{where} ({code})"))


def parse_json(text: str) -> list[Rate]:
    try:
        data = json.loads(text, parse_float=Decimal)
    except json.JSONDecodeError as error:
        raise RateFileError(f"not valid JSON: {error}") from None
    if isinstance(data, dict):
        data = data.get("exchangeRates")
    if not isinstance(data, list):
        raise RateFileError("a JSON rate file is an array of {isoA3Code, value} objects")
    rates = []
    for number, item in enumerate(data, start=1):
        if not isinstance(item, dict):
            raise RateFileError(f"entry {number}: not an object")
        rates.append(_entry(item.get("isoA3Code"), item.get("value"), item.get("currency"), f"entry {number}"))
    return rates


def parse_xml(text: str) -> list[Rate]:
    if "<!DOCTYPE" in text.upper() or "<!ENTITY" in text.upper():
        raise RateFileError("XML with a DOCTYPE or entities is not accepted")
    try:
        root = ET.fromstring(text)
    except ET.ParseError as error:
        raise RateFileError(f"not valid XML: {error}") from None
    if _local(root.tag) != "exchangeRates":
        raise RateFileError(f"the XML root element is <{_local(root.tag)}>, not <exchangeRates>")
    rates = []
    for number, element in enumerate((e for e in root if _local(e.tag) == "exchangeRate"), start=1):
        fields = {_local(child.tag): (child.text or "") for child in element}
        rates.append(_entry(fields.get("isoA3Code"), fields.get("value"), fields.get("currency"),
                            f"exchangeRate {number}"))
    return rates


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def parse_csv(text: str) -> list[Rate]:
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text), dialect)
    header = [h.strip().lower() for h in next(reader, [])]
    code_col = next((header.index(c) for c in CODE_COLUMNS if c in header), None)
    rate_col = next((header.index(c) for c in RATE_COLUMNS if c in header), None)
    name_col = next((header.index(c) for c in NAME_COLUMNS if c in header), None)
    if code_col is None or rate_col is None:
        raise RateFileError("the CSV header needs a code column (isoA3Code, code) and a rate column (value, rate)")
    decimal_comma = dialect.delimiter in ";\t"
    rates = []
    for number, row in enumerate(reader, start=2):
        if not any(cell.strip() for cell in row):
            continue
        value = _cell(row, rate_col).strip()
        if decimal_comma and "," in value and "." not in value:
            value = value.replace(",", ".")
        rates.append(_entry(_cell(row, code_col), value, _cell(row, name_col), f"line {number}"))
    return rates


def _cell(row: list[str], index: int | None) -> str:
    return row[index] if index is not None and index < len(row) else ""


def parse(content: bytes) -> list[Rate]:
    """The rates of a file; refuses empty files and duplicate codes."""
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise RateFileError("the file is not UTF-8 text") from None
    start = text.lstrip()[:1]
    if not start:
        raise RateFileError("the file is empty")
    if start in "[{":
        rates = parse_json(text)
    elif start == "<":
        rates = parse_xml(text)
    else:
        rates = parse_csv(text)
    if not rates:
        raise RateFileError("the file holds no rate")
    seen = set()
    for rate in rates:
        if rate.code in seen:
            raise RateFileError(f"the currency {rate.code} appears twice")
        seen.add(rate.code)
    return rates
