"""One way for every resource of the API: the partnership (and the cycle) named by the URL are reached through the
pages' access functions, reads through selectors, writes through the page's form and the app's service.

A resource's viewset says which records it lists (`records`), how one is reached (`record`, the app's `access_*`
function), the form that checks a write (`form_class`, `form_kwargs`), the permission a creation needs
(`create_perm`) and the app's services (`save_new`, `save_edit`, `remove`). `documented` describes it in the
OpenAPI schema.
"""

from django.db import IntegrityError, transaction
from django.db.models import ProtectedError
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import exceptions, serializers, status, viewsets
from rest_framework.response import Response

from core.concurrency import EditConflict
from core.deletion import DeletionRefused, deletion_of
from cycles.access import access_cycle
from partnerships.access import access_partnership
from partnerships.permissions import Perm

from .. import selectors
from ..inputs import current_values, form_data, input_serializer
from ..serializers import ConflictSerializer, DeletionRefusedSerializer


class RequestLanguage:
    """The answer, errors included, is in the language the request asks for (Accept-Language); pages follow the
    language switch instead, which a program does not have."""

    def initial(self, request, *args, **kwargs) -> None:
        translation.activate(translation.get_language_from_request(request._request))
        super().initial(request, *args, **kwargs)

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        response["Content-Language"] = translation.get_language()
        patch_vary_headers(response, ("Accept-Language",))
        return response


class PartnershipViewSet(RequestLanguage, viewsets.GenericViewSet):
    """The partnership named by `slug` for the request's person: 404 unless they are a member, as on the pages."""

    def initial(self, request, *args, **kwargs) -> None:
        super().initial(request, *args, **kwargs)
        self.access = access_partnership(request.user, kwargs["slug"])
        if self.access.must_enrol_in_mfa(request.user):
            raise exceptions.PermissionDenied(
                _("Ce regroupement demande la double authentification à ses coordonnateurs : activez-la d'abord.")
            )
        self.access.require(Perm.VIEW)
        self.cycle = access_cycle(self.access, kwargs["cycle_pk"])[0] if "cycle_pk" in kwargs else None


