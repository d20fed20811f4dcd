"""Monthly EUR conversion rates (InforEuro)."""

from django.db import models


class CurrencyRate(models.Model):
    """The EUR conversion rate of one currency in one month: 1 EUR = `conversion_rate` units of `code`
    (ISO 4217). EUR itself has rate 1."""

    code = models.CharField(max_length=3)
    year = models.PositiveSmallIntegerField()
    month = models.PositiveSmallIntegerField()
    name = models.CharField(max_length=255)
    conversion_rate = models.DecimalField(max_digits=19, decimal_places=6)

    class Meta:
        ordering = ["year", "month", "code"]
        constraints = [models.UniqueConstraint(fields=["code", "year", "month"], name="currency_rate_code_month")]
        indexes = [models.Index(fields=["year", "month"], name="currency_rate_month")]

    def __str__(self):
        return f"{self.code} {self.year}-{self.month:02d}: {self.conversion_rate}"
