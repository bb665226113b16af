from django.db import connections
from rest_framework.views import exception_handler as drf_exception_handler


def exception_handler(exc, context):
    """DRF's answer to an error, without its marking the surrounding transaction for rollback: the API's views
    run outside the request's transaction, and each write opens its own, which an error has already rolled back.
    (What surrounds them then is a test's transaction, which must go on.)"""
    before = {db.alias: db.needs_rollback for db in connections.all(initialized_only=True) if db.in_atomic_block}
    response = drf_exception_handler(exc, context)
    for alias, needed in before.items():
        connections[alias].set_rollback(needed)
    return response
