"""Store only a hash of each personal survey link (see surveys/links.py).

Every existing invitation gets a new nonce and so a new link: the plain tokens are dropped from the
table (and so from future backups). Links sent before this migration stop working; the product had
not gone live when it was written. Send lists and emails made afterwards carry the new links.
Checked by hand on a database with three invitations: three distinct hashes, each link made again
from its nonce matches its hash.
"""

import hashlib

from django.db import migrations, models

import surveys.links


def reissue(apps, schema_editor):
    Invitation = apps.get_model("surveys", "Invitation")
    for invitation in Invitation.objects.all().only("pk").iterator():
        nonce = surveys.links.new_nonce()
        token = surveys.links.token_for(nonce)
        Invitation.objects.filter(pk=invitation.pk).update(
            token_nonce=nonce, token_hash=hashlib.sha256(token.encode()).hexdigest()
        )


class Migration(migrations.Migration):
    dependencies = [("surveys", "0001_initial")]

    operations = [
        migrations.RemoveField(model_name="invitation", name="token"),
        migrations.AddField(
            model_name="invitation",
            name="token_nonce",
            field=models.CharField(default=surveys.links.new_nonce, editable=False, max_length=40),
        ),
        migrations.AddField(
            model_name="invitation",
            name="token_hash",
            field=models.CharField(default="", editable=False, max_length=64),
            preserve_default=False,
        ),
        # Not reversible: going back to plain tokens is not supported (and 0001's unique token column
        # could not be re-added to existing rows with one default anyway).
        migrations.RunPython(reissue),
    ]
