"""Programme-wide settings and the programme's own lists (Programme menu): basic data, languages,
translation files, funds, strategies, legal statuses, state-aid schemes, typology of errors and the
accounting years. Priorities, indicators, cost options, NUTS, currencies, controllers and checklists
live in their own apps."""

from django.db import models

from jems.core.languages import SystemLanguage
from jems.core.translatable import TranslatableField

from .codelists import FundType, LegalStatusType, StateAidMeasure, Strategy, TranslationFileType


class ProgrammeLanguage(models.Model):
    """One of the 34 system languages with its three flags: offered as UI language, used as input
    language of translatable data (at most 4), and the fallback (exactly one)."""

    code = models.CharField(max_length=2, primary_key=True, choices=SystemLanguage.choices)
    ui = models.BooleanField(default=False)
    input = models.BooleanField(default=False)
    fallback = models.BooleanField(default=False)

    class Meta:
        ordering = ["code"]

    def __str__(self):
        return self.code


class ProgrammeData(models.Model):
    """The programme's basic data: identification, decisions, eligibility period and the project-id
    scheme (abbreviation + optional call id + project id). A single row with id 1."""

    SINGLETON_ID = 1

    cci = models.CharField(max_length=15, null=True, blank=True)
    title = models.CharField(max_length=255, null=True, blank=True)
    version = models.CharField(max_length=255, null=True, blank=True)
    first_year = models.PositiveSmallIntegerField(null=True, blank=True)
    last_year = models.PositiveSmallIntegerField(null=True, blank=True)
    eligible_from = models.DateField(null=True, blank=True)
    eligible_until = models.DateField(null=True, blank=True)
    commission_decision_number = models.CharField(max_length=255, null=True, blank=True)
    commission_decision_date = models.DateField(null=True, blank=True)
    programme_amending_decision_number = models.CharField(max_length=255, null=True, blank=True)
    programme_amending_decision_date = models.DateField(null=True, blank=True)
    technical_assistance_flat_rate = models.DecimalField(max_digits=5, decimal_places=2, null=True, blank=True)
    project_id_programme_abbreviation = models.CharField(max_length=12, null=True, blank=True)
    project_id_use_call_id = models.BooleanField(default=False)

    def __str__(self):
        return self.title or "programme"


class TranslationFile(models.Model):
    """A programme's override of UI texts for one language and file type: the uploaded Java
    .properties file (key=value), applied on top of our own texts without a restart."""

    language = models.CharField(max_length=2, choices=SystemLanguage.choices)
    file_type = models.CharField(max_length=16, choices=TranslationFileType.choices)
    file_name = models.CharField(max_length=255)
    content = models.TextField(help_text="The uploaded file as text (UTF-8).")
    last_modified = models.DateTimeField()

    class Meta:
        ordering = ["language", "file_type"]
        constraints = [models.UniqueConstraint(fields=["language", "file_type"], name="translation_file_unique")]

    def __str__(self):
        return f"{self.file_type}_{self.language.lower()}.properties"


class ProgrammeFund(models.Model):
    """A fund of the programme (at most 20): one of the 7 predefined types or OTHER, with a translatable
    abbreviation and description; calls choose among the selected funds."""

    type = models.CharField(max_length=32, choices=FundType.choices, default=FundType.OTHER)
    selected = models.BooleanField(default=False)
    abbreviation = TranslatableField()
    description = TranslatableField()

    class Meta:
        ordering = ["id"]

    def __str__(self):
        return f"{self.type} {self.pk}"

    @property
    def predefined(self) -> bool:
        return self.type != FundType.OTHER


class ProgrammeStrategy(models.Model):
    """Whether one of the 15 macro-regional and sea-basin strategies applies to the programme."""

    strategy = models.CharField(max_length=64, primary_key=True, choices=Strategy.choices)
    active = models.BooleanField(default=False)

    class Meta:
        ordering = ["strategy"]

    def __str__(self):
        return self.strategy


class LegalStatus(models.Model):
    """A legal status partners choose from (at most 50): the predefined Public and Private ones and
    those the programme adds (type OTHER), with a translatable description."""

    type = models.CharField(max_length=16, choices=LegalStatusType.choices, default=LegalStatusType.OTHER)
    description = TranslatableField()

    class Meta:
        ordering = ["id"]

    def __str__(self):
        return f"{self.type} {self.pk}"

    @property
    def predefined(self) -> bool:
        return self.type != LegalStatusType.OTHER


class StateAid(models.Model):
    """A state-aid scheme of the programme (at most 40): the measure, translatable name, abbreviated
    name and comments, the GBER scheme number, the maximum aid intensity (%) and the threshold (EUR)."""

    measure = models.CharField(max_length=64, choices=StateAidMeasure.choices)
    name = TranslatableField()
    abbreviated_name = TranslatableField()
    scheme_number = models.CharField(max_length=25, null=True, blank=True)
    max_intensity = models.DecimalField(max_digits=5, decimal_places=2, null=True, blank=True)
    threshold = models.DecimalField(max_digits=17, decimal_places=2, null=True, blank=True)
    comments = TranslatableField()

    class Meta:
        ordering = ["id"]

    def __str__(self):
        return f"{self.measure} {self.pk}"


class TypologyError(models.Model):
    """An entry of the typology of errors (at most 100) that controllers assign to deductions."""

    description = models.CharField(max_length=500)

    class Meta:
        ordering = ["id"]

    def __str__(self):
        return self.description


class AccountingYear(models.Model):
    """An EC accounting year (1 July to 30 June; the first one of 2021–2027 starts on 1 January 2021):
    payment applications to the EC and the accounts are per fund and accounting year."""

    year = models.PositiveSmallIntegerField(unique=True)
    start_date = models.DateField()
    end_date = models.DateField()

    class Meta:
        ordering = ["year"]

    def __str__(self):
        return str(self.year)
