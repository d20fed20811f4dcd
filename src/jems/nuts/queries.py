"""The read layer of NUTS: the region tree, the data-set metadata and the programme area.

Every tree is built from one query over the regions (plus one for a selection), whatever its size.
"""

from jems.accounts.privileges import Privilege
from jems.accounts.services import require
from jems.core.errors import Forbidden

from .models import NutsMetadata, NutsRegion, ProgrammeNuts

# Who may read the programme area besides programme setup readers: controller-institution managers, who
# choose an institution's coverage among its regions.
AREA_READERS = (Privilege.ProgrammeSetupRetrieve, Privilege.InstitutionsRetrieve, Privilege.InstitutionsUpdate,
                Privilege.InstitutionsUnlimited, Privilege.InstitutionsAssignmentRetrieve)


def _require_authenticated(actor) -> None:
    if actor is None or not actor.is_authenticated:
        raise Forbidden()


def require_any(actor, privileges) -> None:
    _require_authenticated(actor)
    if not any(actor.has_privilege(p) for p in privileges):
        raise Forbidden()


def tree(regions, codes=None) -> list[dict]:
    """OutputNuts dicts {code, title, areas} of the given regions (each with its parent among them), nested
    and ordered by code. With `codes`, only those regions and their ancestors are kept."""
    by_code = {r.code: r for r in regions}
    if codes is not None:
        keep = set()
        for code in codes:
            while code and code not in keep and code in by_code:
                keep.add(code)
                code = by_code[code].parent_id
        by_code = {c: r for c, r in by_code.items() if c in keep}
    nodes = {c: {"code": c, "title": r.name, "areas": []} for c, r in sorted(by_code.items())}
    roots = []
    for code, node in nodes.items():
        parent = by_code[code].parent_id
        (nodes[parent]["areas"] if parent in nodes else roots).append(node)
    return roots


def all_regions() -> list[NutsRegion]:
    return list(NutsRegion.objects.only("code", "name", "level", "parent_id").order_by("code"))


def nuts_tree(*, actor) -> list[dict]:
    """The whole NUTS tree (countries, levels 1-3): reference data for every logged-in user."""
    _require_authenticated(actor)
    return tree(all_regions())


def metadata(*, actor) -> NutsMetadata | None:
    require(actor, Privilege.ProgrammeSetupRetrieve)
    return current_metadata()


def current_metadata() -> NutsMetadata | None:
    return NutsMetadata.objects.order_by("pk").first()


def programme_area_codes() -> set[str]:
    """The NUTS 3 codes of the programme area (no privilege check: for other apps' services)."""
    return set(ProgrammeNuts.objects.values_list("region_id", flat=True))


def programme_area_tree() -> list[dict]:
    """The programme area as an OutputNuts tree (no privilege check: for other apps, e.g. GET /api/programmedata)."""
    codes = programme_area_codes()
    if not codes:
        return []
    return tree(all_regions(), codes)


def programme_nuts(*, actor) -> list[dict]:
    """The programme area as an OutputNuts tree (selected NUTS 3 regions and their ancestors)."""
    require_any(actor, AREA_READERS)
    return programme_area_tree()


def area_page(*, actor) -> tuple[list[dict], set[str]]:
    """For the geographical-coverage page: the whole tree and the selected NUTS 3 codes (two queries)."""
    require(actor, Privilege.ProgrammeSetupRetrieve)
    return tree(all_regions()), programme_area_codes()


def tree_from(nodes: list[dict], codes: set[str]) -> list[dict]:
    """Prune an OutputNuts tree to the given NUTS 3 codes and their ancestors (no query)."""
    out = []
    for node in nodes:
        if node["areas"]:
            children = tree_from(node["areas"], codes)
            if children:
                out.append({"code": node["code"], "title": node["title"], "areas": children})
        elif node["code"] in codes:
            out.append({"code": node["code"], "title": node["title"], "areas": []})
    return out
