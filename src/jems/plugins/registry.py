"""The plugin registry: built-in plugins (registered from their apps' ready()) and external ones (entry-point
group `jems.plugins`), their enabled state (PluginState) and `run`, which calls one plugin's hook.

`run` refuses an unknown plugin (424), a disabled one or one of another type (422 with the reason), audits
the call (PLUGIN_CALLED) and its end (PLUGIN_EXECUTED, with the failure if any) and turns a failing plugin
into PluginFailed (422) instead of a server error.
"""

import inspect
import logging
from dataclasses import dataclass
from importlib.metadata import entry_points

import pluggy
from django.db import transaction
from django.utils import translation
from django.utils.functional import Promise

from jems.audit.actions import AuditAction
from jems.audit.services import AuditProject, record
from jems.core.errors import DependencyFailed, JemsError, ValidationFailed

from . import hookspecs
from .hookspecs import ENTRY_POINT_GROUP, HOOKS, PROJECT_NAME, PluginType
from .models import PluginState

logger = logging.getLogger(__name__)

BUILT_IN = "built-in"
EXTERNAL = "external"

manager = pluggy.PluginManager(PROJECT_NAME)
manager.add_hookspecs(hookspecs.PluginHooks)


@dataclass(frozen=True)
class PluginInfo:
    """What the registry knows of a plugin (PluginInfoDTO plus where it comes from)."""

    key: str
    type: PluginType
    name: str | Promise  # a built-in plugin's name and description follow the active language
    version: str
    description: str | Promise
    source: str


_INFO: dict[str, PluginInfo] = {}


class PluginFailed(JemsError):
    """A plugin raised an error or gave no result (422; the failure is audited)."""

    status = 422
    default_code = "S-PLUGIN-FAILED"
    default_key = "plugin.failed"


def _text(value) -> str | Promise:
    """A text of a plugin: translatable (lazy) texts stay lazy, anything else becomes a string."""
    return value if isinstance(value, Promise) else str(value)


def register(plugin, *, key: str | None = None, type: str | None = None, name: str | None = None,
             version: str | None = None, description: str | None = None, source: str = BUILT_IN) -> PluginInfo:
    """Register a plugin object under its key (idempotent: a key already registered keeps its plugin).
    Missing arguments come from the object's attributes `key`, `plugin_type`, `name`/`label`, `version`,
    `description`. The object must implement the hook of its type."""
    key = key or plugin.key
    plugin_type = PluginType(type or plugin.plugin_type)
    if manager.get_plugin(key) is None:
        if not callable(getattr(plugin, HOOKS[plugin_type], None)):
            raise TypeError(f"plugin {key} does not implement {HOOKS[plugin_type]}")
        manager.register(plugin, name=key)
    if key not in _INFO or _INFO[key].type != plugin_type:
        _INFO[key] = PluginInfo(
            key=key, type=plugin_type,
            name=_text(name or getattr(plugin, "name", None) or getattr(plugin, "label", None) or key),
            version=str(version or getattr(plugin, "version", "") or ""),
            description=_text(description or getattr(plugin, "description", "") or ""),
            source=source,
        )
    return _INFO[key]


def unregister(key: str) -> None:
    """Remove a plugin from the registry (used when an external package is uninstalled at run time)."""
    if manager.get_plugin(key) is not None:
        manager.unregister(name=key)
    _INFO.pop(key, None)


def discover() -> list[str]:
    """Load and register the plugins of the installed packages' `jems.plugins` entry points. An entry point
    may name a plugin object, a class (instantiated without arguments) or a module. A broken one is logged
    and skipped. Answers the keys registered."""
    keys = []
    for entry_point in entry_points(group=ENTRY_POINT_GROUP):
        try:
            loaded = entry_point.load()
            plugin = loaded() if inspect.isclass(loaded) else loaded
            info = register(plugin, key=getattr(plugin, "key", None) or entry_point.name, source=EXTERNAL)
        except Exception:
            logger.exception("plugin entry point %s could not be loaded", entry_point.value)
            continue
        keys.append(info.key)
    return keys


