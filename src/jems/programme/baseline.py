"""Fresh-install baseline of the programme setup: English as UI, input and fallback language."""

from jems.core.languages import SystemLanguage


def ensure_languages(ProgrammeLanguage) -> None:
    if ProgrammeLanguage.objects.exists():
        return
    ProgrammeLanguage.objects.bulk_create([
        ProgrammeLanguage(code=code, ui=code == "EN", input=code == "EN", fallback=code == "EN")
        for code in SystemLanguage.values
    ])


def ensure() -> None:
    from .models import ProgrammeLanguage

    ensure_languages(ProgrammeLanguage)
