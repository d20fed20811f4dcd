"""Leaves of the standard check's message tree: an ERROR or a WARNING under the plugin's key prefix, with its
arguments as strings (shared by the section rules of `standard_check` and the budget rules of `budget_check`)."""

from jems.calls.plugins import CheckMessage, MessageType

P = "standard.check."


def error(key: str, **args) -> CheckMessage:
    """An ERROR leaf: it blocks the submission."""
    return CheckMessage(key=P + key, type=MessageType.ERROR, args={k: str(v) for k, v in args.items()})


def warning(key: str, **args) -> CheckMessage:
    """A WARNING leaf: it only informs."""
    return CheckMessage(key=P + key, type=MessageType.WARNING, args={k: str(v) for k, v in args.items()})