def plugins(plugin_type: str = PluginType.ALL) -> list[PluginInfo]:
    """The registered plugins of a type (ALL: every type), in registration order (built-ins first)."""
    registered = [_INFO[name] for name, _plugin in manager.list_name_plugin() if name in _INFO]
    return [info for info in registered if plugin_type == PluginType.ALL or info.type == plugin_type]


def get(key: str) -> PluginInfo | None:
    """The registered plugin with `key`, if any."""
    return _INFO.get(key) if manager.get_plugin(key) is not None else None


def disabled_keys() -> set[str]:
    """Keys of the disabled plugins (one query)."""
    return set(PluginState.objects.filter(enabled=False).values_list("key", flat=True))


def is_enabled(key: str) -> bool:
    """Whether the plugin may be selected and run (no row = enabled)."""
    return not PluginState.objects.filter(key=key, enabled=False).exists()


def enabled_plugins(plugin_type: str = PluginType.ALL) -> list[PluginInfo]:
    """The registered, enabled plugins of a type."""
    disabled = disabled_keys()
    return [info for info in plugins(plugin_type) if info.key not in disabled]


def refusal(plugin_type: str, key: str) -> str | None:
    """Why a plugin cannot be selected for `plugin_type` (an error key), or None when it can."""
    info = get(key)
    if info is None:
        return "plugin.not.found"
    if info.type != plugin_type:
        return "plugin.type.invalid"
    if not is_enabled(key):
        return "plugin.disabled"
    return None


def run(plugin_key: str, hook: str, *, actor=None, **inputs):
    """Call `hook` of the plugin `plugin_key` with `inputs` (hook arguments not given are None) and answer
    its result. Refuses an unknown (424), disabled or wrongly typed plugin (422); audits the call and its
    outcome; a failing plugin raises PluginFailed (422) with the reason."""
    info = get(plugin_key)
    if info is None:
        raise DependencyFailed(key="plugin.not.found", code="S-PLUGIN-404", args={"pluginKey": plugin_key})
    if HOOKS[info.type] != hook:
        raise ValidationFailed(key="plugin.type.invalid", fields={"pluginKey": "plugin.type.invalid"},
                               args={"pluginKey": plugin_key, "type": info.type})
    if not is_enabled(plugin_key):
        raise ValidationFailed(key="plugin.disabled", fields={"pluginKey": "plugin.disabled"},
                               args={"pluginKey": plugin_key})
    caller = getattr(manager.hook, hook)
    arguments = {name: inputs.pop(name, None) for name in caller.spec.argnames if name != "self"}
    if inputs:
        raise TypeError(f"{hook} has no argument(s) {', '.join(sorted(inputs))}")
    project = AuditProject(id=arguments["project_id"]) if arguments.get("project_id") else None
    with translation.override("en"):  # audit descriptions are English
        label = f"plugin {info.name} (key {info.key}, version {info.version or '-'}) method {hook}"
    record(AuditAction.PLUGIN_CALLED, actor=actor, project=project, description=f"{label} called")
    others = [p for name, p in manager.list_name_plugin() if name != plugin_key]
    try:
        with transaction.atomic():
            result = manager.subset_hook_caller(hook, remove_plugins=others)(**arguments)
        if result is None:
            raise LookupError("the plugin gave no result")
    except Exception as error:
        reason = f"{type(error).__name__}: {error}"
        logger.exception("%s failed", label)
        record(AuditAction.PLUGIN_EXECUTED, actor=actor, project=project, description=f"{label} failed: {reason}")
        raise PluginFailed(key="plugin.failed", args={"pluginKey": plugin_key, "reason": reason}) from error
    record(AuditAction.PLUGIN_EXECUTED, actor=actor, project=project, description=f"{label} executed")
    return result
