"""The German catalogue: complete, well-formed, compiled, and using the programme's German terms."""

import gettext
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from jems.core.messages import TEXTS

CATALOGUE = Path(__file__).resolve().parents[2] / "src" / "jems" / "locale" / "de" / "LC_MESSAGES"
PO, MO = CATALOGUE / "django.po", CATALOGUE / "django.mo"

needs_gettext = pytest.mark.skipif(not shutil.which("msgattrib") or not shutil.which("msgfmt"),
                                   reason="Debian's gettext (msgattrib, msgfmt) is not installed")


def _run(*args: str) -> str:
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


def _msgids(po_text: str) -> list[str]:
    """The message ids of a .po text, the header's empty id left out."""
    return [m for m in re.findall(r'^msgid "(.*)"$', po_text, re.M) if m]


@needs_gettext
def test_every_message_is_translated_and_none_is_fuzzy():
    assert _msgids(_run("msgattrib", "--untranslated", str(PO))) == []
    assert _msgids(_run("msgattrib", "--only-fuzzy", str(PO))) == []


@needs_gettext
def test_placeholders_and_plural_forms_pass_msgfmt_check(tmp_path):
    _run("msgfmt", "--check", "-o", str(tmp_path / "django.mo"), str(PO))


@needs_gettext
def test_compiled_catalogue_matches_the_po_file(tmp_path):
    """The tracked .mo is compiled from the current .po (run compilemessages after editing it)."""
    fresh = tmp_path / "django.mo"
    _run("msgfmt", "-o", str(fresh), str(PO))
    with fresh.open("rb") as new, MO.open("rb") as tracked:
        assert gettext.GNUTranslations(tracked)._catalog == gettext.GNUTranslations(new)._catalog


def test_message_keys_keep_their_placeholders_in_german():
    """text_for fills {name} placeholders: a German text must name the same ones as the English."""
    names = re.compile(r"\{(\w*)\}")
    wrong = {}
    for key, text in TEXTS.items():
        english = str(text)
        with translation.override("de"):
            german = str(text)
        if sorted(names.findall(english)) != sorted(names.findall(german)):
            wrong[key] = german
    assert wrong == {}


@pytest.mark.parametrize(("english", "german"), [
    ("Lead partner", "Lead Partner"),
    ("Project partners", "Projektpartner"),
    ("Associated organisations", "Assoziierte Organisationen"),
    ("Work packages", "Arbeitspakete"),
    ("Activities", "Aktivitäten"),
    ("Add deliverable to activity %(w)s.%(n)s", "Lieferergebnis zu Aktivität %(w)s.%(n)s hinzufügen"),
    ("Investments", "Investitionen"),
    ("C.6 – Project time plan", "C.6 – Zeitplan des Projekts"),
    ("Check & Submit", "Prüfen & Einreichen"),
    ("State aid self-check", "Beihilfe-Selbstprüfung"),
    ("Partner teams", "Partnerteams"),
    ("Application annexes", "Anhänge zum Antrag"),
])
def test_application_form_pages_use_the_programme_terms(english, german):
    with translation.override("de"):
        assert _(english) == german


def test_plural_forms_in_german():
    with translation.override("de"):
        assert ngettext("%(n)s warning", "%(n)s warnings", 1) % {"n": 1} == "1 Warnung"
        assert ngettext("%(n)s warning", "%(n)s warnings", 3) % {"n": 3} == "3 Warnungen"
        assert ngettext("Time plan over %(n)s period", "Time plan over %(n)s periods", 6) % {"n": 6} == (
            "Zeitplan über 6 Perioden")
