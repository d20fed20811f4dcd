"""ProjectWorkPackageApi, ProjectWorkPackageActivityApi, ProjectWorkPackageOutputApi and
ProjectWorkPackageInvestmentApi."""

from ninja import Router

router = Router(tags=["project"])
