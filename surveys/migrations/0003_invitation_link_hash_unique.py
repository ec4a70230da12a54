"""The link hash is unique and never empty (a separate migration: PostgreSQL will not alter a table
in the same transaction as the row updates of 0002)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("surveys", "0002_invitation_link_hashes")]

    operations = [
        migrations.AlterField(
            model_name="invitation",
            name="token_hash",
            field=models.CharField(editable=False, max_length=64, unique=True),
        ),
        migrations.AddConstraint(
            model_name="invitation",
            constraint=models.CheckConstraint(condition=~models.Q(token_hash=""), name="invitation_token_hash_set"),
        ),
    ]
