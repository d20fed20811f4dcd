"""Changes of the application-form field configuration and of the call translation files.

Every change needs CallUpdate, runs in one transaction with its audit entry (CALL_CONFIGURATION_CHANGED)
and refuses invalid input with 422 field errors named after the field id (configuration) or `file`
(translations). Once a call is published, fields may only become more visible (features §3.6 /
code-lists §5.1): a shown field is never hidden again and never moves from "step 1 & 2" to "step 2 only".
"""

from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from jems.accounts.privileges import Privilege
from jems.accounts.services import require
from jems.audit.actions import AuditAction
from jems.audit.services import record
from jems.calls.models import Call
from jems.core.errors import NotFound, ValidationFailed
from jems.core.languages import LANGUAGE_CODES

from . import fields as rules
from . import queries
from .models import CallTranslationFile, FieldConfiguration


def _message(key: str, **args) -> dict:
    return {"i18nKey": key, "i18nArguments": {k: str(v) for k, v in args.items()}}


def _locked_call(call_id: int) -> Call:
    call = Call.objects.select_for_update().filter(pk=call_id).only(*queries.CALL_FIELDS).first()
    if call is None:
        raise NotFound(key="call.not.found")
    return call


# --- application-form field configuration ----------------------------------------------------------------


@dataclass(frozen=True)
class FieldInput:
    """One field as the client sends it: `visible` false means NONE, else `available_in_step`."""

    id: str
    visible: bool
    available_in_step: str

    @property
    def status(self) -> str | None:
        if not self.visible:
            return rules.NONE
        return self.available_in_step if self.available_in_step in (rules.BOTH, rules.STEP_TWO) else None


def update_field_configuration(*, actor, call_id: int, fields: list[FieldInput],
                               expected_version: str | None = None) -> dict[str, str]:
    """Save the statuses of the fields sent (fields not sent keep theirs) and return every field's status.

    Refusals (422, formErrors keyed by field id): unknown field id, a field sent twice with different
    values, a status the field does not allow in this call type, and after publication a field hidden
    again or narrowed from "step 1 & 2" to "step 2 only". Fields of the budget group follow "Budget &
    Co-financing" unless hidden. With `expected_version` (the page's fingerprint, queries.version) a save
    based on a configuration someone else changed meanwhile is refused (422 call.form.config.changed.meanwhile)."""
    require(actor, Privilege.CallUpdate)
    with transaction.atomic():
        call = _locked_call(call_id)
        spf, published = queries.is_spf(call), queries.is_published(call)
        old = queries.call_values(call)
        if expected_version is not None and expected_version != queries.version(old):
            raise ValidationFailed(key="call.form.config.changed.meanwhile")
        new = dict(old)
        errors: dict[str, dict] = {}
        sent: dict[str, str | None] = {}
        for item in fields:
            field = rules.BY_ID.get(item.id)
            if field is None:
                errors[item.id] = _message("call.form.config.field.unknown", id=item.id)
                continue
            status = item.status
            if item.id in sent and sent[item.id] != status:
                errors[item.id] = _message("call.form.config.field.duplicate", id=item.id)
                continue
            sent[item.id] = status
            if status is None or status not in field.allowed(spf):
                errors[item.id] = _message("call.form.config.option.not.allowed", id=item.id,
                                           option=status or item.available_in_step,
                                           allowed=", ".join(field.allowed(spf)))
                continue
            new[item.id] = status
        if not errors:
            new = rules.apply_budget_dependency(new)
            if published:
                for field_id, status in new.items():
                    if rules.RANK[status] < rules.RANK[old[field_id]]:
                        errors[field_id] = _message(
                            "call.form.config.published.hidden" if status == rules.NONE
                            else "call.form.config.published.narrowed", id=field_id)
        if errors:
            raise ValidationFailed(form_errors=errors, key="call.form.config.invalid")
        changed = {field_id: (old[field_id], status) for field_id, status in new.items() if status != old[field_id]}
        stored = queries.stored_values(call.pk)
        if changed or len(stored) != len(new):
            FieldConfiguration.objects.filter(call=call).delete()
            FieldConfiguration.objects.bulk_create(
                FieldConfiguration(call=call, field_id=field_id, visibility=status) for field_id, status in new.items())
        if changed:
            summary = ", ".join(f"{field_id}: {before} -> {after}" for field_id, (before, after) in changed.items())
            record(AuditAction.CALL_CONFIGURATION_CHANGED, actor=actor, entity_related_id=call.pk,
                   description=f"Application form configuration of call '{call.name}' (id {call.pk}) changed: "
                               f"{summary}")
    return new


