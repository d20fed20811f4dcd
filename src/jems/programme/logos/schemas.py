"""API schemas of ResourcesApi (GET /api/resources/logo)."""

from enum import StrEnum

from jems.api.schemas import CamelSchema


class LogoType(StrEnum):
    INTERREG_PROGRAMME_LOGO_SMALL = "INTERREG_PROGRAMME_LOGO_SMALL"
    INTERREG_PROGRAMME_LOGO_MEDIUM = "INTERREG_PROGRAMME_LOGO_MEDIUM"
    INTERREG_PROGRAMME_LOGO_LARGE = "INTERREG_PROGRAMME_LOGO_LARGE"


class LogoDTO(CamelSchema):
    """One generated PNG of the programme logo; `value` is the PNG, base64-encoded."""

    logo_type: LogoType | None = None
    value: str | None = None
