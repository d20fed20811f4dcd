"""PluginApi schemas (contract: PluginInfoDTO, PluginTypeDTO)."""

from enum import StrEnum

from jems.api.schemas import CamelSchema

from .hookspecs import PluginType

PluginTypeDTO = StrEnum("PluginTypeDTO", [(t.name, t.value) for t in PluginType])


class PluginInfoDTO(CamelSchema):
    type: PluginTypeDTO
    key: str
    name: str
    version: str
    description: str


def plugin_dto(info) -> dict:
    return {"type": info.type.value, "key": info.key, "name": str(info.name), "version": info.version,
            "description": str(info.description)}
