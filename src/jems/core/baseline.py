"""The fresh-install baseline of every app (data that a new install has, such as the default roles,
funds and languages). Each app may have a `baseline` module with an `ensure()` function that creates
its rows where missing and never changes existing ones; data migrations create the same rows, and the
test suite calls `ensure_all()` after a transactional test has flushed the database."""

from importlib import import_module
from importlib.util import find_spec

from django.apps import apps


def ensure_all() -> None:
    for config in apps.get_app_configs():
        name = f"{config.name}.baseline"
        if config.name.startswith("jems.") and find_spec(name):
            module = import_module(name)
            if hasattr(module, "ensure"):
                module.ensure()
