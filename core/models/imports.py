from django.conf import settings
from django.db import models


class ImportBatch(models.Model):
    """A file an administrator uploaded: checked first, imported only when they confirm."""

    # One of the registered imports (core.imports.IMPORTS), and what it needs besides the file.
    kind = models.CharField(max_length=20)
    options = models.JSONField(default=dict, blank=True)
    file_name = models.CharField(max_length=200)
    content = models.TextField()
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)
    row_count = models.PositiveIntegerField(default=0)
    problem_count = models.PositiveIntegerField(default=0)
    imported_at = models.DateTimeField(null=True, blank=True)
    summary = models.CharField(max_length=300, blank=True)

    class Meta:
        db_table = "engagement_importbatch"
        ordering = ["-uploaded_at", "-pk"]
        verbose_name_plural = "import batches"
        permissions = [("import_data", "Can import data: homes, residents, deprivation, equality, repairs, responses")]

    def __str__(self):
        return f"{self.get_kind_display()} from {self.file_name}"

    def get_kind_display(self):
        from core.imports import IMPORTS

        found = IMPORTS.get(self.kind)
        return found.label if found else self.kind
