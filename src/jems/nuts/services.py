"""The write layer of NUTS: the programme area and (re)loading the NUTS data set."""

import urllib.error
import urllib.request

from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from jems.accounts.privileges import Privilege
from jems.accounts.services import require
from jems.audit.actions import AuditAction
from jems.audit.services import record
from jems.core.errors import ValidationFailed
from jems.programme.lock import refuse_if_locked

from . import dataset
from .models import NutsMetadata, NutsRegion, ProgrammeNuts

DOWNLOAD_TIMEOUT_SECONDS = 60
MAX_DOWNLOAD_BYTES = 20 * 1024 * 1024


def nuts_url() -> str:
    """JEMS_NUTS_URL: where "Download" takes a newer NUTS data set from (JSON or CSV, see docs/api.md);
    empty means the data set shipped with the release."""
    return settings.NUTS_URL


# --- programme area ---------------------------------------------------------------------------------------


def resolve_codes(codes, *, within: set[str] | None = None, field: str = "nuts") -> set[str]:
    """NUTS 3 codes for the given codes of any level (a country or region stands for all its NUTS 3
    regions, limited to `within` when given). Unknown codes are refused with 422."""
    wanted = {str(c).strip().upper() for c in codes or () if str(c).strip()}
    if not wanted:
        return set()
    regions = {r.code: r for r in NutsRegion.objects.only("code", "level", "parent_id")}
    unknown = sorted(wanted - set(regions))
    if unknown:
        raise ValidationFailed(f"Unknown NUTS codes: {', '.join(unknown[:10])}", key="nuts.region.not.found",
                               args={"codes": ", ".join(unknown[:10])},
                               form_errors={field: {"i18nKey": "nuts.region.not.found",
                                                    "i18nArguments": {"codes": ", ".join(unknown[:10])}}})
    leaves = set()
    for code, region in regions.items():
        if region.level != 3:
            continue
        node = code
        while node:
            if node in wanted:
                leaves.add(code)
                break
            node = regions[node].parent_id
    if within is not None:
        leaves &= within
    return leaves


def update_programme_area(*, actor, codes) -> set[str]:
    """Set the programme area (NUTS 3 regions; higher-level codes select all their NUTS 3 regions). Once the
    setup is locked, regions can be added but not removed."""
    require(actor, Privilege.ProgrammeSetupUpdate)
    with transaction.atomic():
        wanted = resolve_codes(codes)
        current = set(ProgrammeNuts.objects.select_for_update().values_list("region_id", flat=True))
        removed, added = current - wanted, wanted - current
        if removed:
            refuse_if_locked(_("Removing regions from the programme area"), field="nuts")
        if not (removed or added):
            return current
        ProgrammeNuts.objects.filter(region_id__in=removed).delete()
        ProgrammeNuts.objects.bulk_create([ProgrammeNuts(region_id=code) for code in sorted(added)])
        record(AuditAction.PROGRAMME_NUTS_AREA_CHANGED, actor=actor,
               description=_area_description(wanted, added, removed))
    return wanted


def _area_description(wanted, added, removed) -> str:
    def listing(codes):
        codes = sorted(codes)
        return ", ".join(codes[:50]) + (f" and {len(codes) - 50} more" if len(codes) > 50 else "")

    lines = [f"Programme area changed: {len(wanted)} NUTS 3 regions selected"]
    if added:
        lines.append(f"added ({len(added)}): {listing(added)}")
    if removed:
        lines.append(f"removed ({len(removed)}): {listing(removed)}")
    return "\n".join(lines)


# --- data set ------------------------------------------------------------------------------------------------


def referenced_codes() -> set[str]:
    """Regions still in use (programme area, controller-institution coverage): kept when a data set drops them."""
    codes = set(ProgrammeNuts.objects.values_list("region_id", flat=True))
    try:
        InstitutionNuts = apps.get_model("controllers", "ControllerInstitutionNuts")
    except LookupError:
        InstitutionNuts = None
    if InstitutionNuts is not None:
        codes |= set(InstitutionNuts.objects.values_list("region_id", flat=True))
    return codes


def _download(url: str) -> bytes:
    try:
        with urllib.request.urlopen(url, timeout=DOWNLOAD_TIMEOUT_SECONDS) as response:  # noqa: S310
            content = response.read(MAX_DOWNLOAD_BYTES + 1)
    except (urllib.error.URLError, OSError, ValueError) as error:
        raise dataset.DatasetError(f"the download from {url} failed: {error}") from None
    if len(content) > MAX_DOWNLOAD_BYTES:
        raise dataset.DatasetError(f"the file at {url} is larger than {MAX_DOWNLOAD_BYTES // 1024 // 1024} MB")
    return content


def load_dataset(*, actor, content: bytes | None = None, filename: str = "", title: str = "", day=None,
                 source: str = "") -> NutsMetadata:
    """Load a NUTS data set: the given file content, else the file at JEMS_NUTS_URL, else the shipped one.
    `actor` None is the system (the `jems load_nuts` command). Success and failure are audited
    (NUTS_DATASET_DOWNLOAD); a failure leaves the stored regions untouched."""
    if actor is not None:
        require(actor, Privilege.ProgrammeSetupUpdate)
    url = nuts_url() if content is None else ""
    source = source or url or filename or dataset.SHIPPED_FILE.name
    try:
        if content is None:
            content = _download(url) if url else dataset.SHIPPED_FILE.read_bytes()
            filename = filename or url or dataset.SHIPPED_FILE.name
        data = dataset.parse(content, filename=filename, title=title, day=day)
        with transaction.atomic():
            counts = dataset.store(data, NutsRegion=NutsRegion, NutsMetadata=NutsMetadata,
                                   referenced=referenced_codes(), now=timezone.now())
            record(AuditAction.NUTS_DATASET_DOWNLOAD, actor=actor,
                   description=(f"NUTS data set loaded from {source}: {data.title} ({data.date or 'no date'}); "
                                f"{len(data.regions)} regions, {counts['added']} added, {counts['updated']} "
                                f"changed, {counts['removed']} removed, {counts['kept']} kept (still in use)"))
    except dataset.DatasetError as error:
        record(AuditAction.NUTS_DATASET_DOWNLOAD, actor=actor,
               description=f"NUTS data set from {source} not loaded: {error}")
        raise ValidationFailed(f"The NUTS data set could not be loaded: {error}", key="nuts.dataset.invalid",
                               args={"reason": str(error)}) from None
    return NutsMetadata.objects.order_by("pk").first()
