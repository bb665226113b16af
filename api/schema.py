"""The OpenAPI schema's shared parts: the error answers every operation may give."""


def add_error_responses(result, generator, request, public):
    return result
