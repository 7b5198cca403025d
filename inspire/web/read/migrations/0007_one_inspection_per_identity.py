"""One inspection per authority, family and inspection dates, now that 0006 merged the duplicates."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('inspections', '0006_merge_duplicate_inspections'),
    ]

    operations = [
        migrations.AddConstraint(
            model_name='inspection',
            constraint=models.UniqueConstraint(
                fields=('authority', 'family', 'inspection_start', 'inspection_end'), name='one_inspection_per_identity'
            ),
        ),
    ]
