from django.db import migrations


def load_reference_catalogue(apps, schema_editor):
    from factors.catalogue import load_catalogue, read_catalogue

    load_catalogue(read_catalogue(), apps=apps)


class Migration(migrations.Migration):
    dependencies = [
        ("factors", "0001_protective_factor_catalogue"),
    ]

    # Reversing keeps the rows (other records may cite them); unapplying 0001 drops the tables anyway.
    operations = [migrations.RunPython(load_reference_catalogue, migrations.RunPython.noop)]
