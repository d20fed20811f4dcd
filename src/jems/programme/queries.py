"""The read layer of the programme core. Functions with an `actor` check ProgrammeSetupRetrieve; those
without one are for other apps' services and pages (calls choose selected funds, partners pick legal
statuses and state-aid schemes, controllers the typology of errors)."""

from jems.accounts.privileges import Privilege
from jems.accounts.services import require
from jems.core.languages import SystemLanguage

from . import translations
from .codelists import Strategy, TranslationFileType
from .lock import is_setup_locked
from .models import (
    AccountingYear,
    LegalStatus,
    ProgrammeData,
    ProgrammeFund,
    ProgrammeLanguage,
    ProgrammeStrategy,
    StateAid,
    TranslationFile,
    TypologyError,
)


def _retrieve(actor) -> None:
    require(actor, Privilege.ProgrammeSetupRetrieve)


# --- basic data ----------------------------------------------------------------------------------------------


def programme_data_row() -> ProgrammeData:
    """The basic data (an unsaved empty row before the baseline exists)."""
    return ProgrammeData.objects.filter(pk=ProgrammeData.SINGLETON_ID).first() or ProgrammeData(
        pk=ProgrammeData.SINGLETON_ID)


def programme_data(*, actor) -> ProgrammeData:
    _retrieve(actor)
    return programme_data_row()


def programme_area() -> list[dict]:
    """The programme's NUTS regions as OutputNuts dicts (from the NUTS app; empty when it has none)."""
    try:
        from jems.nuts.queries import programme_area_tree
    except ImportError:
        return []
    return programme_area_tree()


def is_locked(*, actor) -> bool:
    _retrieve(actor)
    return is_setup_locked()


def has_projects_in_status(*, actor, status: str) -> bool:
    """Whether any project is in `status`; there are no projects yet in this release."""
    _retrieve(actor)
    return False


def is_fast_track_locked(*, actor) -> bool:
    """Fast-track lump sums lock once reports exist; reporting does not exist yet in this release."""
    _retrieve(actor)
    return False


def is_fast_track_lump_sum_ready_for_payment(*, actor, lump_sum_id: int) -> bool:
    """Whether a fast-track lump sum was marked ready for payment; payments do not exist yet."""
    _retrieve(actor)
    return False


def accounting_years(*, actor) -> list[AccountingYear]:
    _retrieve(actor)
    return list(AccountingYear.objects.all())


# --- languages -----------------------------------------------------------------------------------------------


def languages(*, actor) -> list[ProgrammeLanguage]:
    """The 34 system languages with their flags, in system-language order."""
    _retrieve(actor)
    rows = {row.code: row for row in ProgrammeLanguage.objects.all()}
    return [rows.get(code) or ProgrammeLanguage(code=code) for code in SystemLanguage.values]


def available_languages() -> dict:
    """Public: the UI (system) languages, the input languages and the fallback language."""
    rows = list(ProgrammeLanguage.objects.all())
    order = SystemLanguage.values
    ui = sorted((row.code for row in rows if row.ui), key=order.index)
    inputs = sorted((row.code for row in rows if row.input), key=order.index) or ["EN"]
    fallback = next((row.code for row in rows if row.fallback), "EN")
    return {"input_languages": inputs, "system_languages": ui or [fallback], "fallback_language": fallback}


# --- translation files ---------------------------------------------------------------------------------------


def translation_files(*, actor) -> list[TranslationFile]:
    """Metadata of the uploaded translation files (content deferred)."""
    _retrieve(actor)
    return list(TranslationFile.objects.defer("content"))


def translation_file(*, actor, file_type: str, language: str) -> tuple[str, bytes]:
    """(file name, content) of the current texts of a language and file type: our texts with the
    programme's uploaded overrides applied."""
    _retrieve(actor)
    file_type = TranslationFileType(file_type)
    texts = translations.merged_texts(language, file_type)
    header = f"Jems {file_type.label}, language {language}: our texts with the programme's overrides"
    return translations.file_name(file_type, language), translations.dump_properties(texts, header=header).encode()


def default_translation_file(*, actor, file_type: str) -> tuple[str, bytes]:
    """(file name, content) of the default English texts of a file type, as a template to translate."""
    _retrieve(actor)
    file_type = TranslationFileType(file_type)
    texts = translations.default_texts("EN", file_type)
    header = f"Jems {file_type.label}: default English texts"
    return translations.file_name(file_type, "EN"), translations.dump_properties(texts, header=header).encode()


# --- funds, strategies, legal statuses, state aid, typology of errors ------------------------------------------


def funds(*, actor) -> list[ProgrammeFund]:
    _retrieve(actor)
    return list(ProgrammeFund.objects.all())


def selected_funds() -> list[ProgrammeFund]:
    return list(ProgrammeFund.objects.filter(selected=True))


def strategies(*, actor) -> list[ProgrammeStrategy]:
    """The 15 strategies with their flag, in the order of the code list."""
    _retrieve(actor)
    rows = {row.strategy: row for row in ProgrammeStrategy.objects.all()}
    return [rows.get(code) or ProgrammeStrategy(strategy=code, active=False) for code in Strategy.values]


def active_strategies() -> list[str]:
    active = set(ProgrammeStrategy.objects.filter(active=True).values_list("strategy", flat=True))
    return [code for code in Strategy.values if code in active]


def legal_statuses(*, actor) -> list[LegalStatus]:
    _retrieve(actor)
    return list(LegalStatus.objects.all())


def all_legal_statuses() -> list[LegalStatus]:
    return list(LegalStatus.objects.all())


def state_aids(*, actor) -> list[StateAid]:
    _retrieve(actor)
    return list(StateAid.objects.all())


def all_state_aids() -> list[StateAid]:
    return list(StateAid.objects.all())


def typology_errors(*, actor) -> list[TypologyError]:
    _retrieve(actor)
    return list(TypologyError.objects.all())


def all_typology_errors() -> list[TypologyError]:
    return list(TypologyError.objects.all())
