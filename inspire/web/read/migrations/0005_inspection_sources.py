"""An inspection has many sources (files); merged duplicates are recorded. Schema only: 0006 fills
the sources and merges duplicates, 0007 then makes the identity unique."""

import django.db.models.deletion
import django.utils.timezone
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('inspections', '0004_record_estimate_and_item_groups'),
    ]

    operations = [
        migrations.CreateModel(
            name='InspectionMerge',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('merged_id', models.PositiveBigIntegerField()),
                ('merged_name', models.CharField(max_length=300)),
                ('moved', models.JSONField(blank=True, default=dict)),
                ('note', models.TextField(blank=True)),
                ('merged', models.DateTimeField(default=django.utils.timezone.now)),
            ],
            options={
                'ordering': ['kept', 'merged'],
            },
        ),
        migrations.CreateModel(
            name='InspectionSource',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('added', models.DateTimeField(default=django.utils.timezone.now)),
                ('record', models.JSONField()),
                ('differences', models.JSONField(blank=True, default=list)),
            ],
            options={
                'ordering': ['inspection', 'added', 'pk'],
            },
        ),
        migrations.AddField(
            model_name='inspectionmerge',
            name='kept',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='merges', to='inspections.inspection'),
        ),
        migrations.AddField(
            model_name='inspectionsource',
            name='document',
            field=models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='source', to='inspections.sourcedocument'),
        ),
        migrations.AddField(
            model_name='inspectionsource',
            name='inspection',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='sources', to='inspections.inspection'),
        ),
    ]
