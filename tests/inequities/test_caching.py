"""Dashboards from the cache: one rendering per snapshot, then the cache and 304 Not Modified."""

from datetime import UTC, datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.inequities.known_figures import known_snapshot

pytestmark = pytest.mark.django_db
PAGE = "/insight/dashboards/dissatisfaction/?measure=tp02_dissatisfied&characteristic=disability"
CSV = "/insight/dashboards/table.csv?measure=tp02_dissatisfied&characteristic=disability&region=all"


@pytest.fixture
def panel(client, personas):
    known_snapshot()
    client.force_login(personas["panel_member"])
    client.get("/insight/dashboards/")  # the first page sets the form-token cookie the key includes
    return client


def queries(client, url, **headers):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, headers=headers)
    return response, [query["sql"] for query in captured]


@pytest.mark.parametrize("url", [PAGE, CSV, "/insight/dashboards/", "/insight/dashboards/signals/", "/"])
def test_a_repeat_is_the_same_answer_from_the_cache_and_a_browser_that_has_it_gets_304(panel, url):
    first, first_queries = queries(panel, url)
    again, again_queries = queries(panel, url)
    assert first.status_code == again.status_code == 200
    assert again.content == first.content
    assert again["Content-Type"] == first["Content-Type"]
    assert again["ETag"] == first["ETag"] and first["Last-Modified"] == "Tue, 01 Apr 2025 02:30:00 GMT"
    assert "private" in first["Cache-Control"] and "no-cache" in first["Cache-Control"]
    # The session, the user and which snapshot is latest are read again; the figures are not.
    assert any("inequities_figure" in sql or "inequities_signal" in sql for sql in first_queries)
    assert not any("inequities_figure" in sql or "inequities_signal" in sql for sql in again_queries)
    assert len(again_queries) < len(first_queries)

    not_modified, _ = queries(panel, url, if_none_match=first["ETag"])
    assert not_modified.status_code == 304 and not_modified.content == b""
    assert not_modified["ETag"] == first["ETag"]


def test_the_csv_keeps_its_file_name_from_the_cache(panel):
    first = panel.get(CSV)
    again = panel.get(CSV)
    assert again["Content-Disposition"] == first["Content-Disposition"]
    assert first["Content-Disposition"].startswith("attachment; filename=")


@pytest.mark.parametrize("latest_seconds", [0, 30], ids=["latest-from-the-database", "latest-from-the-cache"])
def test_a_new_snapshot_another_filter_or_language_is_a_new_answer(panel, settings, latest_seconds):
    settings.LATEST_SNAPSHOT_CACHE_SECONDS = latest_seconds
    # Welsh is not offered until its catalogue is complete; offer it here so the language is in play.
    settings.LANGUAGES = [("en-gb", "English"), ("cy", "Cymraeg")]
    first = panel.get(PAGE)
    other_filter = panel.get(PAGE.replace("disability", "ethnic_group"))
    welsh = panel.get(PAGE, headers={"accept-language": "cy"})
    assert len({first["ETag"], other_filter["ETag"], welsh["ETag"]}) == 3

    known_snapshot(computed=datetime(2025, 5, 1, 2, 30, tzinfo=UTC))
    newer = panel.get(PAGE, headers={"if-none-match": first["ETag"]})
    assert newer.status_code == 200 and newer["ETag"] != first["ETag"]
    assert newer["Last-Modified"] == "Thu, 01 May 2025 02:30:00 GMT"


def test_with_a_shared_cache_a_repeat_does_not_ask_the_database_which_snapshot_is_latest(panel, settings):
    settings.LATEST_SNAPSHOT_CACHE_SECONDS = 30
    first, _ = queries(panel, PAGE)
    again, again_queries = queries(panel, PAGE)
    assert again.content == first.content
    assert not any("inequities_snapshot" in sql for sql in again_queries)
    # A snapshot deleted is forgotten at once: the page is made from the one before it.
    newer = known_snapshot(computed=datetime(2025, 5, 1, 2, 30, tzinfo=UTC))
    assert panel.get(PAGE)["Last-Modified"] == "Thu, 01 May 2025 02:30:00 GMT"
    newer.delete()
    assert panel.get(PAGE)["Last-Modified"] == "Tue, 01 Apr 2025 02:30:00 GMT"


def test_the_cache_answers_only_people_who_may_see_the_page(panel, client, personas):
    first = panel.get(PAGE)
    panel.logout()
    client.force_login(personas["housing_officer"])
    client.get("/")
    assert client.get(PAGE, headers={"if-none-match": first["ETag"]}).status_code == 403


def test_each_person_gets_their_own_page_not_anothers(panel, client, personas):
    mine = panel.get(PAGE)
    analyst = client.__class__()
    analyst.force_login(personas["insight_analyst"])
    analyst.get("/insight/dashboards/")
    theirs = analyst.get(PAGE)
    assert theirs.status_code == 200 and theirs["ETag"] != mine["ETag"]
    assert analyst.get(PAGE, headers={"if-none-match": mine["ETag"]}).status_code == 200


@pytest.fixture
def analyst(client, personas):
    known_snapshot()
    client.force_login(personas["insight_analyst"])
    client.get("/insight/dashboards/")
    return client


@pytest.mark.parametrize("url", ["/insight/figures/", "/engagement/representation/"])
def test_the_figures_page_and_the_representation_review_are_answered_from_the_cache_too(analyst, url):
    first, first_queries = queries(analyst, url)
    again, again_queries = queries(analyst, url)
    assert first.status_code == again.status_code == 200 and again.content == first.content
    assert any("inequities_figure" in sql for sql in first_queries)
    assert not any("inequities_figure" in sql for sql in again_queries)


@pytest.mark.parametrize("shared_seconds", [0, 30], ids=["read-every-time", "kept-in-the-shared-cache"])
def test_an_edited_outreach_suggestion_shows_on_the_next_review_without_a_new_snapshot(
    analyst, settings, shared_seconds
):
    from engagement.models import OutreachSuggestion

    settings.LATEST_SNAPSHOT_CACHE_SECONDS = shared_seconds
    url = "/engagement/representation/"
    first, _ = queries(analyst, url)
    repeat, repeat_queries = queries(analyst, url)
    assert repeat["ETag"] == first["ETag"]
    assert any("outreachsuggestion" in sql for sql in repeat_queries) == (shared_seconds == 0)
    suggestion, _ = OutreachSuggestion.objects.update_or_create(
        dimension="disability", group="yes", defaults={"activity_kinds": [], "note": "Zq changed note"}
    )
    again = analyst.get(url)
    assert again["ETag"] != first["ETag"]
    suggestion.delete()
    assert analyst.get(url)["ETag"] not in (first["ETag"], again["ETag"])


def test_a_permission_granted_shows_on_the_next_page_without_a_new_snapshot(analyst, personas):
    from django.contrib.auth.models import Permission

    url = "/engagement/representation/"
    first = analyst.get(url)
    assert "Change which activities we suggest for each group" not in first.content.decode()
    personas["insight_analyst"].user_permissions.add(
        Permission.objects.get(content_type__app_label="engagement", codename="change_outreachsuggestion")
    )
    again = analyst.get(url)
    assert again["ETag"] != first["ETag"]
