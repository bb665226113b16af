from rest_framework.pagination import PageNumberPagination


class Pages(PageNumberPagination):
    """`?page=2`, and `?page_size=` up to 200: a list costs the same whatever the partnership's size."""

    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200
