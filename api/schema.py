"""The OpenAPI schema's shared parts: the error answers every operation may give, described once, and the
token's security scheme."""

from drf_spectacular.extensions import OpenApiAuthenticationExtension

ERROR = {"$ref": "#/components/schemas/Error"}
FIELD_ERRORS = {
    "type": "object",
    "description": "The fields refused, each with its messages (`non_field_errors` for the whole record), or a "
    "`detail` for a request that could not be read.",
    "additionalProperties": {},
}


def _json(schema: dict, description: str) -> dict:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


ANSWERS = {
    "400": _json(FIELD_ERRORS, "The request was refused: what it sent, or its filters, do not follow the rules."),
    "401": _json(ERROR, "No token, or a token that is not valid or was revoked."),
    "403": _json(ERROR, "The person's role does not allow this."),
    "404": _json(ERROR, "Not found: or not in one of the person's partnerships."),
    "406": _json(ERROR, "The answer cannot be given in the format the request accepts."),
    "415": _json(ERROR, "The request's body is not JSON."),
}


def add_error_responses(result, generator, request, public):
    """Every operation answers 401, 403, 404; a write also 400 and 415; each keeps what it declares itself."""
    result.setdefault("components", {}).setdefault("schemas", {})["Error"] = {
        "type": "object",
        "properties": {"detail": {"type": "string"}},
        "required": ["detail"],
    }
    for operations in result.get("paths", {}).values():
        for method, operation in operations.items():
            codes = ["400", "401", "403", "404", "406"]
            if method in ("post", "patch", "put"):
                codes.append("415")
            responses = operation.setdefault("responses", {})
            for code in codes:
                responses.setdefault(code, ANSWERS[code])
    return result


class BearerTokenScheme(OpenApiAuthenticationExtension):
    target_class = "api.authentication.BearerTokenAuthentication"
    name = "token"

    def get_security_definition(self, auto_schema) -> dict:
        return {
            "type": "http",
            "scheme": "bearer",
            "description": "A personal API token, created in the profile (« Mes jetons d'API »).",
        }
