"""What a write accepts is the page's form: the API checks the JSON's shape with a serializer derived from the
form's fields (so that the OpenAPI schema describes them), then hands the values to the form itself, whose rules
(required fields, duplicates, dates in order, codes) are the pages' — never a second copy."""

import datetime
from decimal import Decimal
from functools import cache

from django import forms
from rest_framework import serializers

from core.submissions import OnceFormMixin

# What every database stores: a primary key (a 64-bit integer) and an integer column (32 bits on PostgreSQL).
MAX_KEY = 2**63 - 1
MIN_INTEGER, MAX_INTEGER = -(2**31), 2**31 - 1


def input_serializer(form_class: type[forms.BaseForm], *, partial: bool) -> type[serializers.Serializer]:
    """The JSON a creation (`partial=False`) or an edit (`partial=True`, every field optional but `version`)
    accepts, for `form_class`."""
    return _input_serializer(form_class, partial)


@cache
def _input_serializer(form_class: type[forms.BaseForm], partial: bool) -> type[serializers.Serializer]:
    fields = {}
    for name, field in form_class.base_fields.items():
        if name in ("version", *OnceFormMixin.base_fields):
            continue
        fields[name] = _api_field(field, required=field.required and not partial and not _has_default(form_class, name))
    if partial:
        fields["version"] = serializers.IntegerField(
            min_value=1,
            max_value=MAX_INTEGER,
            help_text="The record's version as read (`version`): an older one answers 409.",
        )
    model_name = form_class._meta.model.__name__
    name = f"{model_name}Edit" if partial else f"{model_name}Create"
    return type(name, (serializers.Serializer,), {**fields, "__doc__": f"{model_name}: the fields a write sets."})


def _has_default(form_class: type[forms.BaseForm], name: str) -> bool:
    """A field the empty form fills in (an action's status starts as planned) may be left out."""
    if form_class.base_fields[name].initial is not None:
        return True
    model = form_class._meta.model
    return any(field.name == name and field.has_default() for field in model._meta.concrete_fields)


def _api_field(field: forms.Field, *, required: bool) -> serializers.Field:
    options = {"required": required, "help_text": str(field.help_text or "") or None}
    if isinstance(field, forms.ModelMultipleChoiceField):
        return serializers.ListField(child=serializers.IntegerField(min_value=1, max_value=MAX_KEY), **options)
    if isinstance(field, forms.ModelChoiceField):
        return serializers.IntegerField(min_value=1, max_value=MAX_KEY, allow_null=not field.required, **options)
    if isinstance(field, forms.MultipleChoiceField):
        return serializers.ListField(child=serializers.ChoiceField(choices=list(field.choices)), **options)
    if isinstance(field, forms.ChoiceField):
        choices = [(key, label) for key, label in field.choices if key != ""]
        return serializers.ChoiceField(choices=choices, allow_blank=not field.required, **options)
    if isinstance(field, forms.BooleanField):
        return serializers.BooleanField(**options)
    if isinstance(field, forms.DateField):
        return serializers.DateField(allow_null=not field.required, **options)
    # A decimal field is an integer field to Django's forms: it is looked at first.
    if isinstance(field, forms.DecimalField):
        return serializers.DecimalField(
            max_digits=field.max_digits, decimal_places=field.decimal_places, allow_null=not field.required, **options
        )
    if isinstance(field, forms.IntegerField):
        return serializers.IntegerField(
            allow_null=not field.required,
            min_value=MIN_INTEGER if field.min_value is None else field.min_value,
            max_value=MAX_INTEGER if field.max_value is None else field.max_value,
            **options,
        )
    if isinstance(field, forms.EmailField):
        return serializers.EmailField(allow_blank=not field.required, max_length=field.max_length, **options)
    return serializers.CharField(
        allow_blank=not field.required,
        allow_null=not field.required,
        max_length=getattr(field, "max_length", None),
        trim_whitespace=False,
        **options,
    )


def form_data(values: dict) -> dict:
    """Checked JSON values as a form reads them: text, lists of text, dates."""
    return {name: _form_value(value) for name, value in values.items()}


def _form_value(value):
    if isinstance(value, list):
        return [_form_value(item) for item in value]
    if value is None:
        return ""
    if isinstance(value, (bool, datetime.date)):
        return value
    if isinstance(value, (int, Decimal, float)):
        return str(value)
    return value


def current_values(form: forms.BaseForm) -> dict:
    """What an unbound form shows: the record as saved, so that an edit may send only what changes, or the
    defaults of a new one (what a person sees on the empty page)."""
    return {name: form[name].value() for name in form.fields if name not in OnceFormMixin.base_fields}
