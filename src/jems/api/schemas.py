"""Base schemas of the Jems-compatible API: camelCase names on the wire, Spring page objects."""

from ninja import Schema
from pydantic import ConfigDict
from pydantic.alias_generators import to_camel


class CamelSchema(Schema):
    """A schema whose JSON names are the camelCase Kotlin property names of Jems."""

    model_config = ConfigDict(alias_generator=to_camel, populate_by_name=True)


class SortOut(CamelSchema):
    empty: bool
    sorted: bool
    unsorted: bool


class PageableOut(CamelSchema):
    sort: SortOut
    offset: int
    page_number: int
    page_size: int
    paged: bool
    unpaged: bool


def page_schema(item_schema, name: str):
    """A Spring Data page schema of `item_schema`, named like Jems' `Page<Dto>` schemas."""
    return type(
        name,
        (CamelSchema,),
        {
            "__annotations__": {
                "content": list[item_schema],
                "pageable": PageableOut,
                "total_elements": int,
                "total_pages": int,
                "last": bool,
                "size": int,
                "number": int,
                "sort": SortOut,
                "number_of_elements": int,
                "first": bool,
                "empty": bool,
            },
            "__module__": __name__,
        },
    )
