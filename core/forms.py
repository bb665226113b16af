from django import forms


class HttpsURLField(forms.URLField):
    """A web address typed without a scheme ("cpe.example") is read as https://, as people expect today."""

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("assume_scheme", "https")
        super().__init__(**kwargs)
