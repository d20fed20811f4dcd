"""Spring Data paging: page/size/sort in, the Page object out, fixed query counts."""

import pytest

from jems.accounts.models import User
from jems.core.errors import ValidationFailed
from jems.core.pagination import MAX_PAGE_SIZE, PageRequest, page_request, paginate, spring_page
from tests.conftest import make_user

FIELDS = {"id": "id", "email": "email", "userRole.name": "role__name"}


def test_defaults():
    request = page_request(None, None, None, FIELDS)
    assert request == PageRequest(0, 20, ("-id",))
    assert request.offset == 0
    assert page_request(None, None, [], FIELDS, default=("name",)).ordering == ("name",)


def test_page_and_size_are_clamped():
    assert page_request(-3, 0, None, FIELDS).page == 0
    assert page_request(0, 0, None, FIELDS).size == 20  # 0 means "not given", as in Spring
    assert page_request(0, -5, None, FIELDS).size == 1
    assert page_request(0, 10**6, None, FIELDS).size == MAX_PAGE_SIZE
    assert page_request(3, 25, None, FIELDS).offset == 75


def test_sort_properties_map_to_orm_fields():
    request = page_request(0, 10, ["email,desc", "userRole.name,ASC", "id"], FIELDS)
    assert request.ordering == ("-email", "role__name", "id")
    assert page_request(0, 10, [" ", ",desc"], FIELDS).ordering == ("-id",)  # blank items are ignored


def test_unknown_sort_property_is_a_field_error():
    with pytest.raises(ValidationFailed) as error:
        page_request(0, 10, ["password,asc"], FIELDS)
    assert error.value.status == 422
    assert error.value.field_messages() == {"sort": "common.error.sort.property.unknown"}
    assert error.value.args_ == {"property": "password"}


def test_spring_page_shape():
    request = PageRequest(1, 2, ("id",))
    page = spring_page(["c", "d"], 5, request)
    assert page["content"] == ["c", "d"]
    assert page["totalElements"] == 5 and page["totalPages"] == 3
    assert page["number"] == 1 and page["size"] == 2 and page["numberOfElements"] == 2
    assert page["first"] is False and page["last"] is False and page["empty"] is False
    assert page["sort"] == {"empty": False, "sorted": True, "unsorted": False}
    assert page["pageable"] == {"sort": page["sort"], "offset": 2, "pageNumber": 1, "pageSize": 2,
                                "paged": True, "unpaged": False}
    assert set(page) == {"content", "pageable", "totalElements", "totalPages", "last", "size", "number", "sort",
                         "numberOfElements", "first", "empty"}


def test_spring_page_edges():
    empty = spring_page([], 0, PageRequest(0, 20, ()))
    assert empty["totalPages"] == 0 and empty["empty"] is True and empty["first"] is True and empty["last"] is True
    assert empty["sort"] == {"empty": True, "sorted": False, "unsorted": True}
    last = spring_page(["e"], 5, PageRequest(2, 2, ("id",)))
    assert last["last"] is True and last["numberOfElements"] == 1
    beyond = spring_page([], 5, PageRequest(9, 2, ("id",)))
    assert beyond["last"] is True and beyond["empty"] is True


@pytest.mark.parametrize("extra_users", [0, 3, 30])
def test_paginate_uses_two_queries_whatever_the_size(db, django_assert_num_queries, extra_users):
    for i in range(extra_users):
        make_user(f"user{i:02d}@example.org", 3)
    total = User.objects.count()
    with django_assert_num_queries(2):
        items, counted = paginate(User.objects.all(), PageRequest(0, 10, ("email",)))
    assert counted == total
    assert [u.email for u in items] == sorted(User.objects.values_list("email", flat=True))[:10]


def test_paginate_pages_through_everything_once(db):
    for i in range(7):
        make_user(f"user{i}@example.org", 3)
    seen = []
    for page in range(4):
        items, total = paginate(User.objects.all(), PageRequest(page, 3, ("id",)))
        seen += [u.pk for u in items]
    assert total == 8
    assert seen == list(User.objects.order_by("id").values_list("id", flat=True))
