"""Jems-compatible API of NUTS: NutsApi (/api/nuts...) and the two NUTS operations of ProgrammeDataApi
(GET/PUT /api/programmedata/nuts; the rest of ProgrammeDataApi is in jems.programme)."""

from django.http import HttpResponse
from ninja import Body, Router

from jems.programme.queries import programme_data_row
from jems.programme.schemas import ProgrammeDataDTO, programme_data_dto

from . import queries, services
from .schemas import OutputNuts, OutputNutsMetadata, metadata_dto

router = Router(tags=["programme"])


@router.get("/nuts", response={200: list[OutputNuts]}, by_alias=True, operation_id="NutsApi_getNuts",
            tags=["nuts"], summary="Retrieve all possible NUTS from the system")
def get_nuts(request):
    return queries.nuts_tree(actor=request.user)


@router.post("/nuts/download", response={200: OutputNutsMetadata}, by_alias=True, operation_id="downloadLatestNuts",
             tags=["nuts"], summary="Perform download of new GISCO-regions data, if not yet downloaded")
def download_latest_nuts(request):
    return metadata_dto(services.load_dataset(actor=request.user))


@router.get("/nuts/metadata", response={200: OutputNutsMetadata | None}, by_alias=True,
            operation_id="getNutsMetadata", tags=["nuts"],
            summary="Retrieve info about NUTS version in the system, if already downloaded")
def get_nuts_metadata(request):
    metadata = queries.metadata(actor=request.user)
    if metadata is None:
        return HttpResponse(status=200, content_type="application/json")
    return metadata_dto(metadata)


@router.get("/programmedata/nuts", response={200: list[OutputNuts]}, by_alias=True,
            operation_id="ProgrammeDataApi_getNuts", summary="Retrieve NUTS available for this programme setup")
def get_programme_nuts(request):
    return queries.programme_nuts(actor=request.user)


@router.put("/programmedata/nuts", response={200: ProgrammeDataDTO}, by_alias=True, operation_id="updateNuts",
            summary="Specify available NUTS regions for this programme")
def update_programme_nuts(request, regions: Body[list[str]]):
    services.update_programme_area(actor=request.user, codes=regions)
    return programme_data_dto(programme_data_row(), queries.programme_area_tree())
