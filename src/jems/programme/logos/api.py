"""Jems-compatible API: ResourcesApi (GET /api/resources/logo, public like in Jems)."""

import base64

from ninja import Router

from . import queries
from .schemas import LogoDTO, LogoType

router = Router(tags=["common"])


@router.get("/resources/logo", auth=None, response={200: list[LogoDTO]}, by_alias=True, operation_id="getLogos",
            summary="Returns logo")
def get_logos(request):
    return [LogoDTO(logo_type=LogoType(size.label), value=base64.b64encode(content).decode("ascii"))
            for size, content in queries.logos()]
