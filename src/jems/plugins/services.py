"""Write layer of the plugin system: enabling and disabling a plugin."""

from django.db import transaction

from jems.accounts.privileges import Privilege
from jems.accounts.services import require
from jems.core.errors import NotFound

from . import registry
from .models import PluginState

MANAGE = Privilege.ProgrammeSetupUpdate


def set_enabled(*, actor, key: str, enabled: bool) -> registry.PluginInfo:
    """Enable or disable the registered plugin `key` (ProgrammeSetupUpdate). A disabled plugin is not
    offered in a call's plugin slots nor on export pages, and `registry.run` refuses it."""
    require(actor, MANAGE)
    info = registry.get(key)
    if info is None:
        raise NotFound(key="plugin.not.found", args={"pluginKey": key})
    with transaction.atomic():
        PluginState.objects.update_or_create(key=key, defaults={"enabled": enabled})
    return info
