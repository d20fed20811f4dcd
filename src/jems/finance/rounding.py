"""The rounding functions of finance-rules.md §0.

Jems rounds with several different functions; they differ for negative numbers and exact halves, so each
calculation names the one it uses:

* ``dn2``  – 2 decimals toward 0 (flat rates, fund amounts, last budget period);
* ``fl2``  – 2 decimals toward −∞ (row sums, "apply a percentage" in splits and funds per period);
* ``hu2``  – 2 decimals HALF_UP (currency conversion, per-period %, D.1 percentages);
* ``hd2``  – 2 decimals HALF_DOWN (co-financing rates of the A.3 overview);
* ``trunc2`` – the database ``TRUNCATE(x, 2)`` (FTLS payments), toward 0 like ``dn2``;
* ``pct5`` – a ÷ b to 5 significant digits HALF_UP, × 100, then ``hu2`` (D.1 table);
* ``div17_down`` – a ÷ b to 17 decimals toward 0 (report co-financing split).

Helpers: ``percent_of(value, pct)`` is the exact product ``value × pct / 100`` (§0: computed exactly and
rounded once by the caller), ``ratio(a, b)`` the exact-enough quotient used before a final 2-decimal rounding.
Every function takes ``Decimal`` or ``int`` and refuses ``float``.
"""

from decimal import ROUND_DOWN, ROUND_FLOOR, ROUND_HALF_DOWN, ROUND_HALF_UP, Context, Decimal

CENT = Decimal("0.01")
ZERO = Decimal("0")
HUNDRED = Decimal("100")
_E17 = Decimal("1E-17")
# Wide enough that sums, products and quotients of amounts ≤ 999 999 999.99 are exact (or, for
# non-terminating quotients, far more precise than the final 2- or 17-decimal rounding can see).
_EXACT = Context(prec=60, rounding=ROUND_DOWN)
_FIVE_DIGITS = Context(prec=5, rounding=ROUND_HALF_UP)


def dec(x: Decimal | int | str) -> Decimal:
    """Return ``x`` as a Decimal; a float is refused because it cannot hold cents exactly (§0)."""
    if isinstance(x, float):
        raise TypeError("finance values must be Decimal, never float")
    return x if isinstance(x, Decimal) else Decimal(x)


def _quantize(x: Decimal | int, exp: Decimal, rounding: str) -> Decimal:
    return dec(x).quantize(exp, rounding=rounding, context=_EXACT)


def dn2(x: Decimal | int) -> Decimal:
    """2 decimals rounded DOWN, toward 0 (§0 ``dn2``): -0.005 → -0.00, 1.005 → 1.00, -1.005 → -1.00."""
    return _quantize(x, CENT, ROUND_DOWN)


def fl2(x: Decimal | int) -> Decimal:
    """2 decimals rounded FLOOR, toward −∞ (§0 ``fl2``): -0.005 → -0.01, -1.005 → -1.01."""
    return _quantize(x, CENT, ROUND_FLOOR)


def hu2(x: Decimal | int) -> Decimal:
    """2 decimals HALF_UP, halves away from 0 (§0 ``hu2``): 0.005 → 0.01, -1.005 → -1.01."""
    return _quantize(x, CENT, ROUND_HALF_UP)


def hd2(x: Decimal | int) -> Decimal:
    """2 decimals HALF_DOWN, halves toward 0 (§0 ``hd2``): 0.005 → 0.00, 1.0051 → 1.01."""
    return _quantize(x, CENT, ROUND_HALF_DOWN)


def trunc2(x: Decimal | int) -> Decimal:
    """The database ``TRUNCATE(x, 2)`` (§0 ``trunc2``, FTLS payments §5.1): toward 0, the same as ``dn2``."""
    return _quantize(x, CENT, ROUND_DOWN)


def pct5(a: Decimal | int, b: Decimal | int) -> Decimal:
    """``a ÷ b`` to 5 significant digits HALF_UP, × 100, then ``hu2`` (§0 ``pct5``, §2.4, §6 rule 4).

    0 when either argument is 0 (§2.4). Example: pct5(1234.49, 10000) = 12.35 (0.12345), whereas a direct
    HALF_UP of 12.3449 would give 12.34.
    """
    a, b = dec(a), dec(b)
    if a == 0 or b == 0:
        return ZERO.quantize(CENT)
    return hu2(_FIVE_DIGITS.divide(a, b) * HUNDRED)


def div17_down(a: Decimal | int, b: Decimal | int) -> Decimal:
    """``a ÷ b`` to 17 decimals, rounded DOWN (§0 ``div17↓``, §4.3); 0 when ``b`` is 0 as every use defines."""
    a, b = dec(a), dec(b)
    if b == 0:
        return ZERO
    return _quantize(_EXACT.divide(a, b), _E17, ROUND_DOWN)


def percent_of(value: Decimal | int, pct: Decimal | int) -> Decimal:
    """The exact, unrounded ``value × pct / 100`` (§0); callers round it once with the named function."""
    return _EXACT.divide(_EXACT.multiply(dec(value), dec(pct)), HUNDRED)


def ratio(a: Decimal | int, b: Decimal | int) -> Decimal:
    """``a ÷ b`` to 60 significant digits (truncated), for a following 2-decimal rounding of the quotient.

    The quotient of two amounts ≤ 10¹² with scale ≤ 2 is never within 10⁻¹⁷ of a half without being one,
    so rounding this value gives the same result as rounding the exact quotient. ``b`` must not be 0.
    """
    return _EXACT.divide(dec(a), dec(b))
