"""The fixed list of audiences projects and activities are for."""

from django.db import migrations

AUDIENCES = [
    ("everyone", "Iedereen"),
    ("older-people", "Ouderen"),
    ("young-people", "Jongeren (12–24 jaar)"),
    ("newcomers", "Nieuwkomers"),
    ("widowed-divorced", "Weduwen, weduwnaars en gescheiden mensen"),
    ("carers", "Mantelzorgers"),
    ("families", "Gezinnen"),
]


def create_audiences(apps, schema_editor):
    Audience = apps.get_model("neighbourhood", "Audience")
    for order, (slug, name) in enumerate(AUDIENCES):
        Audience.objects.update_or_create(
            slug=slug, defaults={"name": name, "sort_order": order}
        )


class Migration(migrations.Migration):
    dependencies = [("neighbourhood", "0001_initial")]

    operations = [migrations.RunPython(create_audiences, migrations.RunPython.noop)]
