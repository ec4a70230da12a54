from django.core.management.base import BaseCommand

from inequities.services import recompute


class Command(BaseCommand):
    help = "Recompute every inequity figure now, in this process, and store them as a new snapshot."

    def handle(self, *args, **options):
        snapshot = recompute()
        if snapshot is None:
            self.stdout.write("Another recompute is under way; its figures will be served when it completes.")
            return
        figures = snapshot.figures
        self.stdout.write(
            f"Snapshot {snapshot.pk}: {figures.count()} figures for {snapshot.period_start} to {snapshot.period_end}, "
            f"{figures.filter(suppressed=True).count()} hidden by disclosure control, "
            f"{figures.filter(significant=True).count()} clear gaps, in {snapshot.seconds:.1f} s."
        )
