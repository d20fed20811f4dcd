"""Which languages translatable data is entered in: the programme's input languages."""

from jems.core.languages import SystemLanguage

from .models import ProgrammeLanguage


def input_languages() -> list[str]:
    """The input-language codes in system-language order (English when none is configured)."""
    codes = set(ProgrammeLanguage.objects.filter(input=True).values_list("code", flat=True))
    return [code for code in SystemLanguage.values if code in codes] or [SystemLanguage.EN.value]


def fallback_language() -> str:
    return ProgrammeLanguage.objects.filter(fallback=True).values_list("code", flat=True).first() or "EN"
