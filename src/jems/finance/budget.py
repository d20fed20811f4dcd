"""The partner budget: row sums, flat rates and the budget per period (finance-rules.md §1, §6 rules 1–2).

* ``row_sum(units, price)`` – §1.1 ``fl2(pricePerUnit × numberOfUnits)``.
* ``BudgetOptions`` – the five flat-rate options of a partner (§1.2), ``None`` when not used;
  ``replaced_categories(options)`` – the entered categories whose rows a flat rate deletes and rejects (§1.2).
* ``CategorySums`` – entered sums per category; ``calculate(options, sums) -> BudgetTotals`` – §1.3 B(options, S)
  with the flat rates in their fixed order (staff, travel, office, other), each truncated (``dn2``).
* ``period_count(duration, length)`` and ``period_months(k, length, duration)`` – the periods of §1.5;
  ``PREPARATION`` (0) and ``CLOSURE`` (255) are the two pseudo periods.
* ``split_per_period(options, total, period_sums, periods)`` – §1.5 per-period totals of one partner: periods 0 and
  255 hold only lump sums, periods 1..n−1 apply B(options, ·) to their own sums, the last period n takes every
  remainder; ``split_spf_per_period`` – the separate SPF row; ``sum_periods`` – project totals per period;
  ``period_percentages`` – the UI percentages with the last real period as 100 − the others.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields, replace
from decimal import Decimal

from jems.finance.rounding import HUNDRED, ZERO, dec, dn2, fl2, hu2, percent_of, ratio

PREPARATION = 0
CLOSURE = 255


def row_sum(units: Decimal | int, price: Decimal | int) -> Decimal:
    """The sum of a budget row: ``fl2(pricePerUnit × numberOfUnits)`` (§1.1; also multi-category unit costs)."""
    return fl2(dec(price) * dec(units))


@dataclass(frozen=True)
class BudgetOptions:
    """A partner's flat-rate options (§1.2): an integer rate 1..100 or ``None`` when the flat rate is not used."""

    staff_costs_flat_rate: int | None = None
    office_and_administration_on_staff_costs_flat_rate: int | None = None
    office_and_administration_on_direct_costs_flat_rate: int | None = None
    travel_and_accommodation_on_staff_costs_flat_rate: int | None = None
    other_costs_on_staff_costs_flat_rate: int | None = None


def replaced_categories(options: BudgetOptions) -> frozenset[str]:
    """The ``CategorySums`` fields whose entered rows the active flat rates delete and reject (§1.2 side effects).

    Staff FR replaces staff rows, travel FR travel rows; the other-costs FR leaves only staff rows and lump sums,
    so travel, external, equipment, infrastructure and unit-cost rows go.
    """
    replaced = set()
    if options.staff_costs_flat_rate is not None:
        replaced.add("staff")
    if options.travel_and_accommodation_on_staff_costs_flat_rate is not None:
        replaced.add("travel")
    if options.other_costs_on_staff_costs_flat_rate is not None:
        replaced.update({"travel", "external", "equipment", "infrastructure", "unit_costs"})
    return frozenset(replaced)


@dataclass(frozen=True)
class CategorySums:
    """Entered sums per cost category (§1.1): row sums or per-period amounts; ``unit_costs`` = multi-category."""

    staff: Decimal = ZERO
    travel: Decimal = ZERO
    external: Decimal = ZERO
    equipment: Decimal = ZERO
    infrastructure: Decimal = ZERO
    lump_sums: Decimal = ZERO
    unit_costs: Decimal = ZERO
    spf: Decimal = ZERO