class RecordViewSet(PartnershipViewSet):
    form_class = None
    filter_form = None  # the page's filter form: its fields are the list's query parameters
    create_perm: Perm = Perm.VIEW
    lookup_url_kwarg = "pk"

    # --- What each resource says ---------------------------------------------------------------------------

    def records(self):
        """The list's records, with what the serializer reads joined; `self.filters()` are its query's filters."""
        raise NotImplementedError

    def filters(self) -> dict:
        """The list's filters, checked by the page's filter form; 400 for a value it refuses."""
        if self.filter_form is None:
            return {}
        form = self.filter_form(self.request.query_params)
        if not form.is_valid():
            raise exceptions.ValidationError(_form_errors(form))
        return {name: value for name, value in form.cleaned_data.items() if value not in ("", None)}

    def record(self, pk: int):
        """(record, may edit), through the app's access function."""
        raise NotImplementedError

    def form_kwargs(self) -> dict:
        return {"partnership": self.access.partnership}

    def save_new(self, form):
        """Create the record through the app's service; returns it."""
        raise NotImplementedError

    def save_edit(self, record, form, expected_version: int) -> None:
        """Save the record through the app's service (which raises EditConflict for a stale version)."""
        raise NotImplementedError

    def remove(self, record) -> None:
        raise NotImplementedError

    def may_create(self) -> bool:
        return self.access.can(self.create_perm)

    def may_delete(self, record, can_edit: bool) -> bool:
        return can_edit

    # --- The operations -------------------------------------------------------------------------------------

    def list(self, request, **kwargs) -> Response:
        records = selectors.updated_since(self.records(), request.query_params.get("updated_since"))
        page = self.paginate_queryset(records)
        return self.get_paginated_response(self.get_serializer(page, many=True).data)

    def retrieve(self, request, **kwargs) -> Response:
        record, _can_edit = self.record(kwargs[self.lookup_url_kwarg])
        return Response(self.get_serializer(record).data)

    def create(self, request, **kwargs) -> Response:
        if not self.may_create():
            raise exceptions.PermissionDenied
        form = self._bound_form(None)
        try:
            with transaction.atomic():
                created = self.save_new(form)
        except IntegrityError:
            # Someone saved a record with the same name meanwhile: the form says so, as on the page.
            form.instance.pk = None
            form.full_clean()
            if form.is_valid():
                raise
            raise exceptions.ValidationError(_form_errors(form)) from None
        return Response(self.get_serializer(self.record(created.pk)[0]).data, status=status.HTTP_201_CREATED)

    def partial_update(self, request, **kwargs) -> Response:
        record, can_edit = self.record(kwargs[self.lookup_url_kwarg])
        if not can_edit:
            raise exceptions.PermissionDenied
        form = self._bound_form(record)
        try:
            with transaction.atomic():
                self.save_edit(record, form, form.cleaned_data["version"])
        except EditConflict as conflict:
            return self._conflict(conflict.current.pk)
        return Response(self.get_serializer(self.record(record.pk)[0]).data)

    def destroy(self, request, **kwargs) -> Response:
        record, can_edit = self.record(kwargs[self.lookup_url_kwarg])
        if not self.may_delete(record, can_edit):
            raise exceptions.PermissionDenied
        deletion = deletion_of(record)
        if deletion.allowed:
            try:
                with transaction.atomic():
                    self.remove(record)
            except ProtectedError:
                deletion = deletion_of(record)
            except DeletionRefused as refused:
                return Response({"detail": str(refused), "blockers": []}, status=status.HTTP_409_CONFLICT)
            else:
                return Response(status=status.HTTP_204_NO_CONTENT)
        detail = _("Cet élément ne peut pas être supprimé : d'autres en dépendent.")
        return Response({"detail": detail, "blockers": deletion.blockers}, status=status.HTTP_409_CONFLICT)

    # --- Helpers --------------------------------------------------------------------------------------------

    def _bound_form(self, record):
        """The page's form, given the JSON's checked values over the record as saved; 400 unless it is valid."""
        shape = checked_input(self.request, input_serializer(self.form_class, partial=record is not None))
        unbound = self.form_class(instance=record, **self.form_kwargs())
        values = {**current_values(unbound), **form_data(shape.validated_data)}
        form = self.form_class(values, instance=record, **self.form_kwargs())
        if not form.is_valid():
            raise exceptions.ValidationError(_form_errors(form))
        return form

    def _conflict(self, pk: int) -> Response:
        current, _can_edit = self.record(pk)
        detail = _(
            "Quelqu'un a enregistré cet élément après que vous l'avez lu : rien n'a été enregistré. Relisez-le "
            "(version %(version)s) et refaites vos modifications."
        ) % {"version": current.version}
        return Response({"detail": detail, "current": self.get_serializer(current).data}, status=409)


def checked_input(request, serializer_class: type[serializers.Serializer]) -> serializers.Serializer:
    """The request's JSON object checked by `serializer_class`; 400 for anything else."""
    if not isinstance(request.data, dict):
        raise exceptions.ValidationError({"non_field_errors": [_("Envoyez un objet JSON.")]})
    shape = serializer_class(data=request.data)
    shape.is_valid(raise_exception=True)
    return shape


def _form_errors(form) -> dict:
    return {
        ("non_field_errors" if name == "__all__" else name): [str(message) for message in messages]
        for name, messages in form.errors.items()
    }


def documented(tag: str):
    """Describe a RecordViewSet's operations in the schema: what a write accepts is its form's fields."""

    def decorate(viewset: type[RecordViewSet]) -> type[RecordViewSet]:
        output = viewset.serializer_class
        return extend_schema_view(
            list=extend_schema(tags=[tag], parameters=[UPDATED_SINCE, *filter_parameters(viewset.filter_form)]),
            retrieve=extend_schema(tags=[tag]),
            create=extend_schema(
                tags=[tag], request=input_serializer(viewset.form_class, partial=False), responses={201: output}
            ),
            partial_update=extend_schema(
                tags=[tag],
                request=input_serializer(viewset.form_class, partial=True),
                responses={200: output, 409: ConflictSerializer},
            ),
            destroy=extend_schema(tags=[tag], responses={204: None, 409: DeletionRefusedSerializer}),
        )(viewset)

    return decorate


def filter_parameters(filter_form) -> list[OpenApiParameter]:
    if filter_form is None:
        return []
    return [
        OpenApiParameter(
            name,
            str,
            description=str(field.label or ""),
            enum=[key for key, _label in getattr(field, "choices", ()) if key] or None,
        )
        for name, field in filter_form.base_fields.items()
    ]


UPDATED_SINCE = OpenApiParameter(
    "updated_since",
    OpenApiTypes.DATETIME,
    description="Only the records changed since this moment (ISO 8601, with its time zone).",
)
