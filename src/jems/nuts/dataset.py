"""Reading and storing a NUTS data set: the shipped `data/nuts.json`, or a newer file given to
`jems load_nuts` (JSON in the shipped format, or CSV). See data/README.md and docs/api.md.

The functions take the model classes as arguments so that the data migration can use its historical models.
"""

import csv
import io
import json
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from .countries import COUNTRY_NAMES

SHIPPED_FILE = Path(__file__).resolve().parent / "data" / "nuts.json"
CODE_PATTERN = re.compile(r"^[A-Z]{2}[A-Z0-9]{0,3}$")
CODE_COLUMNS = ("code", "nuts code", "sr code", "nuts_id", "code 2024", "code 2021")
NAME_COLUMNS = ("name", "label", "nuts label", "sr label", "nuts_name", "title")
MAX_NAME = 255


class DatasetError(ValueError):
    """The file is not a readable NUTS data set; the message says why (and where)."""


@dataclass(frozen=True)
class Region:
    code: str
    name: str
    level: int
    parent: str | None


@dataclass(frozen=True)
class Dataset:
    title: str
    date: date | None
    regions: tuple[Region, ...]


def _level(code: str) -> int:
    return len(code) - 2


def _extra_regio(code: str) -> bool:
    return len(code) > 2 and code[2:].endswith("Z")


def build(rows, *, title: str, day: date | None) -> Dataset:
    """Check (code, name) rows and derive levels and parents; countries missing from the rows get the
    Eurostat country name. Extra-Regio codes are skipped."""
    names: dict[str, str] = {}
    for number, (code, name) in enumerate(rows, start=1):
        code = (code or "").strip().upper()
        name = " ".join((name or "").split())
        if not code and not name:
            continue
        if not CODE_PATTERN.match(code):
            raise DatasetError(f"row {number}: {code!r} is not a NUTS code")
        if not name:
            raise DatasetError(f"row {number}: the region {code} has no name")
        if len(name) > MAX_NAME:
            raise DatasetError(f"row {number}: the name of {code} is longer than {MAX_NAME} characters")
        if code in names:
            raise DatasetError(f"row {number}: the code {code} appears twice")
        if not _extra_regio(code):
            names[code] = name
    if not names:
        raise DatasetError("the file holds no NUTS region")
    for country in sorted({code[:2] for code in names} - set(names)):
        if country not in COUNTRY_NAMES:
            raise DatasetError(f"the country {country} has no row and no known name")
        names[country] = COUNTRY_NAMES[country]
    regions = []
    for code in sorted(names, key=lambda c: (_level(c), c)):
        regions.append(Region(code, names[code], _level(code), _parent(code, names)))
    return Dataset(title=(title or "").strip()[:255], date=day, regions=tuple(regions))


def _parent(code: str, names: dict[str, str]) -> str | None:
    if len(code) == 2:
        return None
    if code[:-1] in names:
        return code[:-1]
    # A few codes do not extend their parent's code (e.g. UKN10..UKN16 under UKN0): take the only region
    # one level up under the grandparent.
    siblings = [c for c in names if len(c) == len(code) - 1 and c.startswith(code[:-2])]
    if len(siblings) == 1:
        return siblings[0]
    raise DatasetError(f"the region {code} has no parent region {code[:-1]}")


def _day(value) -> date | None:
    if value in (None, ""):
        return None
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise DatasetError(f"{value!r} is not a date (YYYY-MM-DD)") from None


def parse_json(text: str) -> Dataset:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise DatasetError(f"not valid JSON: {error}") from None
    if not isinstance(data, dict) or not isinstance(data.get("regions"), list):
        raise DatasetError('a JSON data set is an object with "title", "date" and "regions"')
    rows = []
    for number, row in enumerate(data["regions"], start=1):
        if not (isinstance(row, list) and len(row) == 2 and all(isinstance(v, str) for v in row)):
            raise DatasetError(f"region {number}: expected [code, name]")
        rows.append(row)
    return build(rows, title=str(data.get("title") or ""), day=_day(data.get("date")))


def parse_csv(text: str, *, title: str, day: date | None) -> Dataset:
    sample = text[:4096]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text), dialect)
    header = [h.strip().lower() for h in next(reader, [])]
    code_col = next((header.index(c) for c in CODE_COLUMNS if c in header), None)
    name_col = next((header.index(c) for c in NAME_COLUMNS if c in header), None)
    if code_col is None or name_col is None:
        raise DatasetError("the CSV header needs a code column (code, NUTS Code, SR Code, NUTS_ID) "
                           "and a name column (name, label, NUTS label, SR label, NUTS_NAME)")
    rows = [(r[code_col] if len(r) > code_col else "", r[name_col] if len(r) > name_col else "")
            for r in reader if any(cell.strip() for cell in r)]
    return build(rows, title=title, day=day)


def parse(content: bytes, *, filename: str = "", title: str = "", day: date | None = None) -> Dataset:
    """Read a data set file: JSON in the shipped format, otherwise CSV (UTF-8, with or without BOM)."""
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise DatasetError("the file is not UTF-8 text") from None
    if text.lstrip().startswith("{"):
        dataset = parse_json(text)
        if title or day:
            dataset = Dataset(title=title or dataset.title, date=day or dataset.date, regions=dataset.regions)
        return dataset
    return parse_csv(text, title=title or Path(filename).name, day=day)


def shipped() -> Dataset:
    return parse(SHIPPED_FILE.read_bytes(), filename=SHIPPED_FILE.name)


def store(dataset: Dataset, *, NutsRegion, NutsMetadata, referenced: set[str], now=None) -> dict:
    """Replace the stored regions by the data set's. Regions that disappear are deleted, except those still
    referenced (programme area, controller institutions), which are kept with their old name.
    Returns counts {added, updated, removed, kept}."""
    existing = {r.code: r for r in NutsRegion.objects.all()}
    new_codes = {r.code for r in dataset.regions}
    added = updated = 0
    to_create, to_update = [], []
    for region in dataset.regions:
        old = existing.get(region.code)
        if old is None:
            to_create.append(NutsRegion(code=region.code, name=region.name, level=region.level,
                                        parent_id=region.parent))
            added += 1
        elif (old.name, old.level, old.parent_id) != (region.name, region.level, region.parent):
            old.name, old.level, old.parent_id = region.name, region.level, region.parent
            to_update.append(old)
            updated += 1
    NutsRegion.objects.bulk_create(to_create, batch_size=500)
    NutsRegion.objects.bulk_update(to_update, ["name", "level", "parent"], batch_size=500)
    obsolete = set(existing) - new_codes
    kept = {code for code in obsolete if code in referenced}
    # Keep the ancestors of kept regions too, so that the tree stays whole.
    for code in list(kept):
        parent = existing[code].parent_id
        while parent and parent in obsolete:
            kept.add(parent)
            parent = existing[parent].parent_id
    removable = sorted(obsolete - kept, key=len, reverse=True)
    for start in range(0, len(removable), 500):
        NutsRegion.objects.filter(code__in=removable[start:start + 500]).delete()
    metadata = NutsMetadata.objects.order_by("pk").first() or NutsMetadata()
    metadata.title, metadata.date, metadata.loaded_at = dataset.title, dataset.date, now
    metadata.save()
    return {"added": added, "updated": updated, "removed": len(removable), "kept": len(kept)}
