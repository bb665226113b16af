"""The documents' addresses for the tenant-isolation walk: a cycle's document (the plan) and a partnership's (the
service offer of Outil 6), in PDF, the format every document offers."""


def url_kwargs(partnership) -> dict:
    return {"key": "plan", "document": "offre-de-services", "file_format": "pdf"}
