from django.core.management.base import BaseCommand, CommandError

from partnerships.models import Partnership

from ...questionnaire import QUESTIONNAIRE_PATH, QuestionnaireError, load_questionnaire, read_questionnaire


class Command(BaseCommand):
    help = "Load a version of the diagnostic questionnaire (Outil 13): the reference, or a partnership's own wording."

    def add_arguments(self, parser) -> None:
        parser.add_argument("path", nargs="?", default=str(QUESTIONNAIRE_PATH))
        parser.add_argument("--partnership", help="slug of the partnership whose own wording this is")

    def handle(self, *args, path: str, partnership: str | None, **options) -> None:
        owner = None
        if partnership:
            owner = Partnership.objects.filter(slug=partnership).first()
            if owner is None:
                raise CommandError(f"no partnership with slug {partnership!r}")
        try:
            questionnaire, created = load_questionnaire(read_questionnaire(path), partnership=owner)
        except QuestionnaireError as error:
            raise CommandError(str(error)) from error
        state = "loaded" if created else "already loaded, unchanged"
        self.stdout.write(f"Questionnaire {questionnaire.version}: {state}.")
