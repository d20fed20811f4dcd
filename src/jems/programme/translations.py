"""UI text overrides from the programme's translation files (Programme → Translation management).

A programme uploads `System_<lang>.properties` / `Application_<lang>.properties` files (Java
properties: key=value, UTF-8). Their keys are our message keys (jems.core.messages.TEXTS) and any other
label key a client of /api/i18n uses. They apply without a restart:

* `override_text(key, language)` answers the uploaded text of a key; `jems.core.messages.text_for`
  asks it first;
* `merged_texts(locale)` is the map behind GET /api/i18n/{locale}: our texts with the overrides on top;
* every other key is the English text of a UI string (the gettext message id, as in the downloaded
  System file): `TranslationOverridesMiddleware` puts those into the gettext catalogues of the shipped
  UI languages, so pages show them from the next request on.

Every process keeps the parsed files in memory. Once per request (and on every call outside a
request) it compares a cheap database stamp (newest upload time and number of files) with the one it
loaded; when another worker has stored a new file, the stamp differs and the files are read again.
"""

import re
import threading

from django.conf import settings
from django.core.signals import request_finished, request_started
from django.db import DatabaseError
from django.db.models import Count, Max
from django.utils import translation

from jems.core.languages import LANGUAGE_CODES

from .codelists import TranslationFileType

# Keys of texts about projects (application form, contracting, reporting) belong to the Application
# file; all other keys to the System file.
APPLICATION_KEY_PREFIXES = ("project.", "application.", "partner.", "report.", "contracting.", "control.")

# --- Java properties format ---------------------------------------------------------------------------

_ESCAPES = {"t": "\t", "n": "\n", "r": "\r", "f": "\f"}


