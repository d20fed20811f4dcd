from django.db import models


class PluginState(models.Model):
    """Whether the plugin with `key` may be selected and run. A plugin without a row is enabled."""

    key = models.CharField(max_length=255, unique=True)
    enabled = models.BooleanField(default=True)
    changed_at = models.DateTimeField(auto_now=True)

    def __str__(self):
        return f"{self.key}: {'enabled' if self.enabled else 'disabled'}"
