"""The load model for bench/load.py: signed-in staff and panel members with think time.

Each simulated person waits 3 to 10 seconds between pages, as someone reading them does. The
cookies, the resident and the search text come from bench/load.py in environment variables.
"""

import os

from locust import HttpUser, between, task

DISSATISFACTION = "/insight/dashboards/dissatisfaction/?measure=tp02_dissatisfied&characteristic=disability"
RESIDENT = os.environ.get("BENCH_RESIDENT", "1")


class Person(HttpUser):
    abstract = True
    wait_time = between(3, 10)
    who = ""

    def on_start(self):
        self.client.headers["Cookie"] = os.environ[f"BENCH_COOKIE_{self.who.upper()}"]

    def open(self, path, name):
        with self.client.get(path, name=name, catch_response=True, allow_redirects=False) as response:
            if response.status_code != 200:
                response.failure(f"{response.status_code}")


class PanelMember(Person):
    weight = 2
    who = "panel"

    @task(3)
    def dissatisfaction(self):
        self.open(DISSATISFACTION, "dissatisfaction by group")

    @task(1)
    def dashboards(self):
        self.open("/insight/dashboards/", "dashboards")

    @task(1)
    def overview(self):
        self.open("/", "panel member's overview")


class Officer(Person):
    weight = 5
    who = "officer"

    @task(3)
    def worklist(self):
        self.open("/", "officer's worklist")

    @task(2)
    def search(self):
        self.open(f"/residents/?q={os.environ.get('BENCH_FRAGMENT', 'ash')}", "name search")

    @task(2)
    def resident(self):
        self.open(f"/residents/{RESIDENT}/", "resident page")

    @task(1)
    def contact_form(self):
        self.open(f"/residents/{RESIDENT}/contacts/add/", "contact form")

    @task(1)
    def patch(self):
        self.open("/patch/", "patch view")


class Analyst(Person):
    weight = 1
    who = "analyst"

    @task(2)
    def figures(self):
        self.open("/insight/figures/", "figures")

    @task(1)
    def representation(self):
        self.open("/engagement/representation/", "representation")
