"""The Plugins page (System → Plugins): every registered plugin with its type, source and state, and a
button to enable or disable it."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext
from django.views.decorators.http import require_GET, require_POST

from jems.accounts.privileges import Privilege
from jems.accounts.services import require
from jems.core.errors import JemsError
from jems.core.messages import text_for
from jems.core.views import app_view, system_menu

from . import registry, services


@require_GET
@app_view
def plugin_list(request):
    require(request.user, Privilege.ProgrammeSetupRetrieve)
    disabled = registry.disabled_keys()
    rows = [{"info": info, "enabled": info.key not in disabled} for info in registry.plugins()]
    return render(request, "plugins/list.html", {
        "rows": rows, "can_manage": request.user.has_privilege(services.MANAGE),
        "system_menu": system_menu(request.user), "system_active": "plugins",
    })


@require_POST
@app_view
def plugin_toggle(request):
    key = request.POST.get("key", "")
    enabled = request.POST.get("enabled") == "true"
    try:
        info = services.set_enabled(actor=request.user, key=key, enabled=enabled)
    except JemsError as error:
        if error.status == 403:
            raise
        messages.error(request, text_for(error.key, error.args_))
    else:
        done = gettext("Plugin “%(name)s” enabled.") if enabled else gettext("Plugin “%(name)s” disabled.")
        messages.success(request, done % {"name": info.name})
    return redirect("plugins:list")
