"""The English regions, as reference data every database must hold (created by a migration)."""

# The nine English regions with their ONS codes.
REGIONS = [
    ("E12000001", "North East"),
    ("E12000002", "North West"),
    ("E12000003", "Yorkshire and The Humber"),
    ("E12000004", "East Midlands"),
    ("E12000005", "West Midlands"),
    ("E12000006", "East of England"),
    ("E12000007", "London"),
    ("E12000008", "South East"),
    ("E12000009", "South West"),
]


def sync_regions(apps=None):
    if apps is None:
        from django.apps import apps as global_apps

        apps = global_apps
    Region = apps.get_model("engagement", "Region")
    for code, name in REGIONS:
        Region.objects.update_or_create(code=code, defaults={"name": name})