@dataclass(frozen=True)
class BudgetTotals:
    """The calculated budget B(options, S) of §1.3: every category after the flat rates, and their total."""

    staff: Decimal = ZERO
    office: Decimal = ZERO
    travel: Decimal = ZERO
    external: Decimal = ZERO
    equipment: Decimal = ZERO
    infrastructure: Decimal = ZERO
    other: Decimal = ZERO
    lump_sums: Decimal = ZERO
    unit_costs: Decimal = ZERO
    spf: Decimal = ZERO
    total: Decimal = ZERO

    @property
    def management_total(self) -> Decimal:
        """``total − spf`` (§1.3 "management" total), the base of co-financing, reports and exports."""
        return self.total - self.spf

    def management(self) -> "BudgetTotals":
        """These totals without the SPF costs: the management row of the per-period table (§1.5)."""
        return replace(self, spf=ZERO, total=self.total - self.spf)


CATEGORIES = tuple(f.name for f in fields(BudgetTotals) if f.name != "total")


def calculate(options: BudgetOptions, sums: CategorySums) -> BudgetTotals:
    """B(options, S) of §1.3: apply the flat rates in their fixed order to the category sums.

    1. staff = staff FR ? dn2((travel unless travel FR + external + equipment + infrastructure) × FR/100) : S.staff
    2. travel = travel FR ? dn2(staff × FR/100) : S.travel
    3. office = on staff ? dn2(staff × r/100) : on direct ? dn2((staff+travel+external+equipment+infrastructure)
       × r/100) : 0
    4. other = other FR and no staff FR ? dn2(staff × FR/100) : 0
    5. total = all categories + lump sums + multi-category unit costs + SPF.

    Entered staff (travel) sums are ignored while the staff (travel) FR is set; lump sums, multi-category unit
    costs and SPF are never part of a flat-rate base (§6 rule 2).
    """
    staff_fr = options.staff_costs_flat_rate
    travel_fr = options.travel_and_accommodation_on_staff_costs_flat_rate
    office_staff_fr = options.office_and_administration_on_staff_costs_flat_rate
    office_direct_fr = options.office_and_administration_on_direct_costs_flat_rate
    other_fr = options.other_costs_on_staff_costs_flat_rate
    external, equipment, infrastructure = dec(sums.external), dec(sums.equipment), dec(sums.infrastructure)

    if staff_fr is not None:
        travel_base = ZERO if travel_fr is not None else dec(sums.travel)
        staff = dn2(percent_of(travel_base + external + equipment + infrastructure, staff_fr))
    else:
        staff = dec(sums.staff)
    travel = dn2(percent_of(staff, travel_fr)) if travel_fr is not None else dec(sums.travel)
    if office_staff_fr is not None:
        office = dn2(percent_of(staff, office_staff_fr))
    elif office_direct_fr is not None:
        office = dn2(percent_of(staff + travel + external + equipment + infrastructure, office_direct_fr))
    else:
        office = ZERO
    other = dn2(percent_of(staff, other_fr)) if other_fr is not None and staff_fr is None else ZERO
    lump_sums, unit_costs, spf = dec(sums.lump_sums), dec(sums.unit_costs), dec(sums.spf)
    total = (staff + office + travel + external + equipment + infrastructure + other + lump_sums + unit_costs
             + spf)
    return BudgetTotals(staff=staff, office=office, travel=travel, external=external, equipment=equipment,
                        infrastructure=infrastructure, other=other, lump_sums=lump_sums, unit_costs=unit_costs,
                        spf=spf, total=total)


