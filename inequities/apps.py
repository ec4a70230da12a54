from django.apps import AppConfig


class InequitiesConfig(AppConfig):
    name = "inequities"
    verbose_name = "Silences and inequities"
