"""Jems for Python: the Joint Electronic Monitoring System for Interreg programmes."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("jems")
except PackageNotFoundError:  # running from a source tree without installation
    __version__ = "0.0.0"

from .celery import app as celery_app  # noqa: E402  (Celery picks up its Django configuration)

__all__ = ["__version__", "celery_app"]