def period_count(duration_months: int | None, period_length: int | None) -> int:
    """The number of real periods ``n = ceil(duration / lengthOfPeriod)`` (§1.5); 0 without a duration."""
    if not duration_months or not period_length:
        return 0
    return -(-duration_months // period_length)


def period_months(number: int, period_length: int, duration_months: int) -> tuple[int, int]:
    """The first and last month of real period ``number``: ``(k−1)·L+1 … min(k·L, duration)`` (§1.5)."""
    return (number - 1) * period_length + 1, min(number * period_length, duration_months)


def _minus(total: BudgetTotals, parts: Iterable[BudgetTotals]) -> BudgetTotals:
    """``total`` minus the sum of ``parts``, category by category (the last-period detail of §1.5)."""
    parts = list(parts)
    rest = {name: getattr(total, name) - sum((getattr(p, name) for p in parts), ZERO) for name in CATEGORIES}
    rest_total = dn2(total.total - sum((p.total for p in parts), ZERO))
    return BudgetTotals(**rest, total=rest_total)


def split_per_period(options: BudgetOptions, total: BudgetTotals, period_sums: Mapping[int, CategorySums],
                     periods: int) -> dict[int, BudgetTotals]:
    """One partner's budget per period (§1.5, §6 rule 1), keyed 0, 1..n, 255 in that order.

    ``total`` is the partner's calculated budget, ``period_sums[k]`` the sums of the rows' period amounts for
    period k plus the lump-sum shares with period k (missing periods count as zero), ``periods`` = n.
    Periods 0 (preparation) and 255 (closure) hold only their lump sums. Periods 1..n−1 are B(options,
    period sums): flat rates are computed per period. The last period n is ``dn2(total − Σ other periods)`` and
    each of its categories is the category total minus the other periods, so unsplit amounts, lump sums without
    a period and flat-rate rounding differences all land there. For the management row pass totals and sums
    without SPF (``BudgetTotals.management()``); the SPF row is ``split_spf_per_period``. With no real period
    (n = 0) only periods 0 and 255 are returned.
    """
    empty = CategorySums()
    result = {PREPARATION: BudgetTotals(lump_sums=dec(period_sums.get(PREPARATION, empty).lump_sums),
                                        total=dec(period_sums.get(PREPARATION, empty).lump_sums))}
    for number in range(1, periods):
        result[number] = calculate(options, period_sums.get(number, empty))
    closure_lump_sums = dec(period_sums.get(CLOSURE, empty).lump_sums)
    closure = BudgetTotals(lump_sums=closure_lump_sums, total=closure_lump_sums)
    if periods >= 1:
        result[periods] = _minus(total, [*result.values(), closure])
    result[CLOSURE] = closure
    return result


def split_spf_per_period(spf_total: Decimal, spf_period_amounts: Mapping[int, Decimal],
                         periods: int) -> dict[int, Decimal]:
    """The SPF row of the per-period table (§1.5): its own period amounts, the last period adding
    ``spfTotal − Σ SPF period amounts``; periods 0 and 255 are 0. Keyed 0, 1..n, 255."""
    result = {PREPARATION: ZERO}
    for number in range(1, periods):
        result[number] = dec(spf_period_amounts.get(number, ZERO))
    if periods >= 1:
        result[periods] = dec(spf_total) - sum(result.values(), ZERO)
    result[CLOSURE] = ZERO
    return result


def sum_periods(rows: Iterable[Mapping[int, Decimal]]) -> dict[int, Decimal]:
    """Project totals per period: the period-wise sum of the partner (and SPF) rows (§1.5)."""
    totals: dict[int, Decimal] = {}
    for row in rows:
        for number, amount in row.items():
            totals[number] = totals.get(number, ZERO) + dec(amount)
    return dict(sorted(totals.items()))


def period_percentages(period_totals: Mapping[int, Decimal]) -> dict[int, Decimal]:
    """Per-period percentages of the UI table (§1.5): ``hu2(total_k × 100 / grandTotal)`` (divisor 1 when the
    grand total is 0); with at least 2 real periods the last real one is 100 − Σ all the other percentages."""
    grand = sum((dec(v) for v in period_totals.values()), ZERO)
    divisor = grand if grand != 0 else Decimal(1)
    result = {k: hu2(ratio(dec(v) * HUNDRED, divisor)) for k, v in period_totals.items()}
    real = [k for k in result if k not in (PREPARATION, CLOSURE)]
    if len(real) >= 2:
        last = max(real)
        result[last] = HUNDRED - sum((v for k, v in result.items() if k != last), ZERO)
    return result