# --- call translation files -----------------------------------------------------------------------------------


def translation_file_name(language: str) -> str:
    return f"Application-CallSpecific_{language.lower()}.properties"


def file_version(file: CallTranslationFile | None) -> str:
    """Fingerprint of a language's file as a page showed it ("" = no file): optimistic locking."""
    return file.uploaded_at.isoformat() if file else ""


def _check_file_version(call, language: str, expected_version: str | None) -> None:
    if expected_version is None:
        return
    current = CallTranslationFile.objects.filter(call=call, language=language).only("uploaded_at").first()
    if file_version(current) != expected_version:
        raise ValidationFailed(key="call.translation.file.changed.meanwhile")


def upload_translation_file(*, actor, call_id: int, language: str, upload,
                            expected_version: str | None = None) -> CallTranslationFile:
    """Store (or replace) the call's override file of application-form texts for one language.
    `upload` is the uploaded file (with `name`, `size` and `read()`); over the size limit or not a
    readable .properties file → 422 on `file`. With `expected_version` (file_version of what the page
    showed) a file changed meanwhile by someone else is not replaced (422)."""
    from jems.programme.translations import PropertiesError, decode_properties, parse_properties

    require(actor, Privilege.CallUpdate)
    if language not in LANGUAGE_CODES:
        raise ValidationFailed(fields={"language": "common.error.input.invalid"})
    if upload is None:
        raise ValidationFailed(fields={"file": "call.translation.file.required"}, key="call.translation.file.required")
    max_mb = settings.MAX_UPLOAD_FILE_SIZE_MB
    if (upload.size or 0) > max_mb * 1024 * 1024:
        raise ValidationFailed(form_errors={"file": _message("call.translation.file.too.big", maxSize=max_mb)},
                               key="call.translation.file.too.big", args={"maxSize": max_mb})
    try:
        text = decode_properties(upload.read())
        entries = parse_properties(text)
    except PropertiesError:
        raise ValidationFailed(fields={"file": "call.translation.file.unreadable"},
                               key="call.translation.file.unreadable") from None
    name = translation_file_name(language)
    with transaction.atomic():
        call = _locked_call(call_id)
        _check_file_version(call, language, expected_version)
        file, _created = CallTranslationFile.objects.update_or_create(
            call=call, language=language, defaults={"file_name": name, "content": text, "uploaded_at": timezone.now()})
        record(AuditAction.CALL_CONFIGURATION_CHANGED, actor=actor, entity_related_id=call.pk,
               description=f"Translation file {name} of call '{call.name}' (id {call.pk}) uploaded "
                           f"({len(entries)} texts; file name {(getattr(upload, 'name', '') or name)[:255]})")
    return file


def delete_translation_file(*, actor, call_id: int, language: str, expected_version: str | None = None) -> None:
    """Remove the call's file of one language (404 when there is none; 422 when `expected_version` is given
    and the file was replaced meanwhile)."""
    require(actor, Privilege.CallUpdate)
    with transaction.atomic():
        call = _locked_call(call_id)
        if expected_version:
            _check_file_version(call, language, expected_version)
        deleted, _detail = CallTranslationFile.objects.filter(call=call, language=language).delete()
        if not deleted:
            raise NotFound(key="call.translation.file.not.found")
        record(AuditAction.CALL_CONFIGURATION_CHANGED, actor=actor, entity_related_id=call.pk,
               description=f"Translation file {translation_file_name(language)} of call '{call.name}' "
                           f"(id {call.pk}) deleted")
