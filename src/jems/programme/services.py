"""The write layer of the programme core: basic data, languages, translation files, funds, strategies,
legal statuses, state-aid schemes and the typology of errors.

Every function takes keyword-only arguments and an explicit `actor`, checks ProgrammeSetupUpdate, applies
the setup lock (jems.programme.lock: once a call is published, removals and key edits are refused,
additions stay allowed) and writes its Jems audit action in the same transaction.

Field errors use the API's property paths (camelCase; list items as `funds[2].abbreviation.language.en`
or `toPersist[0].description.language.en`), which the web pages map onto their form fields.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from jems.accounts.privileges import Privilege
from jems.accounts.services import require
from jems.audit.actions import AuditAction
from jems.audit.services import diff_description, record
from jems.core.errors import ValidationFailed
from jems.core.languages import LANGUAGE_CODES
from jems.core.translatable import translation_errors

from . import translations, versions
from .codelists import FundType, LegalStatusType, StateAidMeasure, Strategy, TranslationFileType
from .lock import refuse_if_locked
from .models import (
    LegalStatus,
    ProgrammeData,
    ProgrammeFund,
    ProgrammeLanguage,
    ProgrammeStrategy,
    StateAid,
    TranslationFile,
    TypologyError,
)

MAX_INPUT_LANGUAGES = 4
MAX_FUNDS = 20
MAX_LEGAL_STATUSES = 50
MAX_STATE_AIDS = 40
MAX_TYPOLOGY_ERRORS = 100
FUND_TEXT_MAX = 127
LEGAL_STATUS_TEXT_MAX = 50
STATE_AID_NAME_MAX = 250
STATE_AID_ABBREVIATION_MAX = 50
STATE_AID_SCHEME_NUMBER_MAX = 25
STATE_AID_COMMENTS_MAX = 500
TYPOLOGY_ERROR_MAX = 500
YEAR_MIN, YEAR_MAX = 2000, 2100
THRESHOLD_MAX = Decimal("999999999999999.99")

# Basic data: (model field, API name, maximum length) of the text fields.
DATA_TEXTS = (
    ("cci", "cci", 15),
    ("title", "title", 255),
    ("version", "version", 255),
    ("commission_decision_number", "commissionDecisionNumber", 255),
    ("programme_amending_decision_number", "programmeAmendingDecisionNumber", 255),
    ("project_id_programme_abbreviation", "projectIdProgrammeAbbreviation", 12),
)
DATA_OTHERS = (
    ("first_year", "firstYear"), ("last_year", "lastYear"), ("eligible_from", "eligibleFrom"),
    ("eligible_until", "eligibleUntil"), ("commission_decision_date", "commissionDecisionDate"),
    ("programme_amending_decision_date", "programmeAmendingDecisionDate"),
    ("technical_assistance_flat_rate", "technicalAssistanceFlatRate"), ("project_id_use_call_id", "projectIdUseCallId"),
)
DATA_API_NAMES = {model_field: name for model_field, name, _max in DATA_TEXTS} | dict(DATA_OTHERS)


# --- helpers -----------------------------------------------------------------------------------------------


def _message(key: str, **args) -> dict:
    return {"i18nKey": key, "i18nArguments": {k: str(v) for k, v in args.items()}}


def _length_error(value: str | None, max_length: int):
    if value is not None and len(value) > max_length:
        return _message("common.error.field.max.length", actualLength=len(value), requiredLength=max_length)
    return None


def _raise_if(errors: dict) -> None:
    if errors:
        raise ValidationFailed(form_errors=errors)


def _clean_text(value) -> str | None:
    if value is None:
        return None
    value = str(value).strip()
    return value or None


def _clean_translations(value: Mapping[str, str] | None) -> dict[str, str]:
    """Known language codes with non-blank texts (stripped)."""
    return {code: text.strip() for code, text in (value or {}).items()
            if code in LANGUAGE_CODES and isinstance(text, str) and text.strip()}


def _decimal_error(value, *, minimum: Decimal, maximum: Decimal, places: int = 2) -> bool:
    """True when `value` is not a finite decimal in [minimum, maximum] with at most `places` decimals."""
    try:
        number = Decimal(str(value))
    except (InvalidOperation, ValueError):
        return True
    if not number.is_finite() or number < minimum or number > maximum:
        return True
    return number != number.quantize(Decimal(1).scaleb(-places))


def _texts(stored: Mapping[str, str]) -> str:
    return ", ".join(f"{code}: {text}" for code, text in sorted(stored.items())) or "-"


def _check_version(expected: str | None, current: str) -> None:
    """Optimistic locking (pages): refuse when the data changed since the page showed it."""
    if expected is not None and expected != current:
        raise ValidationFailed("Someone else saved a change here meanwhile.", key=versions.CHANGED_KEY)


def _on_commit_invalidate() -> None:
    transaction.on_commit(translations.invalidate)


# --- basic data ----------------------------------------------------------------------------------------------


def update_programme_data(*, actor, values: Mapping, expected_version: str | None = None) -> ProgrammeData:
    """Save the basic data. `values` holds the model field names of ProgrammeData (absent = null, as the
    whole object is sent). Once the setup is locked, the project-id scheme cannot change any more."""
    require(actor, Privilege.ProgrammeSetupUpdate)
    new = {f: _clean_text(values.get(f)) for f, _n, _m in DATA_TEXTS}
    for model_field, _name in DATA_OTHERS:
        new[model_field] = values.get(model_field)
    new["project_id_use_call_id"] = bool(new["project_id_use_call_id"])
    errors = {}
    for model_field, name, max_length in DATA_TEXTS:
        error = _length_error(new[model_field], max_length)
        if error:
            errors[name] = error
    for model_field in ("first_year", "last_year"):
        year = new[model_field]
        if year is not None and not (isinstance(year, int) and YEAR_MIN <= year <= YEAR_MAX):
            errors[DATA_API_NAMES[model_field]] = _message("programme.data.year.range", min=YEAR_MIN, max=YEAR_MAX)
    if "firstYear" not in errors and "lastYear" not in errors and new["first_year"] and new["last_year"] \
            and new["last_year"] < new["first_year"]:
        errors["lastYear"] = _message("programme.data.last.year.before.first")
    if isinstance(new["eligible_from"], date) and isinstance(new["eligible_until"], date) \
            and new["eligible_until"] < new["eligible_from"]:
        errors["eligibleUntil"] = _message("programme.data.eligible.until.before.from")
    rate = new["technical_assistance_flat_rate"]
    if rate is not None:
        if _decimal_error(rate, minimum=Decimal(0), maximum=Decimal(100)):
            errors["technicalAssistanceFlatRate"] = _message("programme.data.flat.rate.range")
        else:
            new["technical_assistance_flat_rate"] = Decimal(str(rate)).quantize(Decimal("0.01"))
    _raise_if(errors)
    with transaction.atomic():
        data, _created = ProgrammeData.objects.select_for_update().get_or_create(pk=ProgrammeData.SINGLETON_ID)
        _check_version(expected_version, versions.programme_data_version(data))
        before = {name: getattr(data, model_field) for model_field, name in DATA_API_NAMES.items()}
        if (before["projectIdProgrammeAbbreviation"] != new["project_id_programme_abbreviation"]
                or before["projectIdUseCallId"] != new["project_id_use_call_id"]):
            refuse_if_locked(_("Changing the project identifier scheme"), field="projectIdProgrammeAbbreviation")
        for model_field, value in new.items():
            setattr(data, model_field, value)
        data.save()
        after = {name: getattr(data, model_field) for model_field, name in DATA_API_NAMES.items()}
        if before != after:
            record(AuditAction.PROGRAMME_BASIC_DATA_EDITED, actor=actor,
                   description="Programme basic data changed:\n" + diff_description(before, after))
    return data


# --- languages ----------------------------------------------------------------------------------------------


@dataclass
class LanguageInput:
    """The three flags of one system language as the client sends them."""

    code: str
    ui: bool
    input: bool
    fallback: bool


def update_languages(*, actor, languages: Iterable[LanguageInput], expected_version: str | None = None
                     ) -> list[ProgrammeLanguage]:
    """Set the UI, input and fallback flags: exactly one fallback, 1–4 input languages. Languages not sent
    keep their flags. Once the setup is locked, input languages and the fallback cannot change."""
    require(actor, Privilege.ProgrammeSetupUpdate)
    languages = list(languages)
    seen = set()
    for entry in languages:
        if entry.code not in LANGUAGE_CODES:
            raise ValidationFailed(fields={"code": "common.error.input.invalid"})
        if entry.code in seen:
            raise ValidationFailed(form_errors={"code": _message("programme.language.duplicate", language=entry.code)})
        seen.add(entry.code)
    with transaction.atomic():
        rows = {row.code: row for row in ProgrammeLanguage.objects.select_for_update()}
        _check_version(expected_version, versions.languages_version(rows.values()))
        before = {code: (row.ui, row.input, row.fallback) for code, row in rows.items()}
        for entry in languages:
            row = rows.get(entry.code) or ProgrammeLanguage(code=entry.code)
            row.ui, row.input, row.fallback = bool(entry.ui), bool(entry.input), bool(entry.fallback)
            rows[entry.code] = row
        inputs = sorted(code for code, row in rows.items() if row.input)
        fallbacks = [code for code, row in rows.items() if row.fallback]
        errors = {}
        if len(fallbacks) != 1:
            errors["fallback"] = _message("programme.language.fallback.exactly.one")
        if not inputs:
            errors["input"] = _message("programme.language.input.min")
        elif len(inputs) > MAX_INPUT_LANGUAGES:
            errors["input"] = _message("programme.language.input.max", max=MAX_INPUT_LANGUAGES)
        _raise_if(errors)
        old_inputs = sorted(code for code, flags in before.items() if flags[1])
        old_fallback = [code for code, flags in before.items() if flags[2]]
        if inputs != old_inputs:
            refuse_if_locked(_("Changing the input languages"), field="input")
        if fallbacks != old_fallback:
            refuse_if_locked(_("Changing the fallback language"), field="fallback")
        changed = [row for code, row in rows.items() if before.get(code) != (row.ui, row.input, row.fallback)]
        for row in changed:
            row.save()
        old_ui = sorted(code for code, flags in before.items() if flags[0])
        ui = sorted(code for code, row in rows.items() if row.ui)
        if ui != old_ui or fallbacks != old_fallback:
            record(AuditAction.PROGRAMME_UI_LANGUAGES_CHANGED, actor=actor,
                   description=f"Programme UI languages changed to: {', '.join(ui) or '-'}; "
                               f"fallback language: {fallbacks[0]}")
        if inputs != old_inputs:
            record(AuditAction.PROGRAMME_INPUT_LANGUAGES_CHANGED, actor=actor,
                   description=f"Programme input languages changed to: {', '.join(inputs)}")
    return sorted(rows.values(), key=lambda row: row.code)


# --- translation files ------------------------------------------------------------------------------------


def upload_translation_file(*, actor, file_type: str, language: str, upload) -> TranslationFile:
    """Store a programme's translation file (Java .properties, UTF-8) for one language and file type,
    replacing the previous one; it applies to the UI texts from the next request on, in every worker.
    `upload` is the uploaded file (with `name`, `size` and `read()`)."""
    require(actor, Privilege.ProgrammeSetupUpdate)
    if file_type not in TranslationFileType.values or language not in LANGUAGE_CODES:
        raise ValidationFailed(fields={"fileType" if file_type not in TranslationFileType.values else "language":
                                       "common.error.input.invalid"})
    if upload is None:
        raise ValidationFailed(fields={"file": "programme.translation.file.required"})
    max_mb = settings.MAX_UPLOAD_FILE_SIZE_MB
    if (upload.size or 0) > max_mb * 1024 * 1024:
        raise ValidationFailed(form_errors={"file": _message("programme.translation.file.too.big", maxSize=max_mb)},
                               key="programme.translation.file.too.big", args={"maxSize": max_mb})
    try:
        text = translations.decode_properties(upload.read())
        entries = translations.parse_properties(text)
    except translations.PropertiesError:
        raise ValidationFailed(fields={"file": "programme.translation.file.unreadable"},
                               key="programme.translation.file.unreadable") from None
    name = translations.file_name(file_type, language)
    with transaction.atomic():
        file, _created = TranslationFile.objects.select_for_update().update_or_create(
            language=language, file_type=file_type,
            defaults={"file_name": name, "content": text, "last_modified": timezone.now()})
        record(AuditAction.PROGRAMME_TRANSLATION_FILE_UPLOADED, actor=actor,
               description=f"Translation file {name} uploaded ({len(entries)} texts; file name "
                           f"{(getattr(upload, 'name', '') or name)[:255]})")
        _on_commit_invalidate()
    return file


# --- funds --------------------------------------------------------------------------------------------------


@dataclass
class FundInput:
    """A fund as the client sends it; `type` None keeps the stored type (new funds get OTHER)."""

    id: int | None
    selected: bool
    type: str | None = None
    abbreviation: dict = field(default_factory=dict)
    description: dict = field(default_factory=dict)


def _fixed_english(path: str, stored: dict, sent: dict, key: str, errors: dict) -> dict:
    """Predefined rows keep their English text: a missing one is kept, a different one refused."""
    english = stored.get("EN")
    if english is None:
        return sent
    if "EN" in sent and sent["EN"] != english:
        errors[f"{path}.language.en"] = _message(key)
    return {**sent, "EN": english}


def update_funds(*, actor, funds: Iterable[FundInput], expected_version: str | None = None) -> list[ProgrammeFund]:
    """Replace the programme's fund list with `funds` (at most 20): funds without an id (or an unknown
    one) are added with type OTHER; funds left out are removed, except the 7 predefined ones. Once the
    setup is locked no fund can be removed and a selected fund cannot be unselected."""
    require(actor, Privilege.ProgrammeSetupUpdate)
    funds = list(funds)
    with transaction.atomic():
        existing = {fund.pk: fund for fund in ProgrammeFund.objects.select_for_update()}
        _check_version(expected_version, versions.funds_version(existing.values()))
        errors: dict = {}
        kept_ids = set()
        result: list[tuple[ProgrammeFund | None, FundInput, dict, dict]] = []
        for index, fund in enumerate(funds):
            path = f"funds[{index}]"
            row = existing.get(fund.id) if fund.id is not None and fund.id not in kept_ids else None
            abbreviation = _clean_translations(fund.abbreviation)
            description = _clean_translations(fund.description)
            if row is None:
                if fund.type not in (None, FundType.OTHER):
                    errors[f"{path}.type"] = _message("programme.fund.type.other.only")
            else:
                kept_ids.add(row.pk)
                if fund.type is not None and fund.type != row.type:
                    errors[f"{path}.type"] = _message("programme.fund.type.fixed")
                if row.predefined:
                    abbreviation = _fixed_english(f"{path}.abbreviation", row.abbreviation, abbreviation,
                                                  "programme.fund.predefined.text.fixed", errors)
                    description = _fixed_english(f"{path}.description", row.description, description,
                                                 "programme.fund.predefined.text.fixed", errors)
            if not abbreviation:
                errors[f"{path}.abbreviation"] = _message("programme.fund.abbreviation.required")
            errors.update(translation_errors(f"{path}.abbreviation", abbreviation, FUND_TEXT_MAX))
            errors.update(translation_errors(f"{path}.description", description, FUND_TEXT_MAX))
            result.append((row, fund, abbreviation, description))
        removed = [fund for pk, fund in existing.items() if pk not in kept_ids]
        if any(fund.predefined for fund in removed):
            errors["funds"] = _message("programme.fund.predefined.not.removable")
        if len(funds) > MAX_FUNDS:
            errors["funds"] = _message("programme.fund.max", max=MAX_FUNDS)
        _raise_if(errors)
        if removed:
            refuse_if_locked(_("Removing a fund"), field="funds")
        for index, (row, fund, _a, _d) in enumerate(result):
            if row is not None and row.selected and not fund.selected:
                refuse_if_locked(_("Unselecting a fund"), field=f"funds[{index}].selected")
        changes = []
        for fund in removed:
            changes.append(f"removed {fund.pk} ({_texts(fund.abbreviation)})")
            fund.delete()
        for row, fund, abbreviation, description in result:
            if row is None:
                row = ProgrammeFund.objects.create(type=FundType.OTHER, selected=bool(fund.selected),
                                                   abbreviation=abbreviation, description=description)
                changes.append(f"added {row.pk} ({_texts(abbreviation)}), selected: {row.selected}")
            elif (row.selected, row.abbreviation, row.description) != (bool(fund.selected), abbreviation, description):
                if row.selected != bool(fund.selected):
                    changes.append(f"{row.pk} ({_texts(abbreviation)}) selected: {row.selected} -> {bool(fund.selected)}")
                else:
                    changes.append(f"{row.pk} ({_texts(abbreviation)}) texts changed")
                row.selected, row.abbreviation, row.description = bool(fund.selected), abbreviation, description
                row.save()
        if changes:
            record(AuditAction.PROGRAMME_FUNDS_CHANGED, actor=actor,
                   description="Programme funds changed:\n" + "\n".join(changes))
    return list(ProgrammeFund.objects.all())


# --- strategies ---------------------------------------------------------------------------------------------


def update_strategies(*, actor, strategies: Iterable[tuple[str, bool]], expected_version: str | None = None
                      ) -> list[ProgrammeStrategy]:
    """Set which strategies apply; strategies not sent keep their flag. Once the setup is locked an
    active strategy cannot be deactivated."""
    require(actor, Privilege.ProgrammeSetupUpdate)
    wanted = {}
    for code, active in strategies:
        if code not in Strategy.values:
            raise ValidationFailed(fields={"strategy": "common.error.input.invalid"})
        wanted[code] = bool(active)
    with transaction.atomic():
        rows = {row.strategy: row for row in ProgrammeStrategy.objects.select_for_update()}
        _check_version(expected_version, versions.strategies_version(rows.values()))
        changed = []
        for code, active in wanted.items():
            row = rows.get(code)
            if row is None:
                row = rows[code] = ProgrammeStrategy(strategy=code, active=False)
                changed.append(row)
            if row.active != active:
                if row.active:
                    refuse_if_locked(_("Deactivating a strategy"), field="strategy")
                row.active = active
                if row not in changed:
                    changed.append(row)
        for row in changed:
            row.save()
        if changed:
            active = [code for code in Strategy.values if code in rows and rows[code].active]
            record(AuditAction.PROGRAMME_STRATEGIES_CHANGED, actor=actor,
                   description="Programme strategies changed, active: " + (", ".join(active) or "-"))
    return sorted(rows.values(), key=lambda row: Strategy.values.index(row.strategy))


# --- legal statuses -----------------------------------------------------------------------------------------


@dataclass
class LegalStatusInput:
    """A legal status as the client sends it; new ones (no or unknown id) get type OTHER."""

    id: int | None
    type: str | None = None
    description: dict = field(default_factory=dict)


def update_legal_statuses(*, actor, to_delete: Iterable[int], to_persist: Iterable[LegalStatusInput],
                          expected_version: str | None = None) -> list[LegalStatus]:
    """Remove, change and add legal statuses (at most 50). Public and Private cannot be removed and keep
    their English description; added statuses have type OTHER. Once the setup is locked, none can be
    removed."""
    require(actor, Privilege.ProgrammeSetupUpdate)
    to_delete = set(to_delete or ())
    to_persist = list(to_persist)
    with transaction.atomic():
        existing = {row.pk: row for row in LegalStatus.objects.select_for_update()}
        _check_version(expected_version, versions.legal_statuses_version(existing.values()))
        deleted = [existing[pk] for pk in sorted(to_delete) if pk in existing]
        errors: dict = {}
        if any(row.predefined for row in deleted):
            errors["toDeleteIds"] = _message("programme.legal.status.predefined.not.removable")
        plan = []
        for index, status in enumerate(to_persist):
            path = f"toPersist[{index}]"
            row = existing.get(status.id) if status.id is not None else None
            if row is not None and row.pk in to_delete:
                continue
            description = _clean_translations(status.description)
            if row is None:
                if status.type not in (None, LegalStatusType.OTHER):
                    errors[f"{path}.type"] = _message("programme.legal.status.type.other.only")
            else:
                if status.type is not None and status.type != row.type:
                    errors[f"{path}.type"] = _message("programme.legal.status.type.fixed")
                if row.predefined:
                    description = _fixed_english(f"{path}.description", row.description, description,
                                                 "programme.legal.status.predefined.text.fixed", errors)
            errors.update(translation_errors(f"{path}.description", description, LEGAL_STATUS_TEXT_MAX))
            plan.append((row, description))
        total = len(existing) - len(deleted) + sum(1 for row, _d in plan if row is None)
        if total > MAX_LEGAL_STATUSES:
            errors["toPersist"] = _message("programme.legal.status.max", max=MAX_LEGAL_STATUSES)
        _raise_if(errors)
        if deleted:
            refuse_if_locked(_("Removing a legal status"), field="toDeleteIds")
        changes = []
        for row in deleted:
            changes.append(f"removed {row.pk} ({_texts(row.description)})")
            row.delete()
        for row, description in plan:
            if row is None:
                row = LegalStatus.objects.create(type=LegalStatusType.OTHER, description=description)
                changes.append(f"added {row.pk} ({_texts(description)})")
            elif row.description != description:
                changes.append(f"{row.pk}: {_texts(row.description)} -> {_texts(description)}")
                row.description = description
                row.save()
        if changes:
            record(AuditAction.LEGAL_STATUS_EDITED, actor=actor,
                   description="Values for partner legal status changed:\n" + "\n".join(changes))
    return list(LegalStatus.objects.all())


# --- state aid ----------------------------------------------------------------------------------------------


@dataclass
class StateAidInput:
    """A state-aid scheme as the client sends it; id 0, none or unknown adds a scheme."""

    id: int | None
    measure: str
    name: dict = field(default_factory=dict)
    abbreviated_name: dict = field(default_factory=dict)
    scheme_number: str | None = None
    max_intensity: Decimal | None = None
    threshold: Decimal | None = None
    comments: dict = field(default_factory=dict)


def update_state_aids(*, actor, to_delete: Iterable[int], to_persist: Iterable[StateAidInput],
                      expected_version: str | None = None) -> list[StateAid]:
    """Remove, change and add state-aid schemes (at most 40). Once the setup is locked, schemes cannot be
    removed and their measure cannot change."""
    require(actor, Privilege.ProgrammeSetupUpdate)
    to_delete = set(to_delete or ())
    to_persist = list(to_persist)
    with transaction.atomic():
        existing = {row.pk: row for row in StateAid.objects.select_for_update()}
        _check_version(expected_version, versions.state_aids_version(existing.values()))
        deleted = [existing[pk] for pk in sorted(to_delete) if pk in existing]
        errors: dict = {}
        plan = []
        for index, aid in enumerate(to_persist):
            path = f"toPersist[{index}]"
            row = existing.get(aid.id) if aid.id else None
            if row is not None and row.pk in to_delete:
                continue
            values = {
                "measure": aid.measure,
                "name": _clean_translations(aid.name),
                "abbreviated_name": _clean_translations(aid.abbreviated_name),
                "scheme_number": _clean_text(aid.scheme_number),
                "max_intensity": aid.max_intensity,
                "threshold": aid.threshold,
                "comments": _clean_translations(aid.comments),
            }
            if aid.measure not in StateAidMeasure.values:
                errors[f"{path}.measure"] = _message("common.error.input.invalid")
            errors.update(translation_errors(f"{path}.name", values["name"], STATE_AID_NAME_MAX))
            errors.update(translation_errors(f"{path}.abbreviatedName", values["abbreviated_name"],
                                             STATE_AID_ABBREVIATION_MAX))
            errors.update(translation_errors(f"{path}.comments", values["comments"], STATE_AID_COMMENTS_MAX))
            error = _length_error(values["scheme_number"], STATE_AID_SCHEME_NUMBER_MAX)
            if error:
                errors[f"{path}.schemeNumber"] = error
            for name, key, maximum in (("max_intensity", "maxIntensity", Decimal(100)),
                                       ("threshold", "threshold", THRESHOLD_MAX)):
                if values[name] is None:
                    continue
                if _decimal_error(values[name], minimum=Decimal(0), maximum=maximum):
                    errors[f"{path}.{key}"] = _message(
                        "programme.state.aid.max.intensity.range" if key == "maxIntensity"
                        else "programme.state.aid.threshold.range")
                else:
                    values[name] = Decimal(str(values[name])).quantize(Decimal("0.01"))
            plan.append((index, row, values))
        total = len(existing) - len(deleted) + sum(1 for _i, row, _v in plan if row is None)
        if total > MAX_STATE_AIDS:
            errors["toPersist"] = _message("programme.state.aid.max", max=MAX_STATE_AIDS)
        _raise_if(errors)
        if deleted:
            refuse_if_locked(_("Removing a state aid scheme"), field="toDeleteIds")
        for index, row, values in plan:
            if row is not None and row.measure != values["measure"]:
                refuse_if_locked(_("Changing the measure of a state aid scheme"), field=f"toPersist[{index}].measure")
        changes = []
        for row in deleted:
            changes.append(f"removed {row.pk} ({row.measure}, {_texts(row.name)})")
            row.delete()
        for _index, row, values in plan:
            if row is None:
                row = StateAid.objects.create(**values)
                changes.append(f"added {row.pk} ({row.measure}, {_texts(row.name)})")
            elif any(getattr(row, name) != value for name, value in values.items()):
                for name, value in values.items():
                    setattr(row, name, value)
                row.save()
                changes.append(f"changed {row.pk} ({row.measure}, {_texts(row.name)})")
        if changes:
            record(AuditAction.PROGRAMME_STATE_AID_CHANGED, actor=actor,
                   description="Programme state aid schemes changed:\n" + "\n".join(changes))
    return list(StateAid.objects.all())


# --- typology of errors -------------------------------------------------------------------------------------


@dataclass
class TypologyErrorInput:
    """An entry of the typology of errors; no or unknown id adds one."""

    id: int | None
    description: str = ""


def update_typology_errors(*, actor, to_delete: Iterable[int], to_persist: Iterable[TypologyErrorInput],
                           expected_version: str | None = None) -> list[TypologyError]:
    """Remove, change and add entries (at most 100, description up to 500 characters). Once the setup is
    locked, entries cannot be removed."""
    require(actor, Privilege.ProgrammeSetupUpdate)
    to_delete = set(to_delete or ())
    to_persist = list(to_persist)
    with transaction.atomic():
        existing = {row.pk: row for row in TypologyError.objects.select_for_update()}
        _check_version(expected_version, versions.typology_errors_version(existing.values()))
        deleted = [existing[pk] for pk in sorted(to_delete) if pk in existing]
        errors: dict = {}
        plan = []
        for index, entry in enumerate(to_persist):
            path = f"toPersist[{index}]"
            row = existing.get(entry.id) if entry.id is not None else None
            if row is not None and row.pk in to_delete:
                continue
            description = (entry.description or "").strip()
            if not description:
                errors[f"{path}.description"] = _message("programme.typology.errors.description.required")
            elif len(description) > TYPOLOGY_ERROR_MAX:
                errors[f"{path}.description"] = _length_error(description, TYPOLOGY_ERROR_MAX)
            plan.append((row, description))
        total = len(existing) - len(deleted) + sum(1 for row, _d in plan if row is None)
        if total > MAX_TYPOLOGY_ERRORS:
            errors["toPersist"] = _message("programme.typology.errors.max", max=MAX_TYPOLOGY_ERRORS)
        _raise_if(errors)
        if deleted:
            refuse_if_locked(_("Removing an entry of the typology of errors"), field="toDeleteIds")
        changes = []
        for row in deleted:
            changes.append(f"removed {row.pk} ({row.description})")
            row.delete()
        for row, description in plan:
            if row is None:
                row = TypologyError.objects.create(description=description)
                changes.append(f"added {row.pk} ({description})")
            elif row.description != description:
                changes.append(f"{row.pk}: {row.description} -> {description}")
                row.description = description
                row.save()
        if changes:
            record(AuditAction.PROGRAMME_TYPOLOGY_ERRORS, actor=actor,
                   description="Programme typology of errors changed:\n" + "\n".join(changes))
    return list(TypologyError.objects.all())
