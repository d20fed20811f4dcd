from django.apps import AppConfig


class PluginsConfig(AppConfig):
    name = "jems.plugins"
    label = "plugins"
    verbose_name = "Plugins"

    def ready(self):
        from . import builtin, registry

        builtin.register_builtin(registry)
        registry.discover()
