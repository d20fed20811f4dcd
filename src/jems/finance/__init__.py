"""Pure Decimal finance functions of Jems (finance-rules.md §0–§3 and §6): no models, no ORM.

Modules: ``rounding`` (§0), ``budget`` (§1), ``cofinancing`` (§1.6, §2.1–§2.5), ``lumpsums`` (§3) and
``overview`` (§2.6, the A.3 project co-financing overview with the §6 rule 5 deviation).
"""
