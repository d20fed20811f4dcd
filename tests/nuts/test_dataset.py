"""The NUTS data set: the shipped file, the CSV/JSON formats of `jems load_nuts`, storing a newer set."""

import json
import re

import pytest
from django.core.management import CommandError, call_command

from jems.audit.models import AuditEvent
from jems.nuts import dataset
from jems.nuts.models import NutsMetadata, NutsRegion, ProgrammeNuts

EU = {"AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "EL", "ES", "FI", "FR", "HR", "HU", "IE", "IT", "LT", "LU",
      "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK"}


def test_shipped_data_set_is_real_nuts():
    data = dataset.shipped()
    codes = {r.code: r for r in data.regions}
    countries = {c for c, r in codes.items() if r.level == 0}
    assert EU | {"CH", "NO", "IS", "LI", "AL", "ME", "MK", "RS", "TR", "UK"} <= countries
    assert len(countries) == 40
    assert codes["AT111"].name == "Mittelburgenland" and codes["AT111"].parent == "AT11"
    assert codes["AT11"].name == "Burgenland" and codes["AT1"].name == "Ostösterreich"
    assert codes["AT"].name == "Österreich"
    assert codes["DE300"].name == "Berlin"
    assert codes["SI041"].name == "Osrednjeslovenska"
    assert codes["UKN10"].parent == "UKN0"  # a NUTS 3 code that does not extend its parent's
    assert not any(c.endswith("ZZZ") for c in codes)  # no Extra-Regio
    assert sum(1 for r in data.regions if r.level == 3) > 1500
    assert data.date.isoformat() == "2024-01-01"


def test_fresh_install_has_the_shipped_data_set(db):
    assert NutsRegion.objects.count() == len(dataset.shipped().regions)
    assert NutsRegion.objects.get(code="ITH41").parent_id == "ITH4"
    assert NutsMetadata.objects.get().date.year == 2024


def test_csv_with_eurostat_headers_and_semicolons():
    text = "Country code;NUTS Code;NUTS label;NUTS level\nAT;AT1;Ostösterreich;1\nAT;AT11;Burgenland;2\n" \
           "AT;AT111; Mittelburgenland ;3\nAT;ATZZZ;Extra-Regio;3\n"
    data = dataset.parse(text.encode("utf-8-sig"), filename="nuts.csv", title="Test")
    assert [(r.code, r.name, r.level, r.parent) for r in data.regions] == [
        ("AT", "Österreich", 0, None), ("AT1", "Ostösterreich", 1, "AT"), ("AT11", "Burgenland", 2, "AT1"),
        ("AT111", "Mittelburgenland", 3, "AT11")]
    assert data.title == "Test"


@pytest.mark.parametrize(("content", "message"), [
    (b"code,name\nat-1,Somewhere\n", "not a NUTS code"),
    (b"code,name\nAT111,\n", "has no name"),
    (b"code,name\nAT1,A\nAT1,B\n", "appears twice"),
    (b"code,name\nAT111,Orphan\n", "no parent region"),
    (b"code;something\nAT1;x\n", "CSV header"),
    (b"\xff\xfe\x00", "not UTF-8"),
    (b'{"regions": [["AT", 1]]}', "expected [code, name]"),
    (b'{"title": "x", "date": "soon", "regions": [["AT", "A"]]}', "not a date"),
    (b"code,name\nQQ,Nowhere land\nQQ1,Somewhere\n", "QQ"),
])
def test_malformed_files_are_refused(content, message):
    if message == "QQ":
        dataset.parse(content)  # an unknown country with its own row is fine
        return
    with pytest.raises(dataset.DatasetError, match=re.escape(message)):
        dataset.parse(content)


def test_newer_data_set_keeps_regions_in_use(db, tmp_path):
    ProgrammeNuts.objects.create(region_id="AT111")
    rows = [["AT", "Österreich"], ["AT1", "Ostösterreich (neu)"], ["AT11", "Burgenland"], ["AT112", "Nordburgenland"],
            ["AT113", "Südburgenland"], ["AT114", "Neu"]]
    path = tmp_path / "nuts.json"
    path.write_text(json.dumps({"title": "NUTS test", "date": "2027-01-01", "regions": rows}), encoding="utf-8")
    call_command("load_nuts", str(path))
    assert NutsRegion.objects.get(code="AT1").name == "Ostösterreich (neu)"
    assert NutsRegion.objects.filter(code="AT114").exists()
    assert NutsRegion.objects.filter(code="AT111").exists()  # in the programme area: kept
    assert not NutsRegion.objects.filter(code="DE").exists()
    assert NutsMetadata.objects.get().title == "NUTS test"
    event = AuditEvent.objects.filter(action="NUTS_DATASET_DOWNLOAD").latest("id")
    assert "1 kept" in event.description and event.user_id is None


def test_load_nuts_refuses_a_malformed_file_and_keeps_the_regions(db, tmp_path):
    before = NutsRegion.objects.count()
    path = tmp_path / "bad.csv"
    path.write_text("code,name\nAT-9,Broken\n", encoding="utf-8")
    with pytest.raises(CommandError, match="not a NUTS code"):
        call_command("load_nuts", str(path))
    assert NutsRegion.objects.count() == before
    assert "not loaded" in AuditEvent.objects.filter(action="NUTS_DATASET_DOWNLOAD").latest("id").description


def test_load_nuts_without_file_reloads_the_shipped_set(db):
    NutsRegion.objects.filter(code="AT111").update(name="changed")
    call_command("load_nuts", "--title", "Reloaded", "--date", "2024-01-01")
    assert NutsRegion.objects.get(code="AT111").name == "Mittelburgenland"
    assert NutsMetadata.objects.get().title == "Reloaded"
    with pytest.raises(CommandError):
        call_command("load_nuts", "--date", "yesterday")
    with pytest.raises(CommandError):
        call_command("load_nuts", "/nonexistent/file.csv")
