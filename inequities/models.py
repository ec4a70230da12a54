from django.db import models


class Snapshot(models.Model):
    """One complete set of figures. Written in one transaction, so a failed or interrupted
    recompute never leaves half a picture: pages read only the latest complete snapshot."""

    computed_at = models.DateTimeField()
    period_start = models.DateField()
    period_end = models.DateField()
    min_denominator = models.PositiveSmallIntegerField()
    max_small = models.PositiveSmallIntegerField()
    seconds = models.FloatField(help_text="How long the recompute took.")
    # The Celery task that wrote it, so the same task delivered twice writes one snapshot.
    job_id = models.CharField(max_length=64, blank=True, db_index=True)
    # A digest of what it shows (every figure's labels, shown counts and whether it is hidden): two
    # snapshots with the same digest publish the same thing, so the check against earlier
    # snapshots compares with one of them (disclosure/earlier.py). Blank before it was kept.
    shown_digest = models.CharField(max_length=64, blank=True)
    # The same, of the figures whose counts only grow (families.growing()) with their bands: all
    # that the audit across snapshots reads of it. A nightly recompute that changes only figures
    # counted on the day (residents now) publishes nothing new to that audit. Blank before it was kept.
    growing_digest = models.CharField(max_length=64, blank=True)
    # A keyed digest (HMAC, the rounding key) of the true counts of those figures before disclosure
    # control: the next recompute tries publishing as this one did only where they are unchanged.
    # Keyed, so the hidden counts cannot be tried against it without the key.
    facts_digest = models.CharField(max_length=64, blank=True)

    class Meta:
        ordering = ["-computed_at", "-pk"]
        get_latest_by = ["computed_at", "pk"]
        permissions = [
            ("view_dashboards", "Can see the aggregate dashboards of dissatisfaction, silences and representation"),
            ("export_figures", "Can download the figures and ask for them to be recomputed"),
        ]

    def __str__(self):
        return f"Figures computed {self.computed_at:%d %b %Y %H:%M}"


class Figure(models.Model):
    """One published number: a group's rate for a metric, in a region, with its comparison."""

    snapshot = models.ForeignKey(Snapshot, on_delete=models.CASCADE, related_name="figures")
    metric = models.CharField(max_length=60)
    dimension = models.CharField(max_length=30)
    group = models.CharField(max_length=60)
    region = models.CharField(max_length=60)
    unit = models.CharField(max_length=20, default="proportion")
    numerator = models.FloatField(null=True)
    denominator = models.FloatField(null=True)
    rate = models.FloatField(null=True)
    ci_low = models.FloatField(null=True)
    ci_high = models.FloatField(null=True)
    comparison_rate = models.FloatField(null=True)
    # rate - comparison_rate, in the figure's unit: percentage points for proportions and shares,
    # per 1,000 for per_1000, working days for working_days; gap_low and gap_high are its 95% interval.
    gap = models.FloatField(null=True)
    gap_low = models.FloatField(null=True)
    gap_high = models.FloatField(null=True)
    significant = models.BooleanField(null=True)
    benchmark_rate = models.FloatField(null=True)
    benchmark_source = models.CharField(max_length=300, blank=True)
    suppressed = models.BooleanField(default=False)
    # A suppressed share published as a band (inequities/disclosure/bands.py): its count is 1 to 7
    # ("fewer"), or all but 1 to 7 of its total are in the group ("all_but"); blank otherwise.
    band = models.CharField(
        max_length=8, blank=True, default="", choices=[("fewer", "fewer than 8"), ("all_but", "all but 1 to 7")]
    )

    class Meta:
        indexes = [models.Index(fields=["snapshot", "metric", "dimension", "region"])]

    def __str__(self):
        return f"{self.metric} / {self.dimension}={self.group} / {self.region}"


class SignalKind(models.TextChoices):
    OPPOSITE_TO_NATIONAL = "opposite_to_national", "Runs opposite to the national pattern"
    SECURITY_REPAIRS = "security_repairs", "Security repairs in high-crime areas"
    ABOVE_NATIONAL_REGION = "above_national_region", "Dissatisfaction above the national figure for the region"
    LOW_RESPONSE = "low_response", "A group we are not hearing from"


class Signal(models.Model):
    """Something in the figures worth a closer look, stated in plain English with its numbers.

    Written with the snapshot it comes from; `metric`, `dimension`, `group` and `region` point at
    the figures behind it (the dashboards link to them)."""

    snapshot = models.ForeignKey(Snapshot, on_delete=models.CASCADE, related_name="signals")
    kind = models.CharField(max_length=30, choices=SignalKind.choices)
    metric = models.CharField(max_length=60)
    dimension = models.CharField(max_length=30, blank=True)
    group = models.CharField(max_length=60, blank=True)
    region = models.CharField(max_length=60, default="all")
    statement = models.TextField(help_text="What the figures show, with the numbers.")
    suggestion = models.TextField(help_text="What to do about it.")

    class Meta:
        ordering = ["kind", "pk"]

    def __str__(self):
        return self.statement
