"""The setup lock: once a call is published, removals and key edits of programme data are refused
(additions stay allowed). Every programme service asks here."""

from jems.calls.queries import any_call_published
from jems.core.errors import ValidationFailed

LOCKED_KEY = "programme.setup.locked"


def is_setup_locked() -> bool:
    return any_call_published()


def refuse_if_locked(what: str, *, field: str | None = None) -> None:
    """Raise 422 with the reason when the setup is locked; `what` names the refused change."""
    if is_setup_locked():
        raise ValidationFailed(
            f"{what} is not possible: a call has been published, so the programme setup is locked.",
            key=LOCKED_KEY, args={"what": what}, fields={field: LOCKED_KEY} if field else None,
        )
