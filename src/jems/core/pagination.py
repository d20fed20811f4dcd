"""Spring Data paging for the Jems API: page/size/sort parameters in, the Page object out."""

from dataclasses import dataclass

from .errors import ValidationFailed

MAX_PAGE_SIZE = 2000


@dataclass(frozen=True)
class PageRequest:
    """A zero-based page with its size and ORM ordering."""

    page: int = 0
    size: int = 20
    ordering: tuple[str, ...] = ()

    @property
    def offset(self) -> int:
        return self.page * self.size


def page_request(page: int | None, size: int | None, sort: list[str] | None, fields: dict[str, str],
                 default: tuple[str, ...] = ("-id",)) -> PageRequest:
    """Build a PageRequest; `fields` maps API sort properties to ORM fields. Unknown properties are refused."""
    page = max(int(page or 0), 0)
    size = min(max(int(size or 20), 1), MAX_PAGE_SIZE)
    ordering = []
    for item in sort or []:
        prop, _, direction = item.partition(",")
        prop = prop.strip()
        if not prop:
            continue
        if prop not in fields:
            raise ValidationFailed(fields={"sort": "common.error.sort.property.unknown"}, args={"property": prop})
        prefix = "-" if direction.strip().lower() == "desc" else ""
        ordering.append(prefix + fields[prop])
    return PageRequest(page, size, tuple(ordering) or default)


def paginate(queryset, request: PageRequest):
    """Return (items, total) with two queries whatever the size of the table."""
    ordered = queryset.order_by(*request.ordering)
    items = list(ordered[request.offset : request.offset + request.size])
    return items, queryset.order_by().count()


def spring_page(content: list, total: int, request: PageRequest) -> dict:
    """The Spring Data page object as Jems serialises it."""
    total_pages = (total + request.size - 1) // request.size if request.size else 0
    sorted_ = bool(request.ordering)
    sort = {"empty": not sorted_, "sorted": sorted_, "unsorted": not sorted_}
    return {
        "content": content,
        "pageable": {
            "sort": sort,
            "offset": request.offset,
            "pageNumber": request.page,
            "pageSize": request.size,
            "paged": True,
            "unpaged": False,
        },
        "totalElements": total,
        "totalPages": total_pages,
        "last": request.page >= total_pages - 1,
        "size": request.size,
        "number": request.page,
        "sort": sort,
        "numberOfElements": len(content),
        "first": request.page == 0,
        "empty": not content,
    }
