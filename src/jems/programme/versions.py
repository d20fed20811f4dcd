"""Optimistic locking of the programme pages: a short fingerprint of the data a page showed. The page sends
it back with its changes; the service refuses the save when the stored data has changed meanwhile
(someone else saved), so that nobody silently overwrites another user's change."""

import hashlib
import json

CHANGED_KEY = "programme.setup.changed.meanwhile"


def fingerprint(value) -> str:
    return hashlib.sha256(json.dumps(value, sort_keys=True, default=str).encode()).hexdigest()[:20]


def programme_data_version(data) -> str:
    from .services import DATA_API_NAMES

    return fingerprint([getattr(data, field) for field in sorted(DATA_API_NAMES)])


def languages_version(rows) -> str:
    return fingerprint(sorted((row.code, row.ui, row.input, row.fallback) for row in rows))


def funds_version(rows) -> str:
    return fingerprint([(row.pk, row.type, row.selected, row.abbreviation, row.description)
                        for row in sorted(rows, key=lambda row: row.pk)])


def strategies_version(rows) -> str:
    return fingerprint(sorted((row.strategy, row.active) for row in rows))


def legal_statuses_version(rows) -> str:
    return fingerprint([(row.pk, row.type, row.description) for row in sorted(rows, key=lambda row: row.pk)])


def state_aids_version(rows) -> str:
    return fingerprint([(row.pk, row.measure, row.name, row.abbreviated_name, row.scheme_number,
                         None if row.max_intensity is None else f"{row.max_intensity:.2f}",
                         None if row.threshold is None else f"{row.threshold:.2f}", row.comments)
                        for row in sorted(rows, key=lambda row: row.pk)])


def typology_errors_version(rows) -> str:
    return fingerprint([(row.pk, row.description) for row in sorted(rows, key=lambda row: row.pk)])
