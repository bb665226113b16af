from django.db import migrations


def load_reference_questionnaire(apps, schema_editor):
    from diagnostic.questionnaire import load_questionnaire, read_questionnaire

    load_questionnaire(read_questionnaire(), apps=apps)


class Migration(migrations.Migration):
    dependencies = [
        ("diagnostic", "0001_questionnaire_rounds_and_anonymous_answers"),
    ]

    # Reversing keeps the rows (rounds may rest on them); unapplying 0001 drops the tables anyway.
    operations = [migrations.RunPython(load_reference_questionnaire, migrations.RunPython.noop)]
