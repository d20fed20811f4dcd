"""The read layer of simplified cost options (ProgrammeSetupRetrieve; one query per list)."""

from jems.accounts.privileges import Privilege
from jems.accounts.services import require
from jems.core.errors import NotFound

from .models import ProgrammeLumpSum, ProgrammeUnitCost


def list_lump_sums(*, actor) -> list[ProgrammeLumpSum]:
    """All lump sums (at most 100), oldest first."""
    require(actor, Privilege.ProgrammeSetupRetrieve)
    return list(ProgrammeLumpSum.objects.order_by("id"))


def get_lump_sum(*, actor, lump_sum_id: int) -> ProgrammeLumpSum:
    require(actor, Privilege.ProgrammeSetupRetrieve)
    lump_sum = ProgrammeLumpSum.objects.filter(pk=lump_sum_id).first()
    if lump_sum is None:
        raise NotFound(key="programme.lumpSum.not.found", args={"id": lump_sum_id})
    return lump_sum


def list_unit_costs(*, actor) -> list[ProgrammeUnitCost]:
    """All programme unit costs (at most 200), oldest first; those proposed by projects are not listed."""
    require(actor, Privilege.ProgrammeSetupRetrieve)
    return list(ProgrammeUnitCost.objects.filter(project__isnull=True).order_by("id"))


def get_unit_cost(*, actor, unit_cost_id: int) -> ProgrammeUnitCost:
    require(actor, Privilege.ProgrammeSetupRetrieve)
    unit_cost = ProgrammeUnitCost.objects.filter(pk=unit_cost_id, project__isnull=True).first()
    if unit_cost is None:
        raise NotFound(key="programme.unitCost.not.found", args={"id": unit_cost_id})
    return unit_cost
