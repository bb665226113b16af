"""The documentation page's reading of the OpenAPI schema: operations grouped by tag, with their parameters,
the fields they accept and what they answer."""

from dataclasses import dataclass, field

METHODS = ("get", "post", "patch", "put", "delete")


@dataclass
class Field:
    name: str
    type: str
    required: bool
    description: str = ""


@dataclass
class Operation:
    method: str
    path: str
    summary: str
    parameters: list[Field] = field(default_factory=list)
    body: list[Field] = field(default_factory=list)
    answers: list[tuple[str, str]] = field(default_factory=list)

    @property
    def anchor(self) -> str:
        return self.method + self.path.replace("/", "-").replace("{", "").replace("}", "")


def operations_by_tag(schema: dict) -> list[tuple[str, list[Operation]]]:
    components = schema.get("components", {}).get("schemas", {})
    tags: dict[str, list[Operation]] = {}
    for path, operations in schema.get("paths", {}).items():
        for method in METHODS:
            if method not in operations:
                continue
            operation = operations[method]
            tag = (operation.get("tags") or ["api"])[0]
            tags.setdefault(tag, []).append(_operation(method, path, operation, components))
    return list(tags.items())


def _operation(method: str, path: str, operation: dict, components: dict) -> Operation:
    parameters = [
        Field(p["name"], _type(p.get("schema", {}), components), p.get("required", False), p.get("description", ""))
        for p in operation.get("parameters", [])
    ]
    body_schema = operation.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema")
    answers = [(code, answer.get("description", "")) for code, answer in sorted(operation["responses"].items())]
    return Operation(
        method=method.upper(),
        path=path,
        summary=operation.get("description", "") or operation.get("summary", ""),
        parameters=parameters,
        body=_fields(body_schema, components) if body_schema else [],
        answers=answers,
    )


def _resolve(schema: dict, components: dict) -> dict:
    while "$ref" in schema:
        schema = components.get(schema["$ref"].rsplit("/", 1)[-1], {})
    return schema


def _fields(schema: dict, components: dict) -> list[Field]:
    schema = _resolve(schema, components)
    required = set(schema.get("required", ()))
    return [
        Field(name, _type(value, components), name in required, _resolve(value, components).get("description", ""))
        for name, value in schema.get("properties", {}).items()
    ]


def _type(schema: dict, components: dict) -> str:
    if "allOf" in schema or "oneOf" in schema:
        parts = schema.get("allOf") or schema.get("oneOf")
        return " | ".join(_type(part, components) for part in parts)
    schema = _resolve(schema, components)
    if "enum" in schema:
        return " | ".join(str(value) for value in schema["enum"] if value not in ("", None)) or "string"
    if schema.get("type") == "array":
        return f"[{_type(schema.get('items', {}), components)}]"
    kind = schema.get("type", "object")
    return f"{kind} ({schema['format']})" if "format" in schema else str(kind)
