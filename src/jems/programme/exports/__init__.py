"""Budget XLSX export (BUDGET_EXPORT) and the programme data export (features §2.14) with its standard plugins."""
