"""The imports' addresses for the tenant-isolation walk: an importer of each scope, the measurements of Outil 12
and the partner organizations; their keys name no partnership's object (core/tests/test_tenant_isolation.py,
SHARED_KWARGS)."""


def url_kwargs(partnership) -> dict:
    return {"importer": "mesures", "partnership_importer": "organismes"}
