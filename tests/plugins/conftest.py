import importlib
import sys

import pytest

from jems.plugins import registry

from .external import MODULE, build_and_install


@pytest.fixture(scope="module")
def external_site(tmp_path_factory):
    """The probe plugin package, built and pip-installed into a temporary site folder (removed by pytest)."""
    return build_and_install(tmp_path_factory.mktemp("external-plugin"))


@pytest.fixture
def external_plugin(external_site):
    """The site folder on sys.path and its `jems.plugins` entry points discovered; all undone afterwards."""
    sys.path.insert(0, str(external_site))
    importlib.invalidate_caches()
    before = {info.key for info in registry.plugins()}
    keys = registry.discover()
    yield keys
    for key in set(keys) - before:
        registry.unregister(key)
    sys.path.remove(str(external_site))
    sys.modules.pop(MODULE, None)
    importlib.invalidate_caches()


@pytest.fixture
def temporary_plugins():
    """Register plugin objects for one test: `temporary_plugins(obj, ...)`; unregistered afterwards."""
    added = []

    def add(*plugins, **options):
        for plugin in plugins:
            added.append(registry.register(plugin, **options).key)

    yield add
    for key in added:
        registry.unregister(key)
