import django.db.models.deletion
import wagtail.fields
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('home', '0001_initial'),
        ('wagtailcore', '0097_baselogentry_uuid_action_timestamp_indexes'),
    ]

    operations = [
        migrations.CreateModel(
            name='HomePage',
            fields=[
                ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to='wagtailcore.page')),
                ('intro', models.TextField(blank=True, help_text='Een of twee zinnen in eenvoudige taal.', max_length=500, verbose_name='welkomsttekst')),
                ('body', wagtail.fields.RichTextField(blank=True, verbose_name='meer uitleg')),
            ],
            options={
                'verbose_name': 'homepagina',
            },
            bases=('wagtailcore.page',),
        ),
        migrations.CreateModel(
            name='StandardPage',
            fields=[
                ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to='wagtailcore.page')),
                ('intro', models.TextField(blank=True, max_length=500, verbose_name='korte inleiding')),
                ('body', wagtail.fields.RichTextField(verbose_name='tekst')),
            ],
            options={
                'verbose_name': 'standaardpagina',
            },
            bases=('wagtailcore.page',),
        ),
        migrations.CreateModel(
            name='SiteSettings',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('organisation_name', models.CharField(default='Verbuurzamen', max_length=120, verbose_name='organisatie')),
                ('contact_phone', models.CharField(blank=True, max_length=20, verbose_name='telefoonnummer')),
                ('contact_email', models.EmailField(blank=True, max_length=254, verbose_name='e-mailadres')),
                ('contact_hours', models.CharField(blank=True, max_length=200, verbose_name='bereikbaar')),
                ('accessibility_page', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailcore.page', verbose_name='toegankelijkheidsverklaring')),
                ('site', models.OneToOneField(editable=False, on_delete=django.db.models.deletion.CASCADE, to='wagtailcore.site')),
            ],
            options={
                'verbose_name': 'site-instellingen',
            },
        ),
    ]