def _logical_lines(text: str):
    """Join continued lines (ending with an odd number of backslashes); skip blanks and comments."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    index = 0
    while index < len(lines):
        line = lines[index].lstrip(" \t\f")
        index += 1
        if not line or line[0] in "#!":
            continue
        while _continues(line) and index < len(lines):
            line = line[:-1] + lines[index].lstrip(" \t\f")
            index += 1
        if _continues(line):
            line = line[:-1]
        yield line


def _continues(line: str) -> bool:
    trailing = len(line) - len(line.rstrip("\\"))
    return trailing % 2 == 1


def _unescape(text: str) -> str:
    out = []
    index = 0
    while index < len(text):
        char = text[index]
        if char != "\\" or index + 1 >= len(text):
            if char != "\\":
                out.append(char)
            index += 1
            continue
        nxt = text[index + 1]
        if nxt == "u":
            digits = text[index + 2:index + 6]
            try:
                if len(digits) != 4:
                    raise ValueError
                out.append(chr(int(digits, 16)))
            except ValueError:
                raise PropertiesError(f"malformed \\u escape: \\u{digits}") from None
            index += 6
            continue
        out.append(_ESCAPES.get(nxt, nxt))
        index += 2
    return "".join(out)


class PropertiesError(ValueError):
    """The text is not a readable properties file."""


def parse_properties(text: str) -> dict[str, str]:
    """Parse Java properties text (comments, continuations, `=`/`:`/blank separators, escapes)."""
    entries: dict[str, str] = {}
    for line in _logical_lines(text):
        index = 0
        while index < len(line):
            char = line[index]
            if char == "\\":
                index += 2
                continue
            if char in "=: \t\f":
                break
            index += 1
        key = line[:index]
        rest = line[index:].lstrip(" \t\f")
        if rest[:1] in ("=", ":"):
            rest = rest[1:].lstrip(" \t\f")
        entries[_unescape(key)] = _unescape(rest)
    return entries


def _escape(text: str, *, key: bool) -> str:
    out = []
    for position, char in enumerate(text):
        if char == "\\":
            out.append("\\\\")
        elif char in "\t\n\r\f":
            out.append("\\" + {"\t": "t", "\n": "n", "\r": "r", "\f": "f"}[char])
        elif char == " " and (key or position == 0):
            out.append("\\ ")
        elif char in "=:" and key:
            out.append("\\" + char)
        elif char in "#!" and position == 0:
            out.append("\\" + char)
        else:
            out.append(char)
    return "".join(out)


def dump_properties(entries: dict[str, str], *, header: str = "") -> str:
    """Write entries as a UTF-8 properties text, sorted by key."""
    lines = [f"# {line}" for line in header.splitlines()]
    lines += [f"{_escape(key, key=True)}={_escape(value, key=False)}" for key, value in sorted(entries.items())]
    return "\n".join(lines) + "\n"


def decode_properties(data: bytes) -> str:
    """Decode an uploaded file: UTF-8 (with or without BOM), else ISO-8859-1 as older Java tools write."""
    if b"\x00" in data:
        raise PropertiesError("binary content")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("iso-8859-1")


def file_name(file_type: str, language: str) -> str:
    return f"{file_type}_{language.lower()}.properties"


# --- our default texts --------------------------------------------------------------------------------


def file_type_of(key: str) -> str:
    return TranslationFileType.Application if key.startswith(APPLICATION_KEY_PREFIXES) else TranslationFileType.System


def language_code(language: str | None) -> str:
    """A system-language code (upper case) from a Django language or locale name ("de", "de-at", "DE")."""
    code = (language or settings.LANGUAGE_CODE).replace("_", "-").split("-")[0].upper()
    return code if code in LANGUAGE_CODES else "EN"


def _shipped(code: str) -> bool:
    return code.lower() in {language for language, _name in settings.LANGUAGES}


def default_texts(code: str = "EN", file_type: str | None = None) -> dict[str, str]:
    """Our own texts in a language we ship (English for the others), of one file type or all."""
    from jems.core.messages import TEXTS

    language = code.lower() if _shipped(code) else "en"
    texts = {}
    if file_type in (None, TranslationFileType.System):
        # The UI strings of the pages, keyed by their English text (as translated for the shipped language).
        texts.update((message_id, translated) for message_id, translated in _page_strings(language).items())
    with translation.override(language):
        texts.update((key, str(text)) for key, text in TEXTS.items() if file_type is None or file_type_of(key) == file_type)
    return texts


def _page_strings(language: str) -> dict[str, str]:
    """The singular gettext strings we ship, English text → text in `language` (itself in English)."""
    catalog = _shipped_catalog("de")
    message_ids = [key for key in catalog if isinstance(key, str) and key]
    if language == "en":
        return {key: key for key in message_ids}
    own = _shipped_catalog(language)
    return {key: own.get(key, key) for key in message_ids}


def _shipped_catalog(language: str) -> dict:
    """The gettext entries of a shipped language as compiled from our .po files (without overrides)."""
    from django.utils.translation import trans_real

    base = trans_real.translation(language)._catalog
    patched = _patched.get(language, {})
    result = {}
    for key, value in base.items():
        if key in patched:
            if patched[key][0] is None:
                continue  # an uploaded string that we do not ship
            value = patched[key][0]
        result[key] = value
    return result


# --- the uploaded overrides, cached per process -----------------------------------------------------------

_lock = threading.Lock()
_cache: dict = {"stamp": None, "files": {}}
# Per shipped UI language: the gettext entries we replaced, message id → (original text or None,).
_patched: dict[str, dict[str, tuple]] = {}
_request = threading.local()


def _on_request_started(**kwargs):
    _request.active = True
    _request.checked = False


def _on_request_finished(**kwargs):
    _request.active = False


request_started.connect(_on_request_started, dispatch_uid="jems.programme.translations.started")
request_finished.connect(_on_request_finished, dispatch_uid="jems.programme.translations.finished")


def invalidate() -> None:
    """Make the next lookup in this thread compare the stamp again (after an upload)."""
    _request.checked = False


def _load() -> dict[tuple[str, str], dict[str, str]]:
    from .models import TranslationFile

    if getattr(_request, "active", False) and getattr(_request, "checked", False):
        return _cache["files"]
    try:
        stamp = TranslationFile.objects.aggregate(newest=Max("last_modified"), count=Count("id"))
        stamp = (stamp["newest"], stamp["count"])
        if stamp != _cache["stamp"]:
            files = {}
            for file in TranslationFile.objects.only("file_type", "language", "content"):
                try:
                    files[(file.file_type, file.language)] = parse_properties(file.content)
                except PropertiesError:
                    files[(file.file_type, file.language)] = {}
            with _lock:
                _cache["stamp"], _cache["files"] = stamp, files
                _apply_to_gettext(files)
    except DatabaseError:  # before the migrations ran: no overrides
        return {}
    _request.checked = True
    return _cache["files"]


def _apply_to_gettext(files) -> None:
    """Put the uploaded UI strings into the gettext catalogues of the shipped UI languages (in place, so
    every thread sees them), after restoring what an earlier upload had replaced."""
    from django.utils.translation import trans_real

    from jems.core.messages import TEXTS

    for language, replaced in _patched.items():
        entries = trans_real.translation(language)._catalog._catalogs[0]
        for message_id, (original,) in replaced.items():
            if original is None:
                entries.pop(message_id, None)
            else:
                entries[message_id] = original
    _patched.clear()
    for language, _name in settings.LANGUAGES:
        code = language_code(language)
        wanted = {}
        for kind in (TranslationFileType.System, TranslationFileType.Application):
            wanted.update((k, v) for k, v in files.get((kind.value, code), {}).items() if k not in TEXTS)
        if not wanted:
            continue
        entries = trans_real.translation(language)._catalog._catalogs[0]
        _patched[language] = {key: (entries.get(key),) for key in wanted}
        entries.update(wanted)


def refresh() -> None:
    """Pick up translation files another process stored since this one last looked (one query)."""
    _load()


def overrides(code: str, file_type: str | None = None) -> dict[str, str]:
    """The uploaded texts of a language: System entries, then Application entries on top."""
    files = _load()
    merged: dict[str, str] = {}
    for kind in (TranslationFileType.System, TranslationFileType.Application):
        if file_type is None or kind == file_type:
            merged.update(files.get((kind.value, code), {}))
    return merged


# Jems' files write arguments as {{name}}; our texts as {name}.
_JEMS_PLACEHOLDER = re.compile(r"\{\{\s*(\w+)\s*\}\}")


def override_text(key: str, language: str | None = None) -> str | None:
    """The programme's text for `key` in `language` (the active UI language by default), if uploaded."""
    code = language_code(language or translation.get_language())
    files = _load()
    for kind in (TranslationFileType.Application, TranslationFileType.System):
        text = files.get((kind.value, code), {}).get(key)
        if text is not None:
            return _JEMS_PLACEHOLDER.sub(r"{\1}", text)
    return None


def merged_texts(locale: str, file_type: str | None = None) -> dict[str, str]:
    """The UI texts of a locale: our texts, then the programme's overrides. For a language whose texts we
    do not ship, the programme's fallback language fills in first (its texts and its overrides)."""
    from .languages import fallback_language

    code = language_code(locale)
    layers = [code]
    if not _shipped(code):
        fallback = fallback_language()
        if fallback != code:
            layers.insert(0, fallback)
    texts = default_texts(layers[0], file_type)
    for layer in layers:
        texts.update(overrides(layer, file_type))
    return texts
