"""Names of the NUTS countries (level 0) as Eurostat/GISCO label them: in the national language(s).

The Eurostat NUTS workbook lists regions of levels 1 to 3 only; the country level takes its name from here
(for the shipped data set as well as for files loaded with `jems load_nuts`).
"""

COUNTRY_NAMES = {
    "AT": "Österreich",
    "BE": "Belgique/België",
    "BG": "България",
    "CY": "Κύπρος",
    "CZ": "Česko",
    "DE": "Deutschland",
    "DK": "Danmark",
    "EE": "Eesti",
    "EL": "Ελλάδα",
    "ES": "España",
    "FI": "Suomi/Finland",
    "FR": "France",
    "HR": "Hrvatska",
    "HU": "Magyarország",
    "IE": "Éire/Ireland",
    "IT": "Italia",
    "LT": "Lietuva",
    "LU": "Luxembourg",
    "LV": "Latvija",
    "MT": "Malta",
    "NL": "Nederland",
    "PL": "Polska",
    "PT": "Portugal",
    "RO": "România",
    "SE": "Sverige",
    "SI": "Slovenija",
    "SK": "Slovensko",
    # EFTA
    "CH": "Schweiz/Suisse/Svizzera",
    "IS": "Ísland",
    "LI": "Liechtenstein",
    "NO": "Norge",
    # Candidate and potential candidate countries (Eurostat statistical regions)
    "AL": "Shqipëria",
    "BA": "Bosna i Hercegovina",
    "ME": "Црна Гора",
    "MK": "Северна Македонија",
    "RS": "Србија",
    "TR": "Türkiye",
    "UA": "Україна",
    "XK": "Kosovë/Kosovo",
    # United Kingdom (NUTS 2021 of the UK, unchanged since 2018)
    "UK": "United Kingdom",
}
