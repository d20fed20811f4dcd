"""Project signals shared between apps.

``status_changed`` is sent (after the transaction commits) whenever a project
changes status, with the keyword arguments ``project``, ``old_status``,
``new_status``, ``actor`` and ``reverted`` (True when a decision was reverted:
receivers send no "submitted" notification then, workflows quirk Q3 → fix).
"""

from django.dispatch import Signal

status_changed = Signal()
