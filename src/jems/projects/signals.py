"""Project signals shared between apps.

``status_changed`` is sent (after the transaction commits) whenever a project
changes status, with the keyword arguments ``project``, ``old_status``,
``new_status`` and ``actor``.
"""

from django.dispatch import Signal

status_changed = Signal()
