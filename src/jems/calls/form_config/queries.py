"""Reads of the application-form configuration and the call translation files."""

import hashlib
import json
from dataclasses import dataclass

from jems.accounts.privileges import Privilege
from jems.calls.models import Call, CallStatus, CallType
from jems.core.errors import Forbidden, NotFound
from jems.core.languages import SystemLanguage

from . import fields as rules
from .models import CallTranslationFile, FieldConfiguration

CALL_FIELDS = ("id", "name", "type", "status", "end_date_step1")


def is_spf(call) -> bool:
    return call.type == CallType.SPF


def is_published(call) -> bool:
    return call.status == CallStatus.PUBLISHED


def is_two_step(call) -> bool:
    return call.end_date_step1 is not None


def can_read(actor, call) -> bool:
    if actor is None or not actor.is_authenticated:
        return False
    return actor.has_privilege(Privilege.CallRetrieve) or (
        is_published(call) and actor.has_privilege(Privilege.CallPublishedRetrieve))


def readable_call(*, actor, call_id: int) -> Call:
    """The call if the actor may see it: 404 when it does not exist, 403 without CallRetrieve (published
    calls: CallPublishedRetrieve is enough)."""
    if actor is None or not actor.is_authenticated:
        raise Forbidden()
    call = Call.objects.filter(pk=call_id).only(*CALL_FIELDS).first()
    if call is None:
        raise NotFound(key="call.not.found")
    if not can_read(actor, call):
        raise Forbidden()
    return call


def stored_values(call_id: int) -> dict[str, str]:
    return dict(FieldConfiguration.objects.filter(call_id=call_id).values_list("field_id", "visibility"))


def version(values: dict[str, str]) -> str:
    """Fingerprint of a call's configuration: the page sends it back so that a save based on values someone
    else changed meanwhile is refused (optimistic locking)."""
    return hashlib.sha256(json.dumps(sorted(values.items())).encode()).hexdigest()[:20]


def call_values(call) -> dict[str, str]:
    """Every field's status in the call (stored or default)."""
    return rules.effective(stored_values(call.pk), spf=is_spf(call))


@dataclass(frozen=True)
class FieldState:
    """A field of the configuration as the API and the page show it."""

    field: rules.FieldSetting
    visibility: str
    allowed: tuple[str, ...]
    options: tuple[str, ...]  # what may be chosen now (after publication: only widening)
    visibility_locked: bool
    step_selection_locked: bool
    hidden_on_page: bool

    @property
    def id(self) -> str:
        return self.field.id

    @property
    def visible(self) -> bool:
        return self.visibility != rules.NONE


def states(call, values: dict[str, str] | None = None) -> list[FieldState]:
    """The 141 fields with the call's values, their allowed options and the locks."""
    values = values if values is not None else call_values(call)
    spf, published = is_spf(call), is_published(call)
    return [FieldState(field=field, visibility=values[field.id], allowed=field.allowed(spf),
                       options=rules.widening_targets(field, values[field.id], spf=spf, published=published),
                       visibility_locked=field.visibility_locked(spf),
                       step_selection_locked=field.step_selection_locked(spf),
                       hidden_on_page=field.hidden_on_page(spf))
            for field in rules.FIELDS]


def field_configuration(*, actor, call_id: int) -> tuple[Call, list[FieldState]]:
    """The call and its application-form field configuration (all 141 fields)."""
    call = readable_call(actor=actor, call_id=call_id)
    return call, states(call)


def field_configurations_for_api(call) -> list[dict]:
    """The ApplicationFormFieldConfigurationDTO rows of a call (for CallDetailDTO; no privilege check)."""
    from .schemas import field_configuration_dtos

    return field_configuration_dtos(states(call))


def field_visibility(call_id: int) -> dict[str, str]:
    """For the application form: field id → NONE / STEP_ONE_AND_TWO / STEP_TWO_ONLY for all 141 fields of
    the call (no privilege check: the caller has already decided the user may see the project). NONE hides
    the field; in one-step calls both other statuses mean "shown"; in two-step calls STEP_TWO_ONLY fields are
    hidden in step 1."""
    call = Call.objects.filter(pk=call_id).only(*CALL_FIELDS).first()
    if call is None:
        raise NotFound(key="call.not.found")
    return call_values(call)


# --- translations -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class TranslationRow:
    """A language of the call's translation settings: the uploaded file (if any) and the programme's
    Application file for that language (if any)."""

    language: str
    file: CallTranslationFile | None
    default_from_programme: str | None

    @property
    def label(self) -> str:
        return SystemLanguage(self.language).label


def translation_languages() -> list[str]:
    """The languages offered: the programme's UI and input languages, in system-language order."""
    from jems.programme.models import ProgrammeLanguage

    codes = {code for code, ui, input_ in ProgrammeLanguage.objects.values_list("code", "ui", "input") if ui or input_}
    return [code for code in SystemLanguage.values if code in codes] or [SystemLanguage.EN.value]


def translations(*, actor, call_id: int) -> tuple[Call, list[TranslationRow]]:
    """Per language: the call's file and the programme default; languages with a file always appear."""
    from jems.programme.codelists import TranslationFileType
    from jems.programme.models import TranslationFile

    call = readable_call(actor=actor, call_id=call_id)
    files = {file.language: file for file in CallTranslationFile.objects.filter(call=call).defer("content")}
    programme = dict(TranslationFile.objects.filter(file_type=TranslationFileType.Application)
                     .values_list("language", "file_name"))
    languages = set(translation_languages()) | set(files)
    return call, [TranslationRow(language=code, file=files.get(code), default_from_programme=programme.get(code))
                  for code in SystemLanguage.values if code in languages]


def programme_default(language: str) -> str | None:
    """The name of the programme's Application translation file of the language, if uploaded."""
    from jems.programme.codelists import TranslationFileType
    from jems.programme.models import TranslationFile

    return (TranslationFile.objects.filter(file_type=TranslationFileType.Application, language=language)
            .values_list("file_name", flat=True).first())


def translation_file(*, actor, call_id: int, file_id: int) -> tuple[str, bytes]:
    """Name and content of a call's translation file (404 when it is not a file of this call)."""
    call = readable_call(actor=actor, call_id=call_id)
    file = CallTranslationFile.objects.filter(pk=file_id, call=call).first()
    if file is None:
        raise NotFound(key="call.translation.file.not.found")
    return file.file_name, file.content.encode("utf-8")


def translation_file_by_language(*, actor, call_id: int, language: str) -> tuple[str, bytes]:
    call = readable_call(actor=actor, call_id=call_id)
    file = CallTranslationFile.objects.filter(call=call, language=language).first()
    if file is None:
        raise NotFound(key="call.translation.file.not.found")
    return file.file_name, file.content.encode("utf-8")


def call_text_overrides(call_id: int, language: str) -> dict[str, str]:
    """For the application form: the texts the call's file overrides in this language (key → text);
    empty when the call has no file for the language."""
    from jems.programme.translations import PropertiesError, parse_properties

    content = (CallTranslationFile.objects.filter(call_id=call_id, language=(language or "").upper())
               .values_list("content", flat=True).first())
    if not content:
        return {}
    try:
        return parse_properties(content)
    except PropertiesError:
        return {}
