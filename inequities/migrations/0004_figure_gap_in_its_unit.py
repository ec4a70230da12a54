"""`gap_pp` held gaps per 1,000 and in working days too: the columns are named for what they hold."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("inequities", "0003_snapshot_job_id")]

    operations = [
        migrations.RenameField("figure", "gap_pp", "gap"),
        migrations.RenameField("figure", "gap_low_pp", "gap_low"),
        migrations.RenameField("figure", "gap_high_pp", "gap_high"),
    ]
