"""Stored content follows its annex row: whenever a ProjectFile row goes — deleted on its own or with its
partner, investment or project — its content is removed from the storage once the transaction commits."""

from django.core.files.storage import default_storage
from django.db import transaction


def remove_stored_content(sender, instance, **kwargs) -> None:
    """post_delete receiver of ProjectFile."""
    path = instance.storage_path
    transaction.on_commit(lambda: default_storage.delete(path))
