"""Jems-compatible API of the plugin registry (PluginApi)."""

from ninja import Router

from . import registry, services
from .schemas import PluginInfoDTO, PluginTypeDTO, plugin_dto

router = Router(tags=["plugin"])


@router.get("/plugin/list/{type}", response={200: list[PluginInfoDTO]}, by_alias=True,
            operation_id="getAvailablePluginList", summary="list available plugins")
def get_available_plugin_list(request, type: PluginTypeDTO):  # noqa: A002 (the contract's name)
    """The enabled plugins of a type (ALL: every type), for the selections in calls and exports."""
    return [plugin_dto(info) for info in registry.enabled_plugins(type.value)]


@router.post("/plugin/{pluginKey}/disable", response={200: None}, operation_id="disablePlugin",
             summary="disable plugin")
def disable_plugin(request, pluginKey: str):  # noqa: N803 (the contract's name)
    services.set_enabled(actor=request.user, key=pluginKey, enabled=False)


@router.post("/plugin/{pluginKey}/enable", response={200: None}, operation_id="enablePlugin",
             summary="enable plugin")
def enable_plugin(request, pluginKey: str):  # noqa: N803
    services.set_enabled(actor=request.user, key=pluginKey, enabled=True)
