"""The 34 system languages of Jems (ISO 639-1 style codes, upper case) with their native names."""

from django.db import models


class SystemLanguage(models.TextChoices):
    """A language in which translatable data can be entered and the UI shown."""

    BE = "BE", "беларуская мова"
    BG = "BG", "български език"
    CS = "CS", "čeština"
    DA = "DA", "dansk"
    DE = "DE", "Deutsch"
    EL = "EL", "ελληνικά"
    EN = "EN", "English"
    ES = "ES", "Español"
    ET = "ET", "eesti"
    FI = "FI", "suomi"
    FR = "FR", "français"
    GA = "GA", "Gaeilge"
    HR = "HR", "hrvatski jezik"
    HU = "HU", "magyar"
    IT = "IT", "Italiano"
    JA = "JA", "日本語"
    LB = "LB", "Lëtzebuergesch"
    LT = "LT", "lietuvių kalba"
    LV = "LV", "latviešu valoda"
    MT = "MT", "Malti"
    MK = "MK", "македонски јазик"
    NL = "NL", "Nederlands"
    NO = "NO", "Norsk"
    PL = "PL", "język polski"
    PT = "PT", "Português"
    RO = "RO", "Română"
    RU = "RU", "русский"
    SK = "SK", "Slovenčina"
    SL = "SL", "Slovenski Jezik"
    SQ = "SQ", "Shqip"
    SR = "SR", "српски језик"
    SV = "SV", "Svenska"
    TR = "TR", "Türkçe"
    UK = "UK", "Українська"


LANGUAGE_CODES = frozenset(SystemLanguage.values)
