"""Fresh-install baseline of NUTS: the shipped data set (data/nuts.json) when no region is stored."""

from . import dataset


def ensure_regions(NutsRegion, NutsMetadata) -> None:
    if NutsRegion.objects.exists():
        return
    dataset.store(dataset.shipped(), NutsRegion=NutsRegion, NutsMetadata=NutsMetadata, referenced=set())


def ensure() -> None:
    from .models import NutsMetadata, NutsRegion

    ensure_regions(NutsRegion, NutsMetadata)
